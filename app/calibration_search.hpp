// The optimiser of `riparia calibrate`: an NLopt global search over the normalised parameter box
// (CRS2 with local mutation, ISRES or DIRECT-L), then a local polish (BOBYQA or Nelder-Mead)
// from the best point found, within the file's evaluation budget. Deterministic: NLopt's random
// generator is seeded with the file's seed before each phase.
#pragma once

#include "app/calibration_problem.hpp"

#include <functional>
#include <string>
#include <vector>

namespace riparia::app {

struct SearchResult {
    std::vector<double> best_unit;
    double best_objective = 0;
    int evaluations = 0;                           // in total
    int global_evaluations = 0;                    // of which the global phase
    std::string global_algorithm, local_algorithm; // NLopt names
    std::string global_status, local_status;
};

// The global phase gets this share of max_evaluations, the polish the rest.
inline constexpr double kGlobalShare = 0.75;

SearchResult search(const CalibrationProblem& problem, const io::CalibrationFile& file,
                    const std::function<void(int evaluations, double best)>& on_progress);

} // namespace riparia::app
