#include "app/loaded_study.hpp"

namespace riparia::app {

LoadedStudy load_study(const std::string& study_path) {
    LoadedStudy loaded;
    loaded.study = io::load_study_file(study_path);
    loaded.basin = io::load_basin_file(loaded.study.basin_path);
    loaded.period.first_day = calendar::day_number(loaded.study.start);
    loaded.period.last_day = calendar::day_number(loaded.study.end);
    loaded.period.warmup_first_day = loaded.period.first_day - loaded.study.warmup_days;
    loaded.forcing =
        std::make_unique<io::CsvForcing>(loaded.basin.basin, loaded.basin.forcing_paths,
                                         loaded.period.warmup_first_day, loaded.period.last_day);
    return loaded;
}

} // namespace riparia::app
