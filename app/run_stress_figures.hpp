// Per-run figures for the stress score and indicators, from the run's water per country
// (app/run_stress_water.hpp) and the basin its policy simulates (internal to app/run_stress.cpp).
#pragma once

#include "app/run_stress_water.hpp"
#include "app/study_plan.hpp"
#include "model/stress_score.hpp"

#include <nlohmann/json.hpp>

namespace riparia::app {

// The water of the run and of the runs it is compared with, all of the same member: `baseline`
// (baseline scenario, same policy), `pristine` (same scenario, pristine policy) and `season`
// (whose driest months define the dry season: the baseline scenario's pristine run when the
// study has one, else the run itself). nullptr when the study has none.
struct RunWaters {
    const RunWater& run;
    const RunWater* baseline;
    const RunWater* pristine;
    const RunWater& season;
};

// Every upstream->downstream pair is returned (`border` or not); the caller keeps those that
// matter. `run` is the run's summary (agreements and their compliance).
model::BasinFigures run_figures(const StudyPlan& plan, const RunItem& item,
                                const nlohmann::json& run, const RunWaters& water,
                                const model::StressConfig& config);

} // namespace riparia::app
