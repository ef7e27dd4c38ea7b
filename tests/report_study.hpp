// A small ensemble on the demo basin for the report tests: two scenarios, two policies and the
// pristine counterfactual, one member, 1990-1993; run once per test case into a scratch folder.
#pragma once

#include "tests/support.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::test {

// Runs the study into `dir`/out and returns the output folder (REQUIREs success).
std::string run_report_study(const ScratchDir& dir);

// The JSON embedded in report.html's <script type="application/json" id="report-data">.
nlohmann::json embedded_report_data(const std::string& page);

// The basin-country units of stress.json (level "unit"), each once.
std::vector<std::string> stress_units(const std::string& stress_json_path);

} // namespace riparia::test
