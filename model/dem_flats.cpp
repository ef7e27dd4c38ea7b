#include "model/dem_flats.hpp"

#include <algorithm>
#include <queue>

namespace riparia::model {

namespace {

constexpr std::int32_t unset = -1;

// The level a land cell drains from and its neighbours are compared with (d8_directions' rule).
float level_at(const Raster<float>& dem, const FilledDem& filled, const FlowGrid& flow,
               std::size_t c) {
    return flow.land[c] ? filled.filled_m[c] : dem.values[c];
}

// What each cell is: 0 neither (not land, or raised by the fill without a lower neighbour), 1 a
// cell of a level flat, 2 a land cell that drains (to a lower neighbour, or out as a flood seed).
std::vector<std::uint8_t> classify(const Raster<float>& dem, const FilledDem& filled,
                                   const FlowGrid& flow) {
    std::vector<std::uint8_t> kind(flow.land.size(), 0);
    for (std::size_t c = 0; c < kind.size(); ++c) {
        if (!flow.land[c]) continue;
        const float z = filled.filled_m[c];
        bool lower = filled.flooded_from[c] < 0;
        for (int k = 0; k < 8 && !lower; ++k) {
            const auto n = neighbour(flow.grid, c, k);
            lower = n >= 0 && level_at(dem, filled, flow, std::size_t(n)) < z;
        }
        if (lower)
            kind[c] = 2;
        else if (z == dem.values[c])
            kind[c] = 1;
    }
    return kind;
}

// Breadth-first steps over the flat cells of each source's elevation from `sources` (step 1 at
// the sources' flat neighbours when `sources_are_outside`, else at the sources themselves).
std::vector<std::int32_t> steps_from(const FilledDem& filled, const GridGeometry& grid,
                                     const std::vector<std::uint8_t>& kind,
                                     const std::vector<std::int32_t>& sources,
                                     bool sources_are_outside) {
    std::vector<std::int32_t> steps(kind.size(), unset);
    std::queue<std::int32_t> front;
    for (const auto s : sources)
        if (sources_are_outside || steps[s] == unset)
            front.push(s), steps[s] = sources_are_outside ? 0 : 1;
    while (!front.empty()) {
        const auto c = front.front();
        front.pop();
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(grid, std::size_t(c), k);
            if (n < 0 || kind[n] != 1 || steps[n] != unset) continue;
            if (filled.filled_m[n] != filled.filled_m[c]) continue;
            steps[n] = steps[c] + 1;
            front.push(std::int32_t(n));
        }
    }
    return steps;
}

// The flats' low edges (draining cells beside a flat cell of their level) and high edges (flat
// cells beside a higher cell), in cell order.
void edges(const Raster<float>& dem, const FilledDem& filled, const FlowGrid& flow,
           const std::vector<std::uint8_t>& kind, std::vector<std::int32_t>& low,
           std::vector<std::int32_t>& high) {
    for (std::size_t c = 0; c < kind.size(); ++c) {
        if (kind[c] == 0) continue;
        const float z = filled.filled_m[c];
        bool is_low = false, is_high = false;
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(flow.grid, c, k);
            if (n < 0) continue;
            if (kind[c] == 2)
                is_low |= kind[n] == 1 && filled.filled_m[n] == z;
            else
                is_high |= level_at(dem, filled, flow, std::size_t(n)) > z;
        }
        if (is_low) low.push_back(std::int32_t(c));
        if (is_high) high.push_back(std::int32_t(c));
    }
}

// Each flat's greatest step count from its high edges (Barnes et al. 2014b's FlatHeight), held at
// every cell of the flat; -1 at the cells of flats smaller than `min_area_km2`.
std::vector<std::int32_t> flat_height(const FilledDem& filled, const GridGeometry& grid,
                                      const std::vector<std::uint8_t>& kind,
                                      const std::vector<std::int32_t>& away, double min_area_km2) {
    const auto row_area_km2 = row_cell_area_km2(grid);
    std::vector<std::int32_t> height(kind.size(), 0);
    std::vector<std::uint8_t> seen(kind.size(), 0);
    std::vector<std::int32_t> members;
    for (std::size_t start = 0; start < kind.size(); ++start) {
        if (kind[start] != 1 || seen[start]) continue;
        members.assign(1, std::int32_t(start));
        seen[start] = 1;
        std::int32_t highest = 0;
        double area_km2 = 0;
        for (std::size_t i = 0; i < members.size(); ++i) {
            const auto c = std::size_t(members[i]);
            highest = std::max(highest, away[c]);
            area_km2 += row_area_km2[c / grid.cols];
            for (int k = 0; k < 8; ++k) {
                const auto n = neighbour(grid, c, k);
                if (n < 0 || kind[n] != 1 || seen[n]) continue;
                if (filled.filled_m[n] != filled.filled_m[c]) continue;
                seen[n] = 1;
                members.push_back(std::int32_t(n));
            }
        }
        for (const auto c : members)
            height[c] = area_km2 >= min_area_km2 ? highest : -1;
    }
    return height;
}

} // namespace

std::size_t drain_flats(const Raster<float>& dem, const FilledDem& filled, FlowGrid& flow,
                        double min_area_km2) {
    const auto kind = classify(dem, filled, flow);
    std::vector<std::int32_t> low, high;
    edges(dem, filled, flow, kind, low, high);
    const auto towards = steps_from(filled, flow.grid, kind, low, true);
    const auto away = steps_from(filled, flow.grid, kind, high, false);
    const auto height = flat_height(filled, flow.grid, kind, away, min_area_km2);
    auto mask = [&](std::size_t c) { // 0 at the low edges
        if (kind[c] == 2) return std::int64_t(0);
        return 2 * std::int64_t(towards[c]) + (away[c] == unset ? 0 : height[c] - away[c]);
    };
    std::size_t redirected = 0;
    for (std::size_t c = 0; c < kind.size(); ++c) {
        // Small flats, and flats without a low edge: the flood decides.
        if (kind[c] != 1 || towards[c] == unset || height[c] < 0) continue;
        std::int64_t best = mask(c), target = -1;
        for (int k = 0; k < 8; ++k) {
            const auto n = neighbour(flow.grid, c, k);
            if (n < 0 || kind[n] == 0 || filled.filled_m[n] != filled.filled_m[c]) continue;
            if (kind[n] == 1 && towards[n] == unset) continue;
            if (const auto m = mask(std::size_t(n)); m < best) best = m, target = n;
        }
        if (target >= 0 && flow.downstream[c] != target) ++redirected;
        if (target >= 0) flow.downstream[c] = std::int32_t(target);
    }
    return redirected;
}

} // namespace riparia::model
