// A global monthly climatology held in memory (12 fields, January first, on increasing cell
// edges) and looked up at a point: the climate of each DEM cell. Pure: no I/O.
#pragma once

#include "model/area_weights.hpp"

#include <array>
#include <vector>

namespace riparia::model {

struct MonthlyGrid {
    GridEdges edges;                          // increasing latitudes and longitudes
    std::array<std::vector<float>, 12> value; // row * columns + col; NaN where missing
};

// The values of the cell holding (lat, lon) (longitudes compared modulo 360); when that cell is
// missing, those of the nearest valid cell within `radius_cells` rows and columns (a coast on a
// land-only grid). NaN in every month when there is none, or the point is outside the grid.
std::array<double, 12> monthly_at(const MonthlyGrid& grid, double lat_deg, double lon_deg,
                                  int radius_cells);

} // namespace riparia::model
