// Cropping a global or regional raster to a lon/lat box (columns wrap on a global grid). Pure.
#pragma once

#include "model/dem_grid.hpp"

namespace riparia::model {

struct LonLatBox {
    double lat_min_deg = -90, lat_max_deg = 90;
    double lon_min_deg = -180, lon_max_deg = 180; // lon_max may exceed 180 (e.g. 170 .. 200)
};

// The cells whose centres lie in the box. A box as wide as the grid keeps every column (and
// the wrap); otherwise the crop does not wrap and its first longitude is moved into
// [-180, 180). Rows outside the grid are dropped. Defined for float (a DEM) and std::uint8_t
// (a mask).
template <class T> Raster<T> crop_to_box(const Raster<T>& raster, const LonLatBox& box);

} // namespace riparia::model
