#include "app/run_stress_water.hpp"

#include "model/stress_flow_origin.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riparia::app {

namespace {

// Mean length of each calendar month in days (February over the 4-year leap cycle).
constexpr double kMonthDays[12] = {31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

std::vector<std::string> countries_of(const model::Basin& basin) {
    std::vector<std::string> countries;
    for (const auto& s : basin.subbasins)
        if (std::find(countries.begin(), countries.end(), s.country) == countries.end())
            countries.push_back(s.country);
    return countries;
}

// The network's nodes with one period's runoff and outflow (km3).
struct NetworkPeriod {
    std::vector<model::OriginNode> nodes;
    double runoff_km3 = 0, outlet_km3 = 0;
};

NetworkPeriod period_of(const model::Basin& basin, const std::vector<std::size_t>& region,
                        const nlohmann::json& runoff, const nlohmann::json& outflow,
                        std::size_t slot, double scale) {
    NetworkPeriod p;
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        const auto& id = basin.subbasins[i].id;
        model::OriginNode n;
        n.region = region[i];
        n.local_runoff_m3 = runoff[id][slot].get<double>() * scale;
        n.outflow_m3 = outflow[id][slot].get<double>() * scale;
        n.downstream = basin.network.downstream(i);
        p.runoff_km3 += n.local_runoff_m3;
        if (n.downstream < 0) p.outlet_km3 += n.outflow_m3;
        p.nodes.push_back(n);
    }
    return p;
}

void add_to(std::vector<std::vector<double>>& sum, const std::vector<std::vector<double>>& add) {
    for (std::size_t r = 0; r < sum.size(); ++r)
        for (std::size_t k = 0; k < sum[r].size(); ++k)
            sum[r][k] += add[r][k];
}

void add_years(RunWater& w, const model::Basin& basin, const std::vector<std::size_t>& region,
               const nlohmann::json& stats) {
    for (const std::size_t y : w.full_years) {
        const NetworkPeriod p =
            period_of(basin, region, stats["runoff_km3"], stats["outflow_km3"], y, 1.0);
        const model::RegionWater traced = model::trace_region_water(p.nodes, w.countries.size());
        for (std::size_t r = 0; r < w.countries.size(); ++r) {
            w.available_km3[r].push_back(traced.available_m3[r]);
            w.inflow_km3[r].push_back(traced.inflow_m3[r]);
        }
        add_to(w.origin_km3, traced.origin_m3);
        add_to(w.through_km3, traced.through_m3);
        w.basin_runoff_km3.push_back(p.runoff_km3);
        w.outlet_outflow_km3.push_back(p.outlet_km3);
    }
}

// Month-of-year sums turned into means per year, traced like the years; NaN without them.
void add_months(RunWater& w, const model::Basin& basin, const std::vector<std::size_t>& region,
                const nlohmann::json& stats) {
    const std::size_t n = w.countries.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    model::MonthlyVolumes none;
    none.fill(nan);
    w.month_available_km3.assign(n, none);
    w.month_inflow_km3.assign(n, none);
    w.month_through_km3.assign(n, std::vector<model::MonthlyVolumes>(n, none));
    w.basin_month_runoff_km3 = none;
    if (!stats.contains("months")) return;
    const auto& months = stats["months"];
    for (std::size_t m = 0; m < 12; ++m) {
        const int days = months["days"][m].get<int>();
        if (days <= 0) continue;
        const NetworkPeriod p = period_of(basin, region, months["runoff_km3"],
                                          months["outflow_km3"], m, kMonthDays[m] / days);
        const model::RegionWater traced = model::trace_region_water(p.nodes, n);
        for (std::size_t r = 0; r < n; ++r) {
            w.month_available_km3[r][m] = traced.available_m3[r];
            w.month_inflow_km3[r][m] = traced.inflow_m3[r];
            for (std::size_t k = 0; k < n; ++k)
                w.month_through_km3[r][k][m] = traced.through_m3[r][k];
        }
        w.basin_month_runoff_km3[m] = p.runoff_km3;
    }
}

// [full year] month volumes of a [year * 12 + month] series.
std::vector<model::MonthlyVolumes> by_full_year(const RunWater& w, const nlohmann::json& series) {
    std::vector<model::MonthlyVolumes> out(w.full_years.size());
    for (std::size_t k = 0; k < w.full_years.size(); ++k)
        for (std::size_t m = 0; m < 12; ++m)
            out[k][m] = series.at(w.full_years[k] * 12 + m).get<double>();
    return out;
}

void add_year_months(RunWater& w, const nlohmann::json& stats) {
    const std::size_t n = w.countries.size();
    w.year_month_inflow_km3.assign(n, {});
    w.year_month_through_km3.assign(n, std::vector<std::vector<model::MonthlyVolumes>>(n));
    if (!stats.contains("year_months")) return;
    const auto& inflow = stats["year_months"]["inflow_km3"];
    const auto& through = stats["year_months"]["through_km3"];
    for (std::size_t to = 0; to < n; ++to) {
        const std::string& country = w.countries[to];
        if (inflow.contains(country))
            w.year_month_inflow_km3[to] = by_full_year(w, inflow[country]);
        if (!through.contains(country)) continue;
        for (std::size_t from = 0; from < n; ++from)
            if (through[country].contains(w.countries[from]))
                w.year_month_through_km3[to][from] =
                    by_full_year(w, through[country][w.countries[from]]);
    }
}

void add_withdrawals(RunWater& w, const nlohmann::json& stats) {
    constexpr double kKm3PerHm3 = 1e-3;
    const std::size_t n = w.countries.size();
    w.withdrawal_km3.assign(n, std::vector<double>(w.full_years.size(), 0.0));
    w.requested_km3 = w.withdrawal_km3;
    w.demand_months.assign(n, 0.0);
    w.failed_months.assign(n, 0.0);
    model::MonthlyVolumes zero{};
    w.month_withdrawal_km3.assign(n, zero);
    const auto& by_country = stats["withdrawals_by_country"];
    for (std::size_t r = 0; r < n; ++r) {
        if (!by_country.contains(w.countries[r])) continue;
        const auto& c = by_country[w.countries[r]];
        for (std::size_t k = 0; k < w.full_years.size(); ++k) {
            const std::size_t y = w.full_years[k];
            w.withdrawal_km3[r][k] = c["delivered_hm3"][y].get<double>() * kKm3PerHm3;
            w.requested_km3[r][k] = c["requested_hm3"][y].get<double>() * kKm3PerHm3;
            if (c.contains("months_with_demand")) {
                w.demand_months[r] += c["months_with_demand"][y].get<double>();
                w.failed_months[r] += c["months_deficit_over_10pct"][y].get<double>();
            }
        }
        if (!stats.contains("months")) {
            w.month_withdrawal_km3[r].fill(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        const auto& months = stats["months"];
        for (std::size_t m = 0; m < 12; ++m) {
            const int days = months["days"][m].get<int>();
            const auto& delivered = months["withdrawals_by_country"][w.countries[r]];
            if (days > 0)
                w.month_withdrawal_km3[r][m] =
                    delivered["delivered_hm3"][m].get<double>() * kKm3PerHm3 * kMonthDays[m] / days;
        }
    }
}

} // namespace

RunWater run_water(const model::Basin& basin, const nlohmann::json& stats) {
    RunWater w;
    w.countries = countries_of(basin);
    const std::size_t n = w.countries.size();
    std::vector<std::size_t> region;
    for (const auto& s : basin.subbasins)
        region.push_back(static_cast<std::size_t>(
            std::find(w.countries.begin(), w.countries.end(), s.country) - w.countries.begin()));
    w.border.assign(n, std::vector<bool>(n, false));
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        const int down = basin.network.downstream(i);
        if (down >= 0 && region[i] != region[static_cast<std::size_t>(down)])
            w.border[region[i]][region[static_cast<std::size_t>(down)]] = true;
    }
    for (std::size_t y = 0; y < stats["days"].size(); ++y)
        if (stats["days"][y].get<int>() >= 365) {
            w.full_years.push_back(y);
            w.calendar_years.push_back(stats["years"][y].get<int>());
        }
    w.available_km3.assign(n, {});
    w.inflow_km3.assign(n, {});
    w.origin_km3.assign(n, std::vector<double>(n, 0.0));
    w.through_km3.assign(n, std::vector<double>(n, 0.0));
    add_years(w, basin, region, stats);
    add_months(w, basin, region, stats);
    add_withdrawals(w, stats);
    add_year_months(w, stats);
    return w;
}

} // namespace riparia::app
