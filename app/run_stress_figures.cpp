#include "app/run_stress_figures.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::app {

namespace {

constexpr double kM3PerKm3 = 1e9, kM3PerHm3 = 1e6;

std::vector<std::string> countries_of(const model::Basin& basin) {
    std::vector<std::string> countries;
    for (const auto& s : basin.subbasins)
        if (std::find(countries.begin(), countries.end(), s.country) == countries.end())
            countries.push_back(s.country);
    return countries;
}

double mean_of(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.empty() ? model::unknown : sum / static_cast<double>(v.size());
}

double cv_of(const std::vector<double>& v) {
    if (v.size() < 2) return model::unknown;
    const double mean = mean_of(v);
    double sum2 = 0;
    for (double x : v)
        sum2 += (x - mean) * (x - mean);
    return mean > 0 ? std::sqrt(sum2 / static_cast<double>(v.size() - 1)) / mean : model::unknown;
}

// Yearly volumes (km3) over full years only: a unit's own runoff plus what flows in from other
// countries, and what flows from country `from` into country `to`.
struct Flows {
    const model::Basin& basin;
    const nlohmann::json& stats;
    std::vector<std::size_t> full_years;

    Flows(const model::Basin& b, const nlohmann::json& s) : basin(b), stats(s) {
        for (std::size_t y = 0; y < stats["days"].size(); ++y)
            if (stats["days"][y].get<int>() >= 365) full_years.push_back(y);
    }
    std::vector<double> crossing(const std::string& from, const std::string& to) const {
        std::vector<double> v(full_years.size(), 0.0);
        for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
            const int down = basin.network.downstream(i);
            if (down < 0 || basin.subbasins[i].country != from ||
                basin.subbasins[static_cast<std::size_t>(down)].country != to)
                continue;
            const auto& series = stats["outflow_km3"][basin.subbasins[i].id];
            for (std::size_t k = 0; k < full_years.size(); ++k)
                v[k] += series[full_years[k]].get<double>();
        }
        return v;
    }
    std::vector<double> inflow(const std::string& country) const {
        std::vector<double> v(full_years.size(), 0.0);
        for (const auto& other : countries_of(basin)) {
            if (other == country) continue;
            const auto in = crossing(other, country);
            for (std::size_t k = 0; k < v.size(); ++k)
                v[k] += in[k];
        }
        return v;
    }
    std::vector<double> available(const std::string& country) const {
        std::vector<double> v = inflow(country);
        for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
            if (basin.subbasins[i].country != country) continue;
            const auto& series = stats["runoff_km3"][basin.subbasins[i].id];
            for (std::size_t k = 0; k < full_years.size(); ++k)
                v[k] += series[full_years[k]].get<double>();
        }
        return v;
    }
};

// The modelled agreements binding `a` (and `b`, when given) and how well they were complied with.
model::InstitutionFacts institutions(const model::Management& m, const nlohmann::json& run,
                                     const std::string& a, const std::string& b = "") {
    model::InstitutionFacts facts;
    facts.known = true; // the study states the agreements in force; none listed means none
    double required = 0, delivered = 0;
    for (std::size_t k = 0; k < m.agreements.size(); ++k) {
        const auto& g = m.agreements[k];
        const bool party_a = g.upstream_country == a || g.downstream_country == a;
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

} // namespace

model::BasinFigures run_figures(const StudyPlan& plan, const RunItem& item,
                                const nlohmann::json& run, const nlohmann::json* baseline,
                                const nlohmann::json* pristine) {
    const model::Basin basin = plan.basin_for(item);
    const auto& scenario = plan.study().ensemble.scenarios[static_cast<std::size_t>(item.scenario)];
    const Flows flows(basin, run["statistics"]);
    model::BasinFigures f;
    f.code = basin.name;
    f.name = basin.name;
    const auto countries = countries_of(basin);
    for (const auto& c : countries) {
        model::UnitFigures u;
        u.code = u.name = c;
        const auto available = flows.available(c);
        u.available_m3 = mean_of(available) * kM3PerKm3;
        u.dependency = mean_of(flows.inflow(c)) / mean_of(available);
        u.cv = cv_of(available);
        const auto& w = run["statistics"]["withdrawals_by_country"];
        if (w.contains(c)) {
            double requested = 0, delivered = 0;
            for (std::size_t y = 0; y < w[c]["requested_hm3"].size(); ++y) {
                requested += w[c]["requested_hm3"][y].get<double>();
                delivered += w[c]["delivered_hm3"][y].get<double>();
            }
            const double years = static_cast<double>(w[c]["requested_hm3"].size());
            u.withdrawal_m3 = delivered / years * kM3PerHm3;
            if (requested > 0) u.unmet_demand_share = 1 - delivered / requested;
        } else {
            u.withdrawal_m3 = 0;
        }
        if (scenario.population.count(c)) {
            u.population = scenario.population.at(c);
        } else if (basin.population.count(c)) {
            u.population = basin.population.at(c);
        }
        if (baseline) {
            const Flows base(basin, (*baseline)["statistics"]);
            const auto base_available = base.available(c);
            u.baseline_available_m3 = mean_of(base_available) * kM3PerKm3;
            u.cv_change = cv_of(available) / cv_of(base_available) - 1;
        }
        u.institutions = institutions(basin.management, run, c);
        f.units.push_back(std::move(u));
    }
    for (std::size_t a = 0; a < countries.size(); ++a) {
        for (std::size_t b = 0; b < countries.size(); ++b) {
            const auto in = flows.crossing(countries[a], countries[b]);
            if (a == b || mean_of(in) <= 0) continue;
            model::PairFigures p;
            p.upstream = a;
            p.downstream = b;
            p.inflow_m3 = mean_of(in) * kM3PerKm3;
            p.share_from_upstream = p.inflow_m3 / f.units[b].available_m3;
            if (pristine) {
                const Flows natural(plan.study().basin.basin, (*pristine)["statistics"]);
                p.pristine_inflow_m3 =
                    mean_of(natural.crossing(countries[a], countries[b])) * kM3PerKm3;
            }
            p.institutions = institutions(basin.management, run, countries[a], countries[b]);
            f.pairs.push_back(std::move(p));
        }
    }
    double capacity_hm3 = 0;
    for (const auto& r : basin.management.reservoirs)
        capacity_hm3 += r.capacity_hm3;
    f.existing_dams = static_cast<double>(basin.management.reservoirs.size());
    f.reservoir_capacity_m3 = capacity_hm3 * kM3PerHm3;
    double outflow_km3 = 0;
    for (const int outlet : basin.network.outlets()) {
        const auto& series = run["statistics"]["outflow_km3"][basin.subbasins[outlet].id];
        std::vector<double> years;
        for (const std::size_t y : flows.full_years)
            years.push_back(series[y].get<double>());
        outflow_km3 += mean_of(years);
    }
    f.mean_flow_m3 = outflow_km3 * kM3PerKm3;
    f.notes.push_back("conflict-resolution mechanisms and river basin organisations are not "
                      "modelled in a study: only its agreements count");
    return f;
}

} // namespace riparia::app
