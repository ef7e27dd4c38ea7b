// Upstream areas, outlet snapping and nested sub-basin labels on a flow grid. Pure: no I/O.
#pragma once

#include "model/dem_fill.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace riparia::model {

// Land cells ordered so that every cell comes before the cell it drains to (Kahn 1962,
// "Topological sorting of large networks", CACM 5:558-562). Returns std::nullopt when the
// directions hold a cycle; `cycle_cell` then receives a cell on it.
std::optional<std::vector<std::int32_t>> upstream_first(const FlowGrid& flow,
                                                        std::int64_t* cycle_cell = nullptr);

// Upstream area (km2) of every cell, its own area included; 0 off land. Conserves area: the
// sum over the cells that drain out (downstream -1) equals the land area.
std::vector<double> accumulate_km2(const FlowGrid& flow, const std::vector<std::int32_t>& order);

struct SnappedOutlet {
    std::int64_t cell = -1; // -1: no land cell within the radius
    double moved_km = 0;    // great-circle distance from the given point to the cell centre
};

// The land cell of highest upstream area within `radius_cells` (a square window, columns
// wrapping on a global grid) of the cell holding the point; ties go to the nearest.
SnappedOutlet snap_outlet(const FlowGrid& flow, const std::vector<double>& upstream_km2,
                          double lat_deg, double lon_deg, int radius_cells);

// Each land cell gets the index of the first outlet met going downstream from it (the outlet
// cell itself included), or -1 when none is: nested sub-basins upstream of each outlet.
std::vector<std::int32_t> label_subbasins(const FlowGrid& flow,
                                          const std::vector<std::int32_t>& order,
                                          const std::vector<std::int64_t>& outlet_cells);

// Area (km2) of each label's cells.
std::vector<double> label_area_km2(const FlowGrid& flow, const std::vector<std::int32_t>& label,
                                   std::size_t labels);

} // namespace riparia::model
