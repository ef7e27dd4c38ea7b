// Per-run figures for the stress score, from a run's summary (app/run_statistics.hpp) and the
// basin its policy simulates (internal to app/run_stress.cpp).
#pragma once

#include "app/study_plan.hpp"
#include "model/stress_score.hpp"

#include <nlohmann/json.hpp>

namespace riparia::app {

// `baseline` and `pristine`: the same member's run in the baseline scenario (same policy) and
// under the pristine policy (same scenario); nullptr when the study has none.
model::BasinFigures run_figures(const StudyPlan& plan, const RunItem& item,
                                const nlohmann::json& run, const nlohmann::json* baseline,
                                const nlohmann::json* pristine);

} // namespace riparia::app
