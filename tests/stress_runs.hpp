// A study run through the real `riparia` executable on one thread and on two, for the stress
// tables' tests: both must succeed and give byte-identical stress.json and stress.csv.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::test {

// Runs `study` into `dir`/one (1 thread) and `dir`/two (2 threads), checks that the stress
// tables are identical, and returns the rows of stress.json (empty when a run failed).
nlohmann::json stress_rows_on_one_and_two_threads(const std::string& dir, const std::string& study);

} // namespace riparia::test
