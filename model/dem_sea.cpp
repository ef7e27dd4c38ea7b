#include "model/dem_sea.hpp"

#include <cmath>
#include <deque>

namespace riparia::model {

namespace {

bool on_edge(const GridGeometry& grid, std::size_t cell) {
    const std::size_t row = cell / grid.cols, col = cell % grid.cols;
    if (row == 0 || row + 1 == grid.rows) return true;
    return !grid.wraps && (col == 0 || col + 1 == grid.cols);
}

} // namespace

std::vector<std::uint8_t> sea_mask(const Raster<float>& dem, float sea_level_m) {
    const auto& z = dem.values;
    const auto low = [&](std::size_t c) { return !std::isfinite(z[c]) || z[c] < sea_level_m; };
    std::vector<std::uint8_t> sea(z.size(), 0);
    std::deque<std::size_t> queue;
    for (std::size_t c = 0; c < z.size(); ++c)
        if (on_edge(dem.grid, c) && low(c)) sea[c] = 1, queue.push_back(c);
    while (!queue.empty()) {
        const std::size_t c = queue.front();
        queue.pop_front();
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(dem.grid, c, k);
            if (n < 0 || sea[n] || !low(std::size_t(n))) continue;
            sea[n] = 1;
            queue.push_back(std::size_t(n));
        }
    }
    return sea;
}

std::vector<std::uint8_t> land_outside_sea(const Raster<float>& dem,
                                           const std::vector<std::uint8_t>& sea, float sea_level_m,
                                           double min_sink_km2) {
    const auto& z = dem.values;
    const auto row_km2 = row_cell_area_km2(dem.grid);
    std::vector<std::uint8_t> land(sea.size());
    for (std::size_t c = 0; c < land.size(); ++c)
        land[c] = std::isfinite(z[c]) && !sea[c];
    std::vector<std::uint8_t> seen(sea.size(), 0);
    std::vector<std::size_t> part;
    for (std::size_t c0 = 0; c0 < z.size(); ++c0) { // each inland depression below sea level
        if (!land[c0] || seen[c0] || z[c0] >= sea_level_m) continue;
        part.assign(1, c0);
        seen[c0] = 1;
        double km2 = 0;
        for (std::size_t i = 0; i < part.size(); ++i) {
            km2 += row_km2[part[i] / dem.grid.cols];
            for (int k = 0; k < 8; ++k) {
                const auto n = neighbour(dem.grid, part[i], k);
                if (n < 0 || seen[n] || !land[n] || z[n] >= sea_level_m) continue;
                seen[n] = 1;
                part.push_back(std::size_t(n));
            }
        }
        if (km2 >= min_sink_km2)
            for (const auto c : part)
                land[c] = 0;
    }
    return land;
}

std::size_t declare_sink_cells(std::vector<std::uint8_t>& land,
                               const std::vector<std::int64_t>& cells) {
    std::size_t marked = 0;
    for (const auto c : cells) {
        if (c < 0) continue;
        marked += land[std::size_t(c)];
        land[std::size_t(c)] = 0;
    }
    return marked;
}

std::size_t declare_sinks(const GridGeometry& grid, std::vector<std::uint8_t>& land,
                          const std::vector<GeoPoint>& sinks) {
    std::vector<std::int64_t> cells;
    for (const auto& p : sinks)
        cells.push_back(cell_at(grid, p.lat_deg, p.lon_deg));
    return declare_sink_cells(land, cells);
}

} // namespace riparia::model
