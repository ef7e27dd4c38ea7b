// The conflict-stress indicators of a study's runs (docs/stress.md): each run's simulated figures
// per basin-country unit and per upstream->downstream pair — available water, withdrawals,
// dependency on upstream water, variability, unmet demand, inflow against the pristine run,
// change against the baseline scenario, the agreements in force and their compliance — scored
// with the same composite as `riparia screen`, then summarised per scenario and policy over the
// members: the median score, the share of members at risk, the flag, and the reasons.
#pragma once

#include "app/study_plan.hpp"
#include "model/stress_config.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

// Writes stress.csv and stress.json; returns the basin-level rows (for the printed summary).
nlohmann::json write_run_stress(const StudyPlan& plan, const nlohmann::json& runs,
                                const model::StressConfig& config, const std::string& csv_path,
                                const std::string& json_path);

void print_stress_summary(const nlohmann::json& basin_rows);

} // namespace riparia::app
