// Flow-origin tracking on a tree of basin-country units: where each unit's available water came
// from. Water leaving a unit is its available water minus its consumption, assumed well mixed,
// so it keeps the origin shares of the water that entered. The dependency ratio of a unit (FAO
// AQUASTAT: the share of its water that originates outside it) is 1 - its own origin share.
#pragma once

#include <cstddef>
#include <vector>

namespace riparia::model {

struct FlowUnit {
    double local_runoff_m3 = 0; // generated inside the unit
    double consumption_m3 = 0;  // removed before the water leaves
    int downstream = -1;        // index of the next unit; -1 at the outlet
};

struct FlowOrigin {
    std::vector<double> available_m3; // local runoff + inflow
    std::vector<double> inflow_m3;    // from upstream units
    std::vector<double> outflow_m3;   // max(0, available - consumption)
    // origin_share[u][k]: share of unit u's available water generated in unit k (rows sum to 1
    // where water is available).
    std::vector<std::vector<double>> origin_share;
    double dependency(std::size_t unit) const { return 1 - origin_share[unit][unit]; }
};

// Throws std::invalid_argument on a downstream index out of range or a cycle.
FlowOrigin track_flow_origin(const std::vector<FlowUnit>& units);

} // namespace riparia::model
