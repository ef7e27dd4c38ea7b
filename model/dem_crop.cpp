#include "model/dem_crop.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace riparia::model {

template <class T> Raster<T> crop_to_box(const Raster<T>& raster, const LonLatBox& box) {
    const GridGeometry& g = raster.grid;
    const double r_a = (box.lat_min_deg - g.lat0_deg) / g.dlat_deg;
    const double r_b = (box.lat_max_deg - g.lat0_deg) / g.dlat_deg;
    const auto row0 = std::size_t(std::clamp(std::ceil(std::min(r_a, r_b)), 0.0, double(g.rows)));
    const auto row1 =
        std::size_t(std::clamp(std::floor(std::max(r_a, r_b)) + 1, 0.0, double(g.rows)));
    double offset = std::fmod(box.lon_min_deg - g.lon0_deg, 360.0);
    if (offset < 0) offset += 360.0;
    auto col0 = std::size_t(std::ceil(offset / g.dlon_deg));
    auto ncols = std::size_t(std::floor((box.lon_max_deg - box.lon_min_deg) / g.dlon_deg)) + 1;
    Raster<T> out;
    out.grid = g;
    out.grid.rows = row1 > row0 ? row1 - row0 : 0;
    out.grid.lat0_deg = g.lat_deg(row0);
    if (ncols >= g.cols || (!g.wraps && col0 >= g.cols)) col0 = 0, ncols = g.cols;
    if (!g.wraps) ncols = std::min(ncols, g.cols - col0);
    out.grid.cols = ncols;
    out.grid.wraps = g.wraps && ncols == g.cols;
    if (!out.grid.wraps) {
        out.grid.lon0_deg = std::fmod(g.lon_deg(col0) + 540.0, 360.0) - 180.0;
    }
    out.values.resize(out.grid.cells());
    for (std::size_t r = 0; r < out.grid.rows; ++r)
        for (std::size_t c = 0; c < ncols; ++c)
            out.values[r * ncols + c] = raster.at(row0 + r, (col0 + c) % g.cols);
    return out;
}

template Raster<float> crop_to_box(const Raster<float>&, const LonLatBox&);
template Raster<std::uint8_t> crop_to_box(const Raster<std::uint8_t>&, const LonLatBox&);

} // namespace riparia::model
