// One run of a study (a scenario, a policy, a member): simulate it, spool its output records and
// leave its summary (water balance, compliance, timings) beside the spool. A run whose summary
// exists is done; a run with a checkpoint resumes from it.
#pragma once

#include "app/forcing_library.hpp"
#include "app/study_plan.hpp"

#include <functional>
#include <string>

namespace riparia::app {

struct RunContext {
    const StudyPlan& plan;
    ForcingLibrary& forcing;
    std::string runs_dir; // spools, summaries and checkpoints
    model::OutputPeriod period = model::OutputPeriod::monthly;
    int checkpoint_every_years = 0; // 0: never
    std::string fingerprint;        // of the inputs; a checkpoint of other inputs is refused
    std::function<void(std::int64_t)> on_days; // days simulated since the last call
};

std::string spool_path(const std::string& runs_dir, const RunItem& item);
std::string summary_path(const std::string& runs_dir, const RunItem& item);
std::string checkpoint_path(const std::string& runs_dir, const RunItem& item);

// True when the run has finished earlier (its summary is on disk).
bool run_is_done(const std::string& runs_dir, const RunItem& item);

void run_item(const RunContext& context, const RunItem& item);

} // namespace riparia::app
