#include "app/delineate_lakes.hpp"

#include "model/flow_accumulation.hpp"

#include <algorithm>

namespace riparia::app {

namespace {

constexpr std::size_t largest_recorded = 20;

nlohmann::json lake_record(const model::GridGeometry& g, const model::ClosedDepression& d) {
    const auto row = std::size_t(d.pit) / g.cols, col = std::size_t(d.pit) % g.cols;
    return {{"pit", {{"lat", g.lat_deg(row)}, {"lon", g.lon_deg(col)}}},
            {"lake_km2", d.lake_km2},
            {"inflow_hm3_per_year", d.inflow_hm3},
            {"lake_net_evaporation_hm3_per_year", d.lake_net_evaporation_hm3}};
}

} // namespace

ClosedLakes find_closed_lakes(const model::Raster<float>& dem, const model::FilledDem& filled,
                              const model::FlowGrid& flow, const model::CellWaterBalance& balance,
                              const std::vector<model::LonLatSegment>& network,
                              double max_aridity_index) {
    std::vector<std::uint8_t> open(flow.grid.cells(), 0);
    for (const auto& s : network)
        for (const auto c : model::rasterise_segment(flow.grid, s))
            open[std::size_t(c)] = 1;
    const auto order = *model::upstream_first(flow);
    auto closed =
        model::closed_depressions(dem, filled, flow, order, balance, open, max_aridity_index);
    std::sort(closed.begin(), closed.end(), [](const auto& a, const auto& b) {
        return a.lake_km2 > b.lake_km2 || (a.lake_km2 == b.lake_km2 && a.pit < b.pit);
    });
    ClosedLakes out;
    double lake_km2 = 0;
    nlohmann::json largest = nlohmann::json::array();
    for (const auto& d : closed) {
        out.pits.push_back(d.pit);
        lake_km2 += d.lake_km2;
        if (largest.size() < largest_recorded) largest.push_back(lake_record(flow.grid, d));
    }
    out.record = {{"max_aridity_index", max_aridity_index},
                  {"fu_omega", model::fu_omega_budyko},
                  {"closed", closed.size()},
                  {"lake_km2", lake_km2},
                  {"largest", largest}};
    return out;
}

} // namespace riparia::app
