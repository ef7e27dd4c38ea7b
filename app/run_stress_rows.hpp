// The rows of a run's stress table (internal to app/run_stress.cpp): one item (the basin, a unit,
// a pair) of one scenario and policy, with each member's score, indicators and the quantities
// that policies and scenarios are compared on, summarised over the members (docs/stress.md).
#pragma once

#include "app/run_stress_transition.hpp"
#include "model/stress_config.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace riparia::app {

struct MemberResult {
    std::size_t member = 0;
    double score = 0;
    int risk_class = 1;
    std::vector<std::string> reasons;
    std::vector<double> indicators; // model::indicator_catalogue() order
    // Volumes compared across policies and scenarios, named in words ("dry-season inflow to EGY").
    std::vector<std::pair<std::string, double>> compared;
};

struct StressRow {
    std::string scenario, policy, level, item;
    std::vector<MemberResult> members;
};

// The row of the same item compared with: the as-is policy (same scenario) and the baseline
// scenario (same policy); nullptr when this row is one of them or the study has none. And the
// row's transition windows against them, if any.
struct RowReferences {
    const StressRow* as_is = nullptr;
    const StressRow* baseline = nullptr;
    const RowTransitions* transition = nullptr;
};

nlohmann::json summarise_row(const StressRow& row, const RowReferences& references,
                             const model::StressConfig& config);

} // namespace riparia::app
