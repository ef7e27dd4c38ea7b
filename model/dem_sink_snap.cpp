#include "model/dem_sink_snap.hpp"

namespace riparia::model {

bool any_snapped(const std::vector<SinkRequest>& sinks) {
    for (const auto& s : sinks)
        if (s.snap_radius_cells > 0) return true;
    return false;
}

std::vector<std::int64_t> point_sink_cells(const GridGeometry& grid,
                                           const std::vector<SinkRequest>& sinks) {
    std::vector<std::int64_t> cells;
    for (const auto& s : sinks)
        cells.push_back(s.snap_radius_cells > 0 ? -1
                                                : cell_at(grid, s.point.lat_deg, s.point.lon_deg));
    return cells;
}

std::vector<PlacedSink> place_sinks(const FlowGrid& first_pass,
                                    const std::vector<double>& first_pass_upstream_km2,
                                    const std::vector<SinkRequest>& sinks) {
    std::vector<PlacedSink> placed;
    for (const auto& s : sinks) {
        if (s.snap_radius_cells <= 0) {
            placed.push_back({cell_at(first_pass.grid, s.point.lat_deg, s.point.lon_deg), 0, -1});
            continue;
        }
        const auto o = snap_outlet(first_pass, first_pass_upstream_km2, s.point.lat_deg,
                                   s.point.lon_deg, s.snap_radius_cells);
        placed.push_back(
            {o.cell, o.moved_km, o.cell >= 0 ? first_pass_upstream_km2[std::size_t(o.cell)] : -1});
    }
    return placed;
}

} // namespace riparia::model
