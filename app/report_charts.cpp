#include "app/report_charts.hpp"

#include "model/ensemble_spread.hpp"

#include <cmath>

namespace riparia::app {

namespace {

nlohmann::json rounded(const std::vector<double>& values) {
    nlohmann::json out = nlohmann::json::array();
    for (double v : values)
        out.push_back(significant(v, 4));
    return out;
}

nlohmann::json spread_json(const model::Spread& s) {
    return {{"p10", significant(s.p10, 4)},
            {"median", significant(s.median, 4)},
            {"p90", significant(s.p90, 4)}};
}

// Per position (month or year), the spread of the members' values.
nlohmann::json band(const std::vector<std::vector<double>>& member_series) {
    const std::size_t n = member_series.empty() ? 0 : member_series[0].size();
    std::vector<double> p10(n), median(n), p90(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<double> at;
        for (const auto& series : member_series)
            at.push_back(series[i]);
        const model::Spread s = model::spread_of(at);
        p10[i] = s.p10;
        median[i] = s.median;
        p90[i] = s.p90;
    }
    return {{"p10", rounded(p10)}, {"median", rounded(median)}, {"p90", rounded(p90)}};
}

// Day-weighted means of each calendar year that has all 12 months.
std::vector<double> calendar_year_means(const std::vector<double>& monthly, const MonthSteps& steps,
                                        const std::vector<int>& years) {
    std::vector<double> means;
    for (int year : years) {
        double sum = 0, days = 0;
        for (std::size_t t = 0; t < monthly.size(); ++t) {
            if (steps.years[t] != year) continue;
            sum += monthly[t] * steps.days[t];
            days += steps.days[t];
        }
        means.push_back(days > 0 ? sum / days : std::nan(""));
    }
    return means;
}

std::vector<int> full_years(const MonthSteps& steps) {
    std::vector<int> years;
    for (std::size_t t = 0; t < steps.years.size(); ++t) {
        if (steps.months[t] == 12 && t >= 11 && steps.years[t - 11] == steps.years[t]) {
            years.push_back(steps.years[t]);
        }
    }
    return years;
}

nlohmann::json node_hydrographs(const io::ReportResults& results, const MonthSteps& steps,
                                const io::ResultsVariable& dis, std::size_t node,
                                const std::vector<int>& years) {
    const io::ResultsLayout& l = results.layout();
    nlohmann::json seasonal = nlohmann::json::array(), annual = nlohmann::json::array();
    for (std::size_t s = 0; s < l.scenarios.size(); ++s) {
        std::vector<std::vector<double>> cycles, year_means;
        for (std::size_t m = 0; m < l.members.size(); ++m) {
            const auto monthly = monthly_series(l, steps, dis, s, 0, m, node);
            const auto cycle = model::seasonal_means(monthly, steps.months.front() - 1);
            cycles.emplace_back(cycle.begin(), cycle.end());
            year_means.push_back(calendar_year_means(monthly, steps, years));
        }
        seasonal.push_back(band(cycles));
        annual.push_back(band(year_means));
    }
    return {{"seasonal", seasonal}, {"annual", annual}};
}

} // namespace

double significant(double x, int digits) {
    if (!std::isfinite(x) || x == 0) return x;
    const double scale =
        std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::fabs(x)))));
    return std::round(x * scale) / scale;
}

nlohmann::json border_hydrographs(const io::ReportResults& results) {
    const io::ResultsLayout& l = results.layout();
    const MonthSteps steps = month_steps(l);
    const io::ResultsVariable dis = results.read("dis");
    const std::vector<int> years = full_years(steps);
    nlohmann::json nodes = nlohmann::json::array();
    if (dis.values.empty() || steps.years.empty()) return {{"years", years}, {"nodes", nodes}};
    for (const auto& [node, label] : border_nodes(l)) {
        nlohmann::json entry = node_hydrographs(results, steps, dis, node, years);
        entry["node"] = l.node_ids[node];
        entry["name"] = node < l.node_names.size() ? l.node_names[node] : l.node_ids[node];
        entry["label"] = label;
        nodes.push_back(std::move(entry));
    }
    return {{"years", years}, {"nodes", nodes}};
}

nlohmann::json reservoir_storage(const io::ReportResults& results) {
    const io::ResultsLayout& l = results.layout();
    const MonthSteps steps = month_steps(l);
    const io::ResultsVariable storage = results.read("reservoir_storage");
    nlohmann::json medians = nlohmann::json::array();
    for (std::size_t s = 0; s < l.scenarios.size() && !storage.values.empty(); ++s) {
        nlohmann::json per_policy = nlohmann::json::array();
        for (std::size_t p = 0; p < l.policies.size(); ++p) {
            nlohmann::json per_reservoir = nlohmann::json::array();
            for (std::size_t r = 0; r < l.reservoir_ids.size(); ++r) {
                std::vector<std::vector<double>> members;
                for (std::size_t m = 0; m < l.members.size(); ++m) {
                    members.push_back(monthly_series(l, steps, storage, s, p, m, r));
                }
                per_reservoir.push_back(band(members)["median"]);
            }
            per_policy.push_back(std::move(per_reservoir));
        }
        medians.push_back(std::move(per_policy));
    }
    return {{"reservoirs", l.reservoir_ids},
            {"first_year", steps.years.empty() ? 0 : steps.years.front()},
            {"first_month", steps.months.empty() ? 1 : steps.months.front()},
            {"median_hm3", medians}};
}

nlohmann::json figure_spreads(const MemberFigures& figures) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& scenario : figures) {
        nlohmann::json per_policy = nlohmann::json::array();
        for (const auto& policy : scenario) {
            nlohmann::json entry = nlohmann::json::object();
            for (const auto& [key, values] : policy)
                entry[key] = spread_json(model::spread_of(values));
            per_policy.push_back(std::move(entry));
        }
        out.push_back(std::move(per_policy));
    }
    return out;
}

nlohmann::json figure_differences(const MemberFigures& figures) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& scenario : figures) {
        nlohmann::json per_policy = nlohmann::json::array();
        for (std::size_t p = 0; p < scenario.size(); ++p) {
            nlohmann::json entry = nlohmann::json::object();
            for (const auto& [key, values] : scenario[p]) {
                const auto baseline = scenario[0].find(key);
                if (p == 0 || baseline == scenario[0].end()) continue;
                entry[key] = spread_json(model::difference_spread(values, baseline->second));
            }
            per_policy.push_back(std::move(entry));
        }
        out.push_back(std::move(per_policy));
    }
    return out;
}

namespace {

std::size_t index_in(const std::vector<std::string>& labels, const nlohmann::json& name) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (name.is_string() && labels[i] == name.get<std::string>()) return i;
    }
    return labels.size();
}

// Delivered / required over all years of each agreement and environmental flow of one run, %.
void add_run_compliance(const nlohmann::json& management, std::size_t members, std::size_t member,
                        std::map<std::string, std::vector<double>>& out) {
    if (!management.is_object()) return;
    for (const char* kind : {"agreements", "environmental_flows"}) {
        for (const auto& a : management.value(kind, nlohmann::json::array())) {
            double delivered = 0, required = 0;
            for (const auto& y : a["years"]) {
                delivered += y["delivered_hm3"].get<double>();
                required += y["required_hm3"].get<double>();
            }
            auto& values = out["compliance " + a["id"].get<std::string>()];
            values.resize(members, std::nan(""));
            values[member] = required > 0 ? 100 * delivered / required : std::nan("");
        }
    }
}

} // namespace

void add_compliance(const nlohmann::json& run_record, const io::ResultsLayout& layout,
                    MemberFigures& figures) {
    const std::size_t members = layout.members.size();
    const nlohmann::json& ensemble = run_record.value("ensemble", nlohmann::json());
    if (!ensemble.is_object()) {
        add_run_compliance(run_record.value("management", nlohmann::json()), members, 0,
                           figures[0][0]);
        return;
    }
    for (const auto& run : ensemble["runs"]) {
        const std::size_t s = index_in(layout.scenarios, run["scenario"]);
        const std::size_t p = index_in(layout.policies, run["policy"]);
        const std::size_t m = index_in(layout.members, run["member"]);
        if (s == layout.scenarios.size() || p == layout.policies.size() || m == members) continue;
        add_run_compliance(run.value("management", nlohmann::json()), members, m, figures[s][p]);
    }
}

} // namespace riparia::app
