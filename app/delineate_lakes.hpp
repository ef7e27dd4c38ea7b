// The closed-lake rule of riparia delineate (--closed-lakes, docs/delineation.md): the closed
// depressions of one crop's fill (model/closed_depressions.hpp) as terminal sinks, and their
// record in delineation.json.
#pragma once

#include "model/closed_depressions.hpp"
#include "model/dem_burn.hpp"

#include <nlohmann/json.hpp>
#include <vector>

namespace riparia::app {

struct ClosedLakes {
    std::vector<std::int64_t> pits; // the sink cells
    nlohmann::json record;          // counts, areas and the largest lakes
};

// The closed lakes of `dem` (as filled: burnt when burning) and its flow; the lakes on the
// declared network's cells stay open.
ClosedLakes find_closed_lakes(const model::Raster<float>& dem, const model::FilledDem& filled,
                              const model::FlowGrid& flow, const model::CellWaterBalance& balance,
                              const std::vector<model::LonLatSegment>& network,
                              double max_aridity_index);

} // namespace riparia::app
