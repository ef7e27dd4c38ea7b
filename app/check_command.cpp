#include "app/commands.hpp"
#include "app/loaded_study.hpp"

#include <fmt/format.h>

namespace riparia::app {

int check_command(const std::string& study_path) {
    const LoadedStudy loaded = load_study(study_path);
    const auto& basin = loaded.basin.basin;
    std::size_t with_snow = 0;
    for (const auto& s : basin.subbasins)
        with_snow += s.snow ? 1 : 0;
    fmt::print("{}: ok\n", study_path);
    fmt::print("  study    {}\n", loaded.study.name);
    fmt::print("  basin    {} ({}): {} sub-basins, {} outlet(s), {} with snow\n", basin.name,
               loaded.basin.path, basin.subbasins.size(), basin.network.outlets().size(),
               with_snow);
    fmt::print("  period   {} .. {} after {} warm-up days\n", calendar::to_iso(loaded.study.start),
               calendar::to_iso(loaded.study.end), loaded.study.warmup_days);
    fmt::print("  forcing  {} CSV file(s), every one covers the period\n",
               loaded.forcing->series().size());
    return 0;
}

} // namespace riparia::app
