// Simplification of the polygons traced along the cell edges of one label raster (GDALPolygonize's
// output) that keeps neighbours sharing one boundary: every ring is cut into arcs at the grid
// corners where three or more labels meet (or two diagonally, or the outside, label -1), and each
// arc is simplified once, with Douglas-Peucker (Douglas & Peucker 1973, Cartographica 10:112-122)
// on a canonical orientation, so the two polygons on its sides receive the same line: no gaps and
// no overlaps appear between them. Pure geometry: no I/O.
#pragma once

#include "model/area_weights.hpp"
#include "model/dem_grid.hpp"

#include <cstdint>

namespace riparia::model {

// The polygon with every arc simplified to within `tolerance_cells` (in cell widths, along each
// axis of the raster). Vertices of `polygon` must lie on the raster's cell corners.
MultiPolygon simplify_label_polygon(const Raster<std::int32_t>& labels, const MultiPolygon& polygon,
                                    double tolerance_cells);

} // namespace riparia::model
