// What `riparia run` prints when done: the water balance and the compliance of agreements and
// environmental flows — per basin for a single run, per scenario and policy for an ensemble.
#pragma once

#include <nlohmann/json.hpp>

namespace riparia::app {

// `runs`: the run summaries in plan order (see app/run_item.cpp).
void print_run_report(const nlohmann::json& runs, bool ensemble);

} // namespace riparia::app
