#include "app/commands.hpp"
#include "app/forcing_library.hpp"
#include "app/loaded_study.hpp"
#include "app/study_plan.hpp"

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
    const StudyPlan plan(loaded);
    const ForcingLibrary forcing(plan); // opens and checks every forcing the runs use
    fmt::print("  forcing  {} file(s), every one covers the period\n", forcing.files().size());
    const auto& e = loaded.ensemble;
    fmt::print("  runs     {} = {} scenario(s) x {} polic(ies) x {} member(s){}\n",
               plan.items().size(), e.scenarios.size(), e.policies.size(), e.members.size(),
               e.combinations.size() < e.scenarios.size() * e.policies.size()
                   ? fmt::format(" ({} combinations listed)", e.combinations.size())
                   : std::string());
    return 0;
}

} // namespace riparia::app
