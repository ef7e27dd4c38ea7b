// Depression filling and D8 flow directions from a DEM, on the sphere. Pure: no I/O.
//
// Priority-Flood (Barnes, Lehman & Mulla 2014, "Priority-flood: An optimal depression-filling
// and watershed-labeling algorithm for digital elevation models", Computers & Geosciences
// 62:117-127), their "Improved Priority-Flood" (Algorithm 2): cells are flooded inward from the
// outlets (the grid border and the cells beside the sea) in order of elevation; a cell lower than
// the cell that reached it is raised to its spill level and goes through a plain FIFO queue
// instead of the heap. Every land cell records the cell that flooded it; a cell with no lower
// neighbour after filling (a filled pit or a flat) drains to that cell, which leads back along the
// flood front to the spill point, so every land cell drains without an epsilon gradient.
#pragma once

#include "model/dem_grid.hpp"

#include <cstdint>
#include <vector>

namespace riparia::model {

// Where the water goes: downstream[cell] is the next cell, or -1 where the flow leaves the
// land (into the sea, off the grid, or a pit of a flow-direction grid). Only `land` cells carry
// area; sea and missing cells have land = 0.
struct FlowGrid {
    GridGeometry grid;
    std::vector<std::int32_t> downstream;
    std::vector<std::uint8_t> land;
};

struct FilledDem {
    std::vector<float> filled_m;            // >= the DEM on land; the DEM elsewhere
    std::vector<std::int32_t> flooded_from; // the cell that reached it, -1 for the seeds
};

// Land is a finite elevation above `sea_level_m`; cells at or below it (the ocean and the
// terminal depressions below sea level: Caspian, Dead Sea, Qattara) and NaN cells are sinks.
std::vector<std::uint8_t> land_mask(const Raster<float>& dem, float sea_level_m);

// Priority-Flood with the FIFO pit queue (Barnes et al. 2014, Algorithm 2). `outlets` are
// further land cells that seed the flood as the border does (the terminal outlets of a declared
// network, where the water leaves: D8 gives them no downstream cell).
FilledDem priority_flood(const Raster<float>& dem, const std::vector<std::uint8_t>& land,
                         const std::vector<std::int64_t>& outlets = {});

// The same fill with a heap only (Barnes et al. 2014, Algorithm 1): the baseline of the bench.
FilledDem priority_flood_heap_only(const Raster<float>& dem, const std::vector<std::uint8_t>& land);

// D8 (O'Callaghan & Mark 1984, Computer Vision, Graphics, and Image Processing 28:323-344):
// each land cell drains to the neighbour of steepest descent (drop / great-circle distance
// between the centres); a cell with no lower neighbour drains to the cell that flooded it.
FlowGrid d8_directions(const Raster<float>& dem, const FilledDem& filled,
                       const std::vector<std::uint8_t>& land);

} // namespace riparia::model
