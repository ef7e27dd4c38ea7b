// Upstream-to-downstream order of a basin's country units from terrain (docs/stress.md,
// "Upstream order"). Pure: elevations and borders in, an order and a drainage tree out.
//
// Heuristic: a unit's water leaves it at its lowland, so units are ranked by their lowland
// elevation (the area-weighted 10th percentile), then by mean elevation: higher is upstream. A
// unit drains to the lower unit it shares the longest border with (a river crosses from one
// country into the neighbour along whose border most of its catchment lies: Ethiopia's Nile
// water enters Sudan, not Eritrea; China's Irtysh enters Kazakhstan, not Russia), the next
// lower one on equal borders, or the next lower unit when it touches none.
// Units without terrain (no country polygon) keep the fallback order the caller gives (AQUASTAT
// dependency): each drains to the next unit with terrain in that order, or to the lowest unit
// when none follows.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace riparia::model {

struct OrderUnit {
    bool has_terrain = false;
    double low_m = 0, mean_m = 0;                        // used when has_terrain
    std::vector<std::pair<std::size_t, double>> borders; // units touched, border length (km)
    double fallback_rank = 0; // position in the fallback order (lower: upstream)
};

struct UnitOrder {
    std::vector<std::size_t> order; // input indices, upstream first
    std::vector<int> downstream;    // per position in `order`: position drained to, -1 outlet
};

UnitOrder order_by_terrain(const std::vector<OrderUnit>& units);

} // namespace riparia::model
