#include "app/run_stress_figures.hpp"

#include "model/stress_season.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace riparia::app {

namespace {

constexpr double kM3PerKm3 = 1e9, kM3PerHm3 = 1e6;

double sum_of(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

// The modelled agreements binding `a` (and `b`, when given; every agreement when `a` is empty too)
// and how well they were complied with.
model::InstitutionFacts institutions(const model::Management& m, const nlohmann::json& run,
                                     const std::string& a, const std::string& b = "") {
    model::InstitutionFacts facts;
    facts.known = true; // the study states the agreements in force; none listed means none
    double required = 0, delivered = 0;
    for (std::size_t k = 0; k < m.agreements.size(); ++k) {
        const auto& g = m.agreements[k];
        const bool party_a = a.empty() || g.upstream_country == a || g.downstream_country == a;
        const bool party_b = b.empty() || g.upstream_country == b || g.downstream_country == b;
        if (!party_a || !party_b) continue;
        facts.agreement = true;
        facts.allocation = facts.allocation || g.kind != model::AgreementKind::min_flow;
        facts.variability_mgmt = facts.variability_mgmt || g.drought_reference_m3s > 0 ||
                                 g.kind == model::AgreementKind::share ||
                                 g.kind == model::AgreementKind::schedule;
        for (const auto& year : run["management"]["agreements"][k]["years"]) {
            required += year["required_hm3"].get<double>();
            delivered += year["delivered_hm3"].get<double>();
        }
    }
    if (required > 0) facts.compliance = delivered / required;
    return facts;
}

// The dry season of `series` per the season reference; false when months are not known.
bool dry_season(const model::MonthlyVolumes& reference, std::array<int, 3>& months) {
    for (double v : reference)
        if (std::isnan(v)) return false;
    months = model::driest_months(reference);
    return true;
}

double dry_total(const model::MonthlyVolumes& reference, const model::MonthlyVolumes& volumes) {
    std::array<int, 3> months{};
    return dry_season(reference, months) ? model::season_total(volumes, months) * kM3PerKm3
                                         : model::unknown;
}

// The figures every unit-like item shares, from yearly and monthly series of one region (or the
// basin): water, withdrawals, supply, variability and change against the baseline.
struct Series {
    std::vector<double> available, withdrawal, requested, base_available;
    model::MonthlyVolumes month_available, month_withdrawal, season_available;
    double demand_months = 0, failed_months = 0;
};

void fill_water(model::UnitFigures& u, const Series& s, const model::StressConfig& c) {
    u.available_m3 = model::mean_of(s.available) * kM3PerKm3;
    u.cv = model::coefficient_of_variation(s.available);
    u.withdrawal_m3 = model::mean_of(s.withdrawal) * kM3PerKm3;
    const double requested = sum_of(s.requested);
    if (requested > 0) u.unmet_demand_share = 1 - sum_of(s.withdrawal) / requested;
    u.reliability = model::supply_reliability(s.demand_months, s.failed_months);
    u.dry_available_m3 = dry_total(s.season_available, s.month_available);
    u.dry_withdrawal_m3 = dry_total(s.season_available, s.month_withdrawal);
    const auto& reference = s.base_available.empty() ? s.available : s.base_available;
    u.drought_frequency = model::drought_frequency(s.available, reference, c.drought_fraction);
    if (!s.base_available.empty()) {
        u.baseline_available_m3 = model::mean_of(s.base_available) * kM3PerKm3;
        u.cv_change = u.cv / model::coefficient_of_variation(s.base_available) - 1;
    }
}

Series region_series(const RunWaters& w, std::size_t r) {
    Series s;
    s.available = w.run.available_km3[r];
    s.withdrawal = w.run.withdrawal_km3[r];
    s.requested = w.run.requested_km3[r];
    if (w.baseline) s.base_available = w.baseline->available_km3[r];
    s.month_available = w.run.month_available_km3[r];
    s.month_withdrawal = w.run.month_withdrawal_km3[r];
    s.season_available = w.season.month_available_km3[r];
    s.demand_months = w.run.demand_months[r];
    s.failed_months = w.run.failed_months[r];
    return s;
}

// The basin as one unit: all runoff, all withdrawals, every agreement.
model::UnitFigures whole_basin(const model::Basin& basin, const nlohmann::json& run,
                               const RunWaters& w, const model::BasinFigures& f,
                               const model::StressConfig& c) {
    Series s;
    s.available = w.run.basin_runoff_km3;
    if (w.baseline) s.base_available = w.baseline->basin_runoff_km3;
    s.month_available = w.run.basin_month_runoff_km3;
    s.season_available = w.season.basin_month_runoff_km3;
    s.withdrawal.assign(s.available.size(), 0.0);
    s.requested = s.withdrawal;
    s.month_withdrawal.fill(0.0);
    for (std::size_t r = 0; r < w.run.countries.size(); ++r) {
        for (std::size_t y = 0; y < s.available.size(); ++y) {
            s.withdrawal[y] += w.run.withdrawal_km3[r][y];
            s.requested[y] += w.run.requested_km3[r][y];
        }
        for (std::size_t m = 0; m < 12; ++m)
            s.month_withdrawal[m] += w.run.month_withdrawal_km3[r][m];
        s.demand_months += w.run.demand_months[r];
        s.failed_months += w.run.failed_months[r];
    }
    model::UnitFigures u;
    u.code = u.name = basin.name;
    fill_water(u, s, c);
    double population = 0;
    for (const auto& unit : f.units)
        population += std::isnan(unit.population) ? 0 : unit.population;
    if (population > 0) u.population = population;
    u.institutions = institutions(basin.management, run, "");
    return u;
}

double reservoir_capacity_m3(const model::Basin& basin, const std::string& country) {
    double hm3 = 0;
    for (const auto& r : basin.management.reservoirs)
        if (country.empty() || basin.subbasins[static_cast<std::size_t>(r.node)].country == country)
            hm3 += r.capacity_hm3;
    return hm3 * kM3PerHm3;
}

model::PairFigures pair_figures(const RunWaters& w, std::size_t a, std::size_t b) {
    const RunWater& run = w.run;
    const double years = static_cast<double>(std::max<std::size_t>(1, run.full_years.size()));
    model::PairFigures p;
    p.upstream = a;
    p.downstream = b;
    p.border = run.border[a][b];
    const double origin_total = sum_of(run.origin_km3[b]);
    if (origin_total > 0) p.share_from_upstream = run.origin_km3[b][a] / origin_total;
    p.inflow_m3 = run.through_km3[b][a] / years * kM3PerKm3;
    const auto& season = w.season.month_available_km3[b];
    p.dry_inflow_m3 = dry_total(season, run.month_through_km3[b][a]);
    if (w.pristine) {
        const double natural_years =
            static_cast<double>(std::max<std::size_t>(1, w.pristine->full_years.size()));
        p.pristine_inflow_m3 = w.pristine->through_km3[b][a] / natural_years * kM3PerKm3;
        p.pristine_dry_inflow_m3 = dry_total(season, w.pristine->month_through_km3[b][a]);
    }
    return p;
}

} // namespace

model::BasinFigures run_figures(const StudyPlan& plan, const RunItem& item,
                                const nlohmann::json& run, const RunWaters& w,
                                const model::StressConfig& c) {
    const model::Basin basin = plan.basin_for(item);
    const auto& scenario = plan.study().ensemble.scenarios[static_cast<std::size_t>(item.scenario)];
    model::BasinFigures f;
    f.code = f.name = basin.name;
    const auto& countries = w.run.countries;
    for (std::size_t r = 0; r < countries.size(); ++r) {
        const std::string& country = countries[r];
        model::UnitFigures u;
        u.code = u.name = country;
        fill_water(u, region_series(w, r), c);
        const double origin_total = sum_of(w.run.origin_km3[r]);
        if (origin_total > 0) u.dependency = 1 - w.run.origin_km3[r][r] / origin_total;
        u.inflow_m3 = model::mean_of(w.run.inflow_km3[r]) * kM3PerKm3;
        u.dry_inflow_m3 = dry_total(w.season.month_available_km3[r], w.run.month_inflow_km3[r]);
        if (w.pristine) {
            u.pristine_inflow_m3 = model::mean_of(w.pristine->inflow_km3[r]) * kM3PerKm3;
            u.pristine_dry_inflow_m3 =
                dry_total(w.season.month_available_km3[r], w.pristine->month_inflow_km3[r]);
        }
        if (scenario.population.count(country)) {
            u.population = scenario.population.at(country);
        } else if (basin.population.count(country)) {
            u.population = basin.population.at(country);
        }
        u.reservoir_capacity_m3 = reservoir_capacity_m3(basin, country);
        u.institutions = institutions(basin.management, run, country);
        f.units.push_back(std::move(u));
    }
    for (std::size_t a = 0; a < countries.size(); ++a)
        for (std::size_t b = 0; b < countries.size(); ++b)
            if (a != b && w.run.through_km3[b][a] > 0) {
                f.pairs.push_back(pair_figures(w, a, b));
                f.pairs.back().institutions =
                    institutions(basin.management, run, countries[a], countries[b]);
            }
    f.existing_dams = static_cast<double>(basin.management.reservoirs.size());
    f.reservoir_capacity_m3 = reservoir_capacity_m3(basin, "");
    f.mean_flow_m3 = model::mean_of(w.run.outlet_outflow_km3) * kM3PerKm3;
    f.whole = whole_basin(basin, run, w, f, c);
    f.whole.reservoir_capacity_m3 = f.reservoir_capacity_m3;
    f.notes.push_back("conflict-resolution mechanisms and river basin organisations are not "
                      "modelled in a study: only its agreements count");
    return f;
}

} // namespace riparia::app
