// results.nc and the runs' part of run.json, assembled from the spools and summaries of a
// study's runs (by `run` when every run is done, and by `merge` from the folders of shards).
#pragma once

#include "app/study_plan.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

struct ResultsLabels {
    std::string command_line;
    model::OutputPeriod period = model::OutputPeriod::monthly;
};

// Writes results.nc at `path` from the spools in `runs_dir` (every run of the plan).
void assemble_results(const StudyPlan& plan, const std::string& runs_dir, const std::string& path,
                      const ResultsLabels& labels);

// The summaries of every run, in plan order.
nlohmann::json run_summaries(const StudyPlan& plan, const std::string& runs_dir);

// The study's scenarios, policies and members as run.json lists them.
nlohmann::json ensemble_description(const StudyPlan& plan);

} // namespace riparia::app
