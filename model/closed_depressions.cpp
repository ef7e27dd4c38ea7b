#include "model/closed_depressions.hpp"

#include "model/calendar.hpp"
#include "model/oudin.hpp"

#include <cmath>
#include <limits>

namespace riparia::model {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
// The middle day of each month of a 365-day year, for the month's extraterrestrial radiation.
constexpr int mid_month_day[12] = {16, 46, 75, 105, 136, 166, 197, 228, 258, 289, 319, 350};

// The annual Oudin PET (mm) of monthly temperatures, from each month's radiation at the latitude.
double annual_pet_mm(const std::array<double, 12>& temperature_c,
                     const std::array<double, 12>& radiation_MJ_m2_day) {
    double pet = 0;
    for (std::size_t m = 0; m < 12; ++m)
        pet += oudin_pet_mm_day_from_radiation(temperature_c[m], radiation_MJ_m2_day[m]) *
               calendar::mean_days_in_month(int(m) + 1);
    return pet;
}

// Depression labels: 8-connected land cells the fill raised; -1 elsewhere.
std::vector<std::int32_t> label_lakes(const Raster<float>& dem, const FilledDem& filled,
                                      const FlowGrid& flow, std::int32_t& count) {
    const auto& g = flow.grid;
    auto raised = [&](std::size_t c) { return flow.land[c] && filled.filled_m[c] > dem.values[c]; };
    std::vector<std::int32_t> lake(g.cells(), -1);
    std::vector<std::size_t> stack;
    count = 0;
    for (std::size_t start = 0; start < g.cells(); ++start) {
        if (lake[start] >= 0 || !raised(start)) continue;
        lake[start] = count;
        stack.assign(1, start);
        while (!stack.empty()) {
            const std::size_t c = stack.back();
            stack.pop_back();
            for (int k = 0; k < 8; ++k) {
                const auto n = neighbour(g, c, k);
                if (n < 0 || lake[std::size_t(n)] >= 0 || !raised(std::size_t(n))) continue;
                lake[std::size_t(n)] = count;
                stack.push_back(std::size_t(n));
            }
        }
        ++count;
    }
    return lake;
}

} // namespace

double fu_evaporation_ratio(double aridity, double omega) {
    if (!(aridity > 0)) return 0;
    return 1 + aridity - std::pow(1 + std::pow(aridity, omega), 1 / omega);
}

CellWaterBalance cell_water_balance(const GridGeometry& grid, const MonthlyGrid& precip_mm,
                                    const MonthlyGrid& temperature_c, int radius_cells) {
    CellWaterBalance b{std::vector<double>(grid.cells(), nan),
                       std::vector<double>(grid.cells(), nan),
                       std::vector<double>(grid.cells(), nan)};
    for (std::size_t row = 0; row < grid.rows; ++row) {
        const double lat = grid.lat_deg(row);
        std::array<double, 12> radiation; // the row's, tabulated once
        for (std::size_t m = 0; m < 12; ++m)
            radiation[m] = extraterrestrial_radiation_MJ_m2_day(lat, mid_month_day[m]);
        for (std::size_t col = 0; col < grid.cols; ++col) {
            const double lon = grid.lon_deg(col);
            double p_year = 0; // a missing month (NaN) leaves the cell unknown
            for (const double v : monthly_at(precip_mm, lat, lon, radius_cells))
                p_year += std::isnan(v) ? v : std::max(0.0, v);
            if (std::isnan(p_year)) continue;
            const double pet =
                annual_pet_mm(monthly_at(temperature_c, lat, lon, radius_cells), radiation);
            if (std::isnan(pet)) continue;
            const std::size_t c = row * grid.cols + col;
            const double ratio = p_year > 0 ? fu_evaporation_ratio(pet / p_year) : 0;
            b.precip_mm[c] = p_year;
            b.pet_mm[c] = pet;
            b.runoff_mm[c] = p_year * (1 - ratio);
        }
    }
    return b;
}

std::vector<ClosedDepression>
closed_depressions(const Raster<float>& dem, const FilledDem& filled, const FlowGrid& flow,
                   const std::vector<std::int32_t>& order, const CellWaterBalance& balance,
                   const std::vector<std::uint8_t>& open_cells, double max_aridity_index) {
    const auto& g = flow.grid;
    std::int32_t lakes = 0;
    const auto lake = label_lakes(dem, filled, flow, lakes);
    const auto row_km2 = row_cell_area_km2(g);
    std::vector<ClosedDepression> found(static_cast<std::size_t>(lakes));
    std::vector<std::uint8_t> held_open(std::size_t(lakes), 0), closed(std::size_t(lakes), 0);
    std::vector<double> own_hm3(g.cells(), 0); // mm x km2 = 1e3 m3 = 1e-3 hm3
    for (std::size_t c = 0; c < g.cells(); ++c) {
        if (!flow.land[c]) continue;
        const double km2 = row_km2[c / g.cols];
        if (lake[c] < 0) {
            if (std::isfinite(balance.runoff_mm[c])) own_hm3[c] = balance.runoff_mm[c] * km2 * 1e-3;
            continue;
        }
        auto& d = found[std::size_t(lake[c])];
        if (d.pit < 0 || dem.values[c] < dem.values[std::size_t(d.pit)]) d.pit = std::int64_t(c);
        ++d.lake_cells;
        d.lake_km2 += km2;
        if (std::isfinite(balance.precip_mm[c]) && std::isfinite(balance.pet_mm[c])) {
            d.lake_precip_hm3 += balance.precip_mm[c] * km2 * 1e-3;
            d.lake_pet_hm3 += balance.pet_mm[c] * km2 * 1e-3;
            d.lake_net_evaporation_hm3 += (balance.pet_mm[c] - balance.precip_mm[c]) * km2 * 1e-3;
        }
        if (!open_cells.empty() && open_cells[c]) held_open[std::size_t(lake[c])] = 1;
    }
    std::vector<double> water(g.cells());
    for (bool changed = true; changed;) {
        water = own_hm3;
        for (auto& d : found)
            d.inflow_hm3 = 0;
        for (const auto c : order) {
            const auto below = flow.downstream[std::size_t(c)];
            const auto k = lake[std::size_t(c)];
            double out = water[std::size_t(c)];
            if (k >= 0 && (below < 0 || lake[std::size_t(below)] != k)) { // the lake's exit
                found[std::size_t(k)].inflow_hm3 += out;
                if (closed[std::size_t(k)]) out = 0;
            }
            if (below >= 0 && flow.land[std::size_t(below)]) water[std::size_t(below)] += out;
        }
        changed = false;
        for (std::size_t k = 0; k < found.size(); ++k) {
            const auto& d = found[k];
            if (closed[k] || held_open[k] || !(d.lake_net_evaporation_hm3 > 0)) continue;
            if (!(d.lake_precip_hm3 < max_aridity_index * d.lake_pet_hm3)) continue;
            if (d.lake_net_evaporation_hm3 >= d.inflow_hm3) closed[k] = 1, changed = true;
        }
    }
    std::vector<ClosedDepression> out;
    for (std::size_t k = 0; k < found.size(); ++k)
        if (closed[k]) out.push_back(found[k]);
    return out;
}

} // namespace riparia::model
