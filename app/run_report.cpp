#include "app/run_report.hpp"

#include "model/ensemble_spread.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace riparia::app {

namespace {

void print_balance(const nlohmann::json& balance) {
    fmt::print("water balance (P - AET + exchange - outflow - dStorage), per basin:\n");
    for (const auto& b : balance["basins"]) {
        const double ds = b["storage_end_hm3"].get<double>() - b["storage_start_hm3"].get<double>();
        fmt::print("  {:<20} P {:.6g} hm3, AET {:.6g}, exchange {:.6g}, outflow {:.6g}, "
                   "dS {:.6g}; residual {:.3g} hm3 ({:.2e} relative)\n",
                   b["outlet_id"].get<std::string>(), b["precipitation_hm3"].get<double>(),
                   b["actual_et_hm3"].get<double>(), b["groundwater_exchange_hm3"].get<double>(),
                   b["outflow_hm3"].get<double>(), ds, b["residual_hm3"].get<double>(),
                   b["relative_residual"].get<double>());
        const double reach_loss_hm3 = b.value("reach_loss_hm3", 0.0); // absent in older records
        if (reach_loss_hm3 != 0) fmt::print("    reach losses {:.6g} hm3\n", reach_loss_hm3);
    }
    fmt::print("  worst relative residual over {} sub-basins and {} basin(s): {:.2e}\n",
               balance["subbasins"].size(), balance["basins"].size(),
               balance["worst_relative_residual"].get<double>());
}

struct Compliance {
    int years = 0, met = 0, short_days = 0;
    double worst = 1.0;
    int worst_year = 0;
    // `by_volume`: a year is met when its annual volume arrived (docs/inputs.md, agreements).
    void add(const nlohmann::json& year_list, bool by_volume) {
        for (const auto& y : year_list) {
            ++years;
            const double c = y["compliance"].get<double>();
            const int days = y["days_short"].get<int>();
            if (by_volume ? c >= 1 - 1e-9 : days == 0) ++met;
            short_days += days;
            if (c < worst) {
                worst = c;
                worst_year = y["year"].get<int>();
            }
        }
    }
};

// One line per agreement and environmental flow over the given runs.
void print_compliance(const std::vector<const nlohmann::json*>& runs, const std::string& indent) {
    std::map<std::string, Compliance> lines;
    std::vector<std::string> order;
    for (const auto* run : runs) {
        const auto& m = (*run)["management"];
        if (m.is_null()) continue;
        for (const char* kind : {"agreements", "environmental_flows"}) {
            for (const auto& a : m[kind]) {
                const std::string label =
                    fmt::format("{} {}", kind[0] == 'a' ? "agreement" : "environmental flow",
                                a["id"].get<std::string>());
                if (!lines.count(label)) order.push_back(label);
                lines[label].add(a["years"], a.value("compliance_by", "day") == "annual volume");
            }
        }
    }
    for (const auto& label : order) {
        const Compliance& c = lines[label];
        fmt::print("{}{:<28} met in {} of {} years; worst {:.1f} %{}; {} days short\n", indent,
                   label, c.met, c.years, 100 * c.worst,
                   c.worst_year ? fmt::format(" ({})", c.worst_year) : std::string(), c.short_days);
    }
}

// Sub-basins whose outflow crosses a border, and the outlets: "GERD ETH->SDN".
std::vector<std::pair<std::string, std::string>> border_points(const model::Basin& basin) {
    std::vector<std::pair<std::string, std::string>> points;
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        const auto& s = basin.subbasins[i];
        const int down = basin.network.downstream(i);
        if (down < 0) {
            points.emplace_back(s.id, s.country + " outlet");
        } else if (basin.subbasins[static_cast<std::size_t>(down)].country != s.country) {
            points.emplace_back(s.id, s.country + "->" +
                                          basin.subbasins[static_cast<std::size_t>(down)].country);
        }
    }
    return points;
}

// Mean annual flow of each member, and every member-year (full years only, for the dry year).
void flows_of(const std::vector<const nlohmann::json*>& runs, const std::string& id,
              std::vector<double>& member_means, std::vector<double>& years) {
    for (const auto* run : runs) {
        const auto& st = (*run)["statistics"];
        const auto& volumes = st["outflow_km3"][id];
        double total = 0, days = 0;
        for (std::size_t y = 0; y < volumes.size(); ++y) {
            const double d = st["days"][y].get<double>();
            total += volumes[y].get<double>();
            days += d;
            if (d >= 365) years.push_back(volumes[y].get<double>());
        }
        if (days > 0) member_means.push_back(total * 365.25 / days);
    }
}

void print_borders(const std::vector<const nlohmann::json*>& runs, const model::Basin& basin) {
    fmt::print("  flows at the borders, km3/yr: median of the members' means (dry year: 10th "
               "percentile of all years)\n");
    for (const auto& [id, label] : border_points(basin)) {
        std::vector<double> means, years;
        flows_of(runs, id, means, years);
        fmt::print("    {:<14} {:<12} {:9.2f} ({:.2f})\n", id, label, model::percentile(means, 0.5),
                   model::percentile(years, 0.1));
    }
}

void print_shortages(const std::vector<const nlohmann::json*>& runs) {
    std::map<std::string, std::pair<double, double>> totals; // requested, delivered
    std::map<std::string, double> worst;
    for (const auto* run : runs) {
        for (const auto& [country, w] : (*run)["statistics"]["withdrawals_by_country"].items()) {
            for (std::size_t y = 0; y < w["requested_hm3"].size(); ++y) {
                const double r = w["requested_hm3"][y].get<double>();
                const double d = w["delivered_hm3"][y].get<double>();
                totals[country].first += r;
                totals[country].second += d;
                if (r > 0) worst[country] = std::max(worst[country], 1 - d / r);
            }
        }
    }
    if (totals.empty()) return;
    fmt::print("  shortage by country (withdrawals not delivered, all members and years; worst "
               "year):\n");
    for (const auto& [country, t] : totals) {
        const double shortage = t.first > 0 ? 1 - t.second / t.first : 0;
        fmt::print("    {:<4} {:6.1f} %  (worst year {:.1f} %), requested {:.2f} km3/yr\n", country,
                   100 * shortage, 100 * worst[country],
                   t.first / 1000 / static_cast<double>(std::max<std::size_t>(1, runs.size())) /
                       static_cast<double>(
                           std::max<std::size_t>(1, (*runs[0])["statistics"]["years"].size())));
    }
}

} // namespace

void print_run_report(const nlohmann::json& runs, const model::Basin& basin, bool ensemble) {
    if (!ensemble) {
        print_balance(runs[0]["water_balance"]);
        if (!runs[0]["management"].is_null()) {
            fmt::print("compliance (delivered / required, by year):\n");
            print_compliance({&runs[0]}, "  ");
        }
        return;
    }
    double worst = 0;
    for (const auto& r : runs)
        worst = std::max(worst, r["water_balance"]["worst_relative_residual"].get<double>());
    fmt::print("{} runs; water balance worst relative residual over all runs: {:.2e}\n",
               runs.size(), worst);
    std::map<std::string, std::vector<const nlohmann::json*>> groups;
    std::vector<std::string> order;
    for (const auto& r : runs) {
        const std::string key =
            fmt::format("scenario {} / policy {}", r["scenario"].get<std::string>(),
                        r["policy"].get<std::string>());
        if (!groups.count(key)) order.push_back(key);
        groups[key].push_back(&r);
    }
    for (const auto& key : order) {
        fmt::print("{} ({} members)\n", key, groups[key].size());
        print_borders(groups[key], basin);
        print_shortages(groups[key]);
        bool managed = false;
        for (const auto* r : groups[key])
            managed = managed || !(*r)["management"].is_null();
        if (!managed) continue;
        fmt::print("  compliance over all members' years:\n");
        print_compliance(groups[key], "    ");
    }
}

} // namespace riparia::app
