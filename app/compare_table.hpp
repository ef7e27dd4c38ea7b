// The terminal view of `riparia compare`: the flags that appear and disappear first, then the
// stress rows, the indicator changes and run.json's headline figures, each table with the largest
// changes first and units in the column headers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

// `comparison` as compare_command builds it (the same object --json writes).
std::string comparison_table(const nlohmann::json& comparison);

} // namespace riparia::app
