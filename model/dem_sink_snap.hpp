// Where each declared terminal sink sits on the grid: at the cell holding its point, or snapped,
// like an outlet, to the river that ends there. Pure: no I/O.
//
// On a 5' DEM the D8 path of a river that ends in a lake can pass beside the lake's point: a
// one-cell sink there ends nothing but its own neighbours. A snapped sink (`snap_radius_cells`
// N > 0) moves to the cell of highest upstream area within N cells of its point (a square
// window, as outlets snap: model/flow_accumulation.hpp `snap_outlet`), computed on a first pass
// that has only the unsnapped sinks; the second pass ends the river there.
#pragma once

#include "model/basin.hpp"
#include "model/flow_accumulation.hpp"

#include <cstdint>
#include <vector>

namespace riparia::model {

struct SinkRequest {
    GeoPoint point;
    int snap_radius_cells = 0; // 0: the cell holding the point
};

struct PlacedSink {
    std::int64_t cell = -1;   // -1: off the grid, or no land cell within the radius
    double moved_km = 0;      // from the point to the cell centre
    double upstream_km2 = -1; // snapped: the cell's upstream area on the first pass
};

bool any_snapped(const std::vector<SinkRequest>& sinks);

// The cells of the unsnapped sinks (the cell holding each point); -1 for the snapped ones and
// for points off the grid: the sinks of the first pass.
std::vector<std::int64_t> point_sink_cells(const GridGeometry& grid,
                                           const std::vector<SinkRequest>& sinks);

// Every sink's cell: unsnapped at its point, snapped at the land cell of highest
// `first_pass_upstream_km2` within its radius on `first_pass` (the flow without the snapped
// sinks); ties go to the nearest cell.
std::vector<PlacedSink> place_sinks(const FlowGrid& first_pass,
                                    const std::vector<double>& first_pass_upstream_km2,
                                    const std::vector<SinkRequest>& sinks);

} // namespace riparia::model
