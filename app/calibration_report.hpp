// What `riparia calibrate` reports: calibration.json (parameters per group, each target before
// and after, objective, evaluations, algorithm, seed, time) and the table printed at the end.
#pragma once

#include "app/calibration_problem.hpp"
#include "app/calibration_search.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

struct CalibrationOutcome {
    const io::CalibrationFile* file = nullptr;
    const CalibrationProblem* problem = nullptr;
    SearchResult search;
    Evaluation before, after;
    double seconds = 0;
    std::string member; // the ensemble member whose forcing was used
    std::string command_line;
};

nlohmann::json calibration_json(const CalibrationOutcome& outcome);
std::string calibration_table(const CalibrationOutcome& outcome);

} // namespace riparia::app
