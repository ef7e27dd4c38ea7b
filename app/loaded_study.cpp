#include "app/loaded_study.hpp"

namespace riparia::app {

LoadedStudy load_study(const std::string& study_path, int members_limit) {
    LoadedStudy loaded;
    loaded.study = io::load_study_file(study_path);
    loaded.basin = io::load_basin_file(loaded.study.basin_path);
    loaded.ensemble = io::read_ensemble(loaded.study, loaded.basin);
    auto& members = loaded.ensemble.members;
    if (members_limit > 0 && static_cast<std::size_t>(members_limit) < members.size()) {
        members.resize(static_cast<std::size_t>(members_limit));
    }
    loaded.period.first_day = calendar::day_number(loaded.study.start);
    loaded.period.last_day = calendar::day_number(loaded.study.end);
    loaded.period.warmup_first_day = loaded.period.first_day - loaded.study.warmup_days;
    return loaded;
}

} // namespace riparia::app
