// Flow-direction grids read with GDAL, as a model::FlowGrid:
//   - PCRaster LDD (local drain direction, e.g. PCR-GLOBWB's .map): keypad codes, 8 = north,
//     6 = east, 2 = south, 4 = west, 9/7/3/1 the diagonals, 5 = pit (PCRaster manual, "ldd").
//   - ESRI D8 (ArcGIS Flow Direction): 1 = east, 2 = south-east, 4 = south, 8 = south-west,
//     16 = west, 32 = north-west, 64 = north, 128 = north-east; 0 or 255 = a sink; 247 =
//     missing (pyflwdir's convention).
// A cell draining off the grid or into a missing cell drains out (downstream -1).
#pragma once

#include "model/dem_fill.hpp"

#include <string>

namespace riparia::io {

enum class FlowCoding { pcraster_ldd, esri_d8 };

// Throws InputError naming the file, the cell (row, col) and the value when a code is not one
// of the coding's, or when the directions hold a cycle.
model::FlowGrid read_flow_directions(const std::string& path, FlowCoding coding);

} // namespace riparia::io
