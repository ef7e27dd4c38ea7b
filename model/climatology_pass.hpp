// The long-term means the Hanasaki rule needs, from a natural (unmanaged) pass of the hydrology
// over the study period: mean monthly inflow at each reservoir and mean monthly demand of the
// demands it can serve (its own sub-basin and those downstream of it).
#pragma once

#include "model/basin.hpp"
#include "model/forcing.hpp"
#include "model/reservoir.hpp"

#include <vector>

namespace riparia::model {

struct RunSettings;

// One entry per reservoir; empty when no reservoir follows the Hanasaki rule (no pass is run).
std::vector<HanasakiClimatology> hanasaki_climatology(const Basin& basin, ForcingSource& forcing,
                                                      const RunSettings& settings);

} // namespace riparia::model
