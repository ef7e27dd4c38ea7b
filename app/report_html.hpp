// report.html: the self-contained page of a run (docs/outputs.md) — the page, stylesheet and
// script of report/ (embedded in the executable at build time) with the run's data inlined.
#pragma once

#include "app/study_plan.hpp"
#include "io/staged_folder.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

// The page with `data` (app/report_data.hpp) embedded; no reference to the network.
std::string report_page(const nlohmann::json& data);

// The country of each demand of every policy of the study.
std::map<std::string, std::string> demand_countries(const StudyPlan& plan);

// Writes report.html into the folder from its run.json, stress.json, results.nc and layers.gpkg
// (to a temporary name, renamed when complete).
void write_run_report(const StudyPlan& plan, const io::StagedFolder& folder);

} // namespace riparia::app
