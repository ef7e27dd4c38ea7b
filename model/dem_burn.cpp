#include "model/dem_burn.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace riparia::model {

namespace {

double cell_lat(const GridGeometry& g, std::int64_t c) {
    return g.lat_deg(std::size_t(c) / g.cols);
}
double cell_lon(const GridGeometry& g, std::int64_t c) {
    return g.lon_deg(std::size_t(c) % g.cols);
}

} // namespace

std::vector<std::int64_t> rasterise_segment(const GridGeometry& grid, const LonLatSegment& s) {
    const auto a = cell_at(grid, s.from_lat_deg, s.from_lon_deg);
    const auto b = cell_at(grid, s.to_lat_deg, s.to_lon_deg);
    if (a < 0 || b < 0) return {};
    const auto cols = std::int64_t(grid.cols);
    std::int64_t r = a / cols, c = a % cols;
    const std::int64_t dr = b / cols - r;
    std::int64_t dc = b % cols - c;
    if (grid.wraps && std::abs(dc) > cols / 2) dc -= dc > 0 ? cols : -cols;
    const std::int64_t n = std::max(std::abs(dr), std::abs(dc));
    std::vector<std::int64_t> cells;
    cells.reserve(std::size_t(n) + 1);
    for (std::int64_t i = 0; i <= n; ++i) { // Bresenham: the minor axis rounds to nearest
        const std::int64_t rr = r + (n ? (2 * dr * i + (dr < 0 ? -n : n)) / (2 * n) : 0);
        std::int64_t cc = c + (n ? (2 * dc * i + (dc < 0 ? -n : n)) / (2 * n) : 0);
        cc = ((cc % cols) + cols) % cols;
        cells.push_back(rr * cols + cc);
    }
    return cells;
}

std::size_t land_along_network(const Raster<float>& dem, std::vector<std::uint8_t>& land,
                               const std::vector<LonLatSegment>& segments,
                               const BurnSettings& settings) {
    std::size_t count = 0;
    for (const auto& segment : segments)
        for (const auto c : rasterise_segment(dem.grid, segment)) {
            const float z = dem.values[c];
            if (land[c] || !std::isfinite(z) || z < -settings.delta_depth_m) continue;
            land[c] = 1;
            ++count;
        }
    return count;
}

std::size_t burn_streams(Raster<float>& dem, const std::vector<std::uint8_t>& land,
                         const std::vector<LonLatSegment>& segments, const BurnSettings& settings) {
    const GridGeometry& g = dem.grid;
    std::vector<std::uint8_t> burnt(g.cells(), 0);
    std::size_t count = 0;
    for (const auto& segment : segments) {
        double previous = INFINITY;
        std::int64_t before = -1;
        for (const auto c : rasterise_segment(g, segment)) {
            if (!land[c]) break;
            double level = burnt[c] ? dem.values[c] : dem.values[c] - settings.depth_m;
            if (before >= 0) {
                const double km = great_circle_km(cell_lat(g, before), cell_lon(g, before),
                                                  cell_lat(g, c), cell_lon(g, c));
                level = std::min(level, previous - settings.gradient_m_per_km * km);
            }
            count += !burnt[c];
            burnt[c] = 1;
            dem.values[c] = float(level);
            previous = dem.values[c], before = c;
        }
    }
    return count;
}

} // namespace riparia::model
