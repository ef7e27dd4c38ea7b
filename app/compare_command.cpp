// riparia compare DIR_A DIR_B: what an edited study (B) changes against the reference (A), from
// the two run folders' stress.json and run.json (docs/outputs.md, "riparia compare").
#include "app/commands.hpp"
#include "app/compare_folder.hpp"
#include "app/compare_headline.hpp"
#include "app/compare_stress.hpp"
#include "app/compare_table.hpp"
#include "app/screen_output.hpp"

#include <fmt/format.h>

namespace riparia::app {

int compare_command(const CompareOptions& o) {
    const RunFolder a = load_run_folder(o.reference_dir);
    const RunFolder b = load_run_folder(o.edited_dir);
    CompareFilter filter;
    if (!o.scenario.empty()) filter.scenario = o.scenario;
    if (!o.policy.empty()) filter.policy = o.policy;
    nlohmann::json comparison = {{"a", o.reference_dir},
                                 {"b", o.edited_dir},
                                 {"difference", "B - A"},
                                 {"basin", {{"a", a.basin}, {"b", b.basin}}},
                                 {"scenario", filter.scenario.value_or("")},
                                 {"policy", filter.policy.value_or("")}};
    comparison["stress"] = compare_stress(a, b, filter);
    comparison["headline"] = compare_headline(a, b, filter);
    if (!o.json_path.empty()) write_atomically(o.json_path, comparison.dump(1) + "\n");
    fmt::print("{}", comparison_table(comparison));
    return 0;
}

} // namespace riparia::app
