#include "model/flow_accumulation.hpp"

#include <cstdlib>

namespace riparia::model {

std::optional<std::vector<std::int32_t>> upstream_first(const FlowGrid& flow,
                                                        std::int64_t* cycle_cell) {
    const std::size_t cells = flow.grid.cells();
    std::vector<std::int32_t> inflows(cells, 0);
    std::size_t land_cells = 0;
    for (std::size_t c = 0; c < cells; ++c) {
        if (!flow.land[c]) continue;
        ++land_cells;
        const auto d = flow.downstream[c];
        if (d >= 0 && flow.land[d]) ++inflows[d];
    }
    std::vector<std::int32_t> order;
    order.reserve(land_cells);
    for (std::size_t c = 0; c < cells; ++c)
        if (flow.land[c] && inflows[c] == 0) order.push_back(std::int32_t(c));
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto d = flow.downstream[order[k]];
        if (d >= 0 && flow.land[d] && --inflows[d] == 0) order.push_back(d);
    }
    if (order.size() == land_cells) return order;
    if (cycle_cell) {
        for (std::size_t c = 0; c < cells; ++c)
            if (flow.land[c] && inflows[c] > 0) *cycle_cell = std::int64_t(c);
    }
    return std::nullopt;
}

std::vector<double> accumulate_km2(const FlowGrid& flow, const std::vector<std::int32_t>& order) {
    const std::vector<double> row_km2 = row_cell_area_km2(flow.grid);
    std::vector<double> upstream(flow.grid.cells(), 0.0);
    for (const auto c : order) {
        upstream[c] += row_km2[std::size_t(c) / flow.grid.cols];
        const auto d = flow.downstream[c];
        if (d >= 0 && flow.land[d]) upstream[d] += upstream[c];
    }
    return upstream;
}

SnappedOutlet snap_outlet(const FlowGrid& flow, const std::vector<double>& upstream_km2,
                          double lat_deg, double lon_deg, int radius_cells) {
    const GridGeometry& g = flow.grid;
    const auto centre = cell_at(g, lat_deg, lon_deg);
    SnappedOutlet best;
    if (centre < 0) return best;
    const auto row0 = centre / std::int64_t(g.cols), col0 = centre % std::int64_t(g.cols);
    double best_km2 = -1;
    for (std::int64_t dr = -radius_cells; dr <= radius_cells; ++dr) {
        for (std::int64_t dc = -radius_cells; dc <= radius_cells; ++dc) {
            const auto row = row0 + dr;
            auto col = col0 + dc;
            if (row < 0 || row >= std::int64_t(g.rows)) continue;
            if (g.wraps) col = (col + std::int64_t(g.cols)) % std::int64_t(g.cols);
            if (col < 0 || col >= std::int64_t(g.cols)) continue;
            const auto c = row * std::int64_t(g.cols) + col;
            if (!flow.land[c]) continue;
            const double km = great_circle_km(lat_deg, lon_deg, g.lat_deg(std::size_t(row)),
                                              g.lon_deg(std::size_t(col)));
            if (upstream_km2[c] > best_km2 || (upstream_km2[c] == best_km2 && km < best.moved_km))
                best_km2 = upstream_km2[c], best = {c, km};
        }
    }
    return best;
}

std::vector<std::int32_t> label_subbasins(const FlowGrid& flow,
                                          const std::vector<std::int32_t>& order,
                                          const std::vector<std::int64_t>& outlet_cells) {
    std::vector<std::int32_t> label(flow.grid.cells(), -1);
    std::vector<std::int32_t> outlet_of(flow.grid.cells(), -1);
    for (std::size_t k = 0; k < outlet_cells.size(); ++k)
        if (outlet_of[outlet_cells[k]] < 0) outlet_of[outlet_cells[k]] = std::int32_t(k);
    for (auto it = order.rbegin(); it != order.rend(); ++it) { // downstream first
        const auto c = *it, d = flow.downstream[c];
        if (outlet_of[c] >= 0)
            label[c] = outlet_of[c];
        else if (d >= 0 && flow.land[d])
            label[c] = label[d];
    }
    return label;
}

std::vector<double> label_area_km2(const FlowGrid& flow, const std::vector<std::int32_t>& label,
                                   std::size_t labels) {
    const std::vector<double> row_km2 = row_cell_area_km2(flow.grid);
    std::vector<double> area(labels, 0.0);
    for (std::size_t c = 0; c < label.size(); ++c)
        if (label[c] >= 0) area[label[c]] += row_km2[c / flow.grid.cols];
    return area;
}

} // namespace riparia::model
