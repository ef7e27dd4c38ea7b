// What `riparia run` prints when done: the water balance and the compliance of agreements and
// environmental flows — per basin for a single run, per scenario and policy for an ensemble.
#pragma once

#include "model/basin.hpp"

#include <nlohmann/json.hpp>

namespace riparia::app {

// `runs`: the run summaries in plan order (see app/run_item.cpp).
// For an ensemble, per scenario and policy: flows where the river crosses a border and at the
// outlets, shortages by country, and agreement compliance.
void print_run_report(const nlohmann::json& runs, const model::Basin& basin, bool ensemble);

} // namespace riparia::app
