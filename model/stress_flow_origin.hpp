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

// The same tracing on a simulated network of sub-basins grouped in regions (countries), with the
// simulated outflow of every node: the water leaving a node is the mix of what entered it (its own
// runoff and its upstream nodes' outflows), scaled to the simulated outflow, so withdrawals,
// losses and storage take every origin in proportion (well mixed).
struct OriginNode {
    std::size_t region = 0;
    double local_runoff_m3 = 0; // generated on the node's own area
    double outflow_m3 = 0;      // simulated, leaving toward `downstream`
    int downstream = -1;
};

struct RegionWater {
    // Per region: its own runoff plus what flows in from other regions (the available water).
    std::vector<double> available_m3, inflow_m3;
    // origin_m3[r][k]: of region r's available water, the volume generated in region k.
    std::vector<std::vector<double>> origin_m3;
    // through_m3[r][k]: of the water flowing into r from other regions, the volume that was
    // generated in or has flowed through region k (k != r; a volume counts for every region it
    // crossed, so a row does not sum to the inflow).
    std::vector<std::vector<double>> through_m3;
    double dependency(std::size_t r) const {
        return available_m3[r] > 0 ? 1 - origin_m3[r][r] / available_m3[r] : 0;
    }
};

// Throws std::invalid_argument on a region or downstream index out of range or a cycle.
RegionWater trace_region_water(const std::vector<OriginNode>& nodes, std::size_t regions);

} // namespace riparia::model
