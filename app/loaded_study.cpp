#include "app/loaded_study.hpp"

namespace riparia::app {

LoadedStudy load_study(const std::string& study_path) {
    LoadedStudy loaded;
    loaded.study = io::load_study_file(study_path);
    loaded.basin = io::load_basin_file(loaded.study.basin_path);
    loaded.ensemble = io::read_ensemble(loaded.study, loaded.basin);
    loaded.period.first_day = calendar::day_number(loaded.study.start);
    loaded.period.last_day = calendar::day_number(loaded.study.end);
    loaded.period.warmup_first_day = loaded.period.first_day - loaded.study.warmup_days;
    return loaded;
}

} // namespace riparia::app
