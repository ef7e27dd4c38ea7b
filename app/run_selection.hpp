// riparia run --scenario/--policy/--no-pristine: only some of a study's (scenario, policy) pairs,
// each with every member. The pristine run of each selected scenario stays (the stress rows'
// upstream-impact terms and dry seasons are measured against it) unless --no-pristine. The
// ensemble then holds only the selected scenarios and policies, in the study's order, so
// results.nc, run.json and the stress tables list only those; a run keeps its member's seed, so
// it is bit-identical to the same run of the whole study.
#pragma once

#include "app/commands.hpp"
#include "app/loaded_study.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::app {

// The study with only the selected runs (load_study, then select_runs). Throws io::InputError.
LoadedStudy load_selected_study(const RunOptions& options);

// Keeps the selected pairs in study.ensemble and says in study.baseline_scenario_selected,
// study.as_is_policy_selected and study.selection_notes what the stress comparisons lose.
// Throws io::InputError naming the option on an unknown name or a selection without runs.
void select_runs(LoadedStudy& study, const RunSelection& selection);

// "scenario/policy" of each pair the ensemble holds, in plan order.
std::vector<std::string> selected_pairs(const LoadedStudy& study);

// Added to the fingerprint that --resume and merge check: empty without a selection.
std::string selection_fingerprint(const RunSelection& selection, const LoadedStudy& study);

// The options as shard.json keeps them for merge, and back.
nlohmann::json selection_json(const RunSelection& selection);
RunSelection selection_of(const nlohmann::json& json); // null or absent: no selection

} // namespace riparia::app
