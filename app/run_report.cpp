#include "app/run_report.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <string>

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
    }
    fmt::print("  worst relative residual over {} sub-basins and {} basin(s): {:.2e}\n",
               balance["subbasins"].size(), balance["basins"].size(),
               balance["worst_relative_residual"].get<double>());
}

struct Compliance {
    int years = 0, met = 0, short_days = 0;
    double worst = 1.0;
    int worst_year = 0;
    void add(const nlohmann::json& year_list) {
        for (const auto& y : year_list) {
            ++years;
            const double c = y["compliance"].get<double>();
            const int days = y["days_short"].get<int>();
            if (days == 0) ++met;
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
                lines[label].add(a["years"]);
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

} // namespace

void print_run_report(const nlohmann::json& runs, bool ensemble) {
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
        fmt::print("{} ({} members): compliance over all members' years\n", key,
                   groups[key].size());
        print_compliance(groups[key], "  ");
    }
}

} // namespace riparia::app
