#include "model/monthly_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riparia::model {

namespace {

// Index of the interval of increasing `edges` holding x, or -1 outside.
long interval(const std::vector<double>& edges, double x) {
    if (edges.size() < 2 || x < edges.front() || x > edges.back()) return -1;
    const auto it = std::upper_bound(edges.begin(), edges.end(), x);
    return std::min(long(it - edges.begin()) - 1, long(edges.size()) - 2);
}

// The longitude moved by whole turns into [lon_edges.front(), front + 360).
double in_range(const std::vector<double>& lon_edges, double lon_deg) {
    const double west = lon_edges.front();
    return west + std::fmod(std::fmod(lon_deg - west, 360.0) + 360.0, 360.0);
}

} // namespace

std::array<double, 12> monthly_at(const MonthlyGrid& grid, double lat_deg, double lon_deg,
                                  int radius_cells) {
    std::array<double, 12> out;
    out.fill(std::numeric_limits<double>::quiet_NaN());
    const auto& e = grid.edges;
    const long row = interval(e.lat_edges_deg, lat_deg);
    const long col = interval(e.lon_edges_deg, in_range(e.lon_edges_deg, lon_deg));
    if (row < 0 || col < 0) return out;
    const long rows = long(e.rows()), cols = long(e.columns());
    auto valid = [&](long cell) {
        for (const auto& month : grid.value)
            if (std::isnan(month[std::size_t(cell)])) return false;
        return true;
    };
    const bool global = e.lon_edges_deg.back() - e.lon_edges_deg.front() >= 360.0 - 1e-9;
    const bool centre_valid = valid(row * cols + col);
    long best = centre_valid ? row * cols + col : -1;
    long best_d2 = centre_valid ? 0 : std::numeric_limits<long>::max();
    for (long dr = -radius_cells; !centre_valid && dr <= radius_cells; ++dr) // nearest valid
        for (long dc = -radius_cells; dc <= radius_cells; ++dc) {
            const long r = row + dr;
            long c = col + dc;
            if (global) c = (c % cols + cols) % cols;
            if (r < 0 || r >= rows || c < 0 || c >= cols) continue;
            const long cell = r * cols + c, d2 = dr * dr + dc * dc;
            if (valid(cell) && (d2 < best_d2 || (d2 == best_d2 && cell < best)))
                best = cell, best_d2 = d2;
        }
    if (best < 0) return out;
    for (std::size_t m = 0; m < 12; ++m)
        out[m] = grid.value[m][std::size_t(best)];
    return out;
}

} // namespace riparia::model
