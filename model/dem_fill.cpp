#include "model/dem_fill.hpp"

#include <cmath>
#include <functional>
#include <queue>
#include <utility>

namespace riparia::model {

namespace {

using Entry = std::pair<float, std::int32_t>; // elevation, cell; ties go to the lower index
using MinHeap = std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>>;

bool on_border(const GridGeometry& grid, std::size_t cell) {
    const std::size_t row = cell / grid.cols, col = cell % grid.cols;
    if (row == 0 || row + 1 == grid.rows) return true;
    return !grid.wraps && (col == 0 || col + 1 == grid.cols);
}

bool beside_sink(const GridGeometry& grid, const std::vector<std::uint8_t>& land,
                 std::size_t cell) {
    for (int k = 0; k < 8; ++k) {
        const auto n = neighbour(grid, cell, k);
        if (n >= 0 && !land[n]) return true;
    }
    return false;
}

// The seeds: land cells on the border, beside a sink or given as outlets, at their own elevation.
FilledDem seed(const Raster<float>& dem, const std::vector<std::uint8_t>& land,
               std::vector<std::uint8_t>& closed, MinHeap& heap,
               const std::vector<std::int64_t>& outlets = {}) {
    FilledDem out{dem.values, std::vector<std::int32_t>(dem.values.size(), -1)};
    for (std::size_t c = 0; c < dem.values.size(); ++c) {
        if (!land[c]) {
            closed[c] = 1;
        } else if (on_border(dem.grid, c) || beside_sink(dem.grid, land, c)) {
            closed[c] = 1;
            heap.emplace(dem.values[c], std::int32_t(c));
        }
    }
    for (const auto c : outlets)
        if (c >= 0 && land[c] && !closed[c])
            closed[c] = 1, heap.emplace(dem.values[c], std::int32_t(c));
    return out;
}

} // namespace

std::vector<std::uint8_t> land_mask(const Raster<float>& dem, float sea_level_m) {
    std::vector<std::uint8_t> land(dem.values.size());
    for (std::size_t c = 0; c < land.size(); ++c)
        land[c] = std::isfinite(dem.values[c]) && dem.values[c] > sea_level_m;
    return land;
}

FilledDem priority_flood(const Raster<float>& dem, const std::vector<std::uint8_t>& land,
                         const std::vector<std::int64_t>& outlets) {
    std::vector<std::uint8_t> closed(dem.values.size(), 0);
    MinHeap heap;
    FilledDem out = seed(dem, land, closed, heap, outlets);
    std::queue<std::int32_t> pits;
    while (!heap.empty() || !pits.empty()) {
        std::int32_t c;
        if (!pits.empty()) {
            c = pits.front();
            pits.pop();
        } else {
            c = heap.top().second;
            heap.pop();
        }
        const float level = out.filled_m[c];
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(dem.grid, std::size_t(c), k);
            if (n < 0 || closed[n]) continue;
            closed[n] = 1;
            out.flooded_from[n] = c;
            if (out.filled_m[n] <= level) {
                out.filled_m[n] = level;
                pits.push(std::int32_t(n));
            } else {
                heap.emplace(out.filled_m[n], std::int32_t(n));
            }
        }
    }
    return out;
}

FilledDem priority_flood_heap_only(const Raster<float>& dem,
                                   const std::vector<std::uint8_t>& land) {
    std::vector<std::uint8_t> closed(dem.values.size(), 0);
    MinHeap heap;
    FilledDem out = seed(dem, land, closed, heap);
    while (!heap.empty()) {
        const auto [level, c] = heap.top();
        heap.pop();
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(dem.grid, std::size_t(c), k);
            if (n < 0 || closed[n]) continue;
            closed[n] = 1;
            out.flooded_from[n] = c;
            out.filled_m[n] = std::max(out.filled_m[n], level);
            heap.emplace(out.filled_m[n], std::int32_t(n));
        }
    }
    return out;
}

FlowGrid d8_directions(const Raster<float>& dem, const FilledDem& filled,
                       const std::vector<std::uint8_t>& land) {
    const GridGeometry& grid = dem.grid;
    const std::vector<double> distance_km = row_neighbour_distance_km(grid);
    FlowGrid flow{grid, std::vector<std::int32_t>(grid.cells(), -1), land};
    for (std::size_t c = 0; c < grid.cells(); ++c) {
        if (!land[c]) continue;
        const double z = filled.filled_m[c];
        const std::size_t row = c / grid.cols;
        double steepest = 0;
        std::int64_t target = -1;
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(grid, c, k);
            if (n < 0) continue;
            const double zn = land[n] ? double(filled.filled_m[n]) : double(dem.values[n]);
            const double slope = (z - zn) / distance_km[row * 8 + k];
            if (slope > steepest) steepest = slope, target = n;
        }
        if (target >= 0 && !land[target])
            target = -1; // into the sea: an outlet
        else if (target < 0)
            target = filled.flooded_from[c];
        flow.downstream[c] = std::int32_t(target);
    }
    return flow;
}

} // namespace riparia::model
