// Upstream order of a basin's units (docs/stress.md, "Upstream order"): by terrain
// (model/unit_order.hpp) where the unit has a country polygon, else by the AQUASTAT fallback.
#include "app/screen_network.hpp"
#include "model/unit_order.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::app {

namespace {

// TFDD register codes that differ from AQUASTAT's ISO3.
std::string iso3(const std::string& tfdd_code) {
    return tfdd_code == "ZAR" ? "COD" : tfdd_code;
}

// The fallback rank of each unit: ascending AQUASTAT national dependency ratio (a country that
// receives more of its water from abroad sits further downstream); countries without a ratio
// first, as headwaters; ties by smaller share first, then code.
std::vector<double> aquastat_rank(const ScreenInputs& in, const std::vector<io::TfddUnit>& units) {
    auto ratio = [&](const io::TfddUnit& u) {
        const auto it = in.dependency_pct.find(iso3(u.country));
        return it == in.dependency_pct.end() || std::isnan(it->second) ? -1.0 : it->second;
    };
    std::vector<std::size_t> order(units.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto i, auto j) {
        const auto &a = units[i], &b = units[j];
        const double ra = ratio(a), rb = ratio(b);
        if (ra != rb) return ra < rb;
        if (a.area_km2 != b.area_km2) return a.area_km2 < b.area_km2;
        return a.country < b.country;
    });
    std::vector<double> rank(units.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = static_cast<double>(r);
    return rank;
}

std::vector<model::OrderUnit> order_inputs(const ScreenInputs& in,
                                           const std::vector<io::TfddUnit>& units) {
    const auto rank = aquastat_rank(in, units);
    std::vector<model::OrderUnit> out(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        out[i].fallback_rank = rank[i];
        for (const auto& t : in.terrain) {
            if (t.basin != units[i].basin || t.country != units[i].country) continue;
            out[i].has_terrain = !std::isnan(t.low_m) && !std::isnan(t.mean_m);
            out[i].low_m = t.low_m, out[i].mean_m = t.mean_m;
            for (const auto& [code, km] : t.borders)
                for (std::size_t j = 0; j < units.size(); ++j)
                    if (units[j].country == code) out[i].borders.push_back({j, km});
        }
    }
    return out;
}

} // namespace

void order_units(const ScreenInputs& in, ScreenBasin& b) {
    const auto inputs = order_inputs(in, b.units);
    const auto order = model::order_by_terrain(inputs);
    std::vector<io::TfddUnit> units;
    for (const std::size_t i : order.order) {
        units.push_back(b.units[i]);
        if (!inputs[i].has_terrain)
            b.order_notes.push_back(fmt::format(
                "{} ({}) has no country polygon in this basin: placed upstream of the next "
                "country by AQUASTAT dependency ratio (fallback), not by terrain",
                b.units[i].name, b.units[i].country));
    }
    b.units = std::move(units);
    b.downstream = order.downstream;
}

} // namespace riparia::app
