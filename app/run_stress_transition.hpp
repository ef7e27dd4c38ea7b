// Transition windows of a study's runs (docs/stress.md, "Transition windows"; internal to
// app/run_stress.cpp): per scenario, policy and item (unit or pair), the consecutive years in
// which the policy (against the as-is policy, same scenario and member) or the scenario (against
// the baseline, same policy and member) cuts the yearly and the dry-season inflow the most
// (model/stress_transition.hpp), the sentence that states it, and each member's change in that
// window written into its figures, where the score's change group reads it.
#pragma once

#include "app/run_stress_figures.hpp"
#include "app/study_plan.hpp"
#include "model/stress_score.hpp"
#include "model/stress_transition.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace riparia::app {

struct YearlyInflow {
    std::vector<double> inflow_km3, dry_inflow_km3; // per full year; dry: empty when unknown
};

// A run's yearly inflows: per unit (from all other countries) and per pair (from or through the
// upstream country), keyed by (level, label) as in the stress rows ("unit", "EGY"),
// ("pair", "ETH -> EGY"); the dry season is the downstream unit's (RunWaters::season).
struct RunInflows {
    std::vector<int> years; // calendar years of the full years
    std::map<std::pair<std::string, std::string>, YearlyInflow> items;
};

RunInflows run_inflows(const RunWaters& water);

struct QuantityTransition {
    std::string sentence; // empty when no member is cut by more than the notable share
    std::string years;    // "1991-1993"
    std::string against;  // "the 'basin' policy"
    model::TransitionWindow window;
};

struct RowTransitions {
    std::optional<QuantityTransition> inflow, dry_inflow;
};

struct TransitionKey {
    int scenario = 0, policy = 0;
    std::string level, item;
    auto operator<=>(const TransitionKey&) const = default;
};

using TransitionTable = std::map<TransitionKey, RowTransitions>;

// `runs[k]` and `inflows[k]` belong to `figures[k]`; `as_is` is the as-is policy (-1: none).
// Of the two references a row may have, each quantity takes the one with the larger median cut.
TransitionTable find_transitions(const StudyPlan& plan, const std::vector<const RunItem*>& runs,
                                 const std::vector<RunInflows>& inflows, int as_is,
                                 std::vector<model::BasinFigures>& figures,
                                 const model::StressConfig& config);

} // namespace riparia::app
