#include "app/report_series.hpp"

#include "model/ensemble_spread.hpp"

#include <cmath>
#include <limits>

namespace riparia::app {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Monthly request and deficit of a country, m3 s-1: the sum over its demands (NaN values
// skipped: a demand the run's policy lacks).
struct CountryMonths {
    std::vector<double> request, deficit;
    void add(const std::vector<double>& demand_request, const std::vector<double>& demand_deficit) {
        if (request.empty()) {
            request.assign(demand_request.size(), 0.0);
            deficit.assign(demand_request.size(), 0.0);
        }
        for (std::size_t t = 0; t < request.size(); ++t) {
            if (std::isnan(demand_request[t]) || std::isnan(demand_deficit[t])) continue;
            request[t] += demand_request[t];
            deficit[t] += demand_deficit[t];
        }
    }
};

double day_weighted_mean(const std::vector<double>& series, const std::vector<double>& days) {
    double sum = 0, weight = 0;
    for (std::size_t t = 0; t < series.size(); ++t) {
        if (std::isnan(series[t])) continue;
        sum += series[t] * days[t];
        weight += days[t];
    }
    return weight > 0 ? sum / weight : kNaN;
}

struct DemandSeries {
    const io::ResultsVariable& request;
    const io::ResultsVariable& deficit;
    const std::map<std::string, std::string>& country_of;
};

void add_country_figures(const io::ReportResults& results, const MonthSteps& steps,
                         const DemandSeries& d, std::size_t s, std::size_t p, std::size_t m,
                         std::map<std::string, std::vector<double>>& out) {
    const io::ResultsLayout& l = results.layout();
    std::map<std::string, CountryMonths> countries;
    for (std::size_t k = 0; k < l.demand_ids.size(); ++k) {
        const auto country = d.country_of.find(l.demand_ids[k]);
        if (country == d.country_of.end()) continue;
        countries[country->second].add(monthly_series(l, steps, d.request, s, p, m, k),
                                       monthly_series(l, steps, d.deficit, s, p, m, k));
    }
    for (const auto& [country, c] : countries) {
        const double request = day_weighted_mean(c.request, steps.days);
        const double shortage =
            request > 0 ? 100 * day_weighted_mean(c.deficit, steps.days) / request : kNaN;
        out["shortage " + country][m] = shortage;
        out["reliability " + country][m] =
            100 * model::share_of_months_short(c.deficit, c.request, 0.1);
    }
}

} // namespace

MonthSteps month_steps(const io::ResultsLayout& layout) {
    MonthSteps steps;
    for (std::size_t t = 0; t < layout.months.size(); ++t) {
        if (steps.years.empty() || steps.years.back() != layout.years[t] ||
            steps.months.back() != layout.months[t]) {
            steps.years.push_back(layout.years[t]);
            steps.months.push_back(layout.months[t]);
            steps.days.push_back(0);
        }
        steps.month_of_step.push_back(steps.years.size() - 1);
        steps.days.back() += layout.days_in_step[t];
    }
    return steps;
}

std::vector<double> monthly_series(const io::ResultsLayout& layout, const MonthSteps& steps,
                                   const io::ResultsVariable& v, std::size_t s, std::size_t p,
                                   std::size_t m, std::size_t k) {
    std::vector<double> sum(steps.days.size(), 0.0), weight(steps.days.size(), 0.0);
    if (v.values.empty()) return std::vector<double>(steps.days.size(), kNaN);
    const std::size_t base = io::series_offset(layout, v, s, p, m);
    for (std::size_t t = 0; t < steps.month_of_step.size(); ++t) {
        const double value = v.values[base + t * v.width + k];
        if (std::isnan(value)) continue;
        sum[steps.month_of_step[t]] += value * layout.days_in_step[t];
        weight[steps.month_of_step[t]] += layout.days_in_step[t];
    }
    for (std::size_t i = 0; i < sum.size(); ++i)
        sum[i] = weight[i] > 0 ? sum[i] / weight[i] : kNaN;
    return sum;
}

std::vector<std::pair<std::size_t, std::string>> border_nodes(const io::ResultsLayout& layout) {
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < layout.node_ids.size(); ++i)
        index_of[layout.node_ids[i]] = i;
    std::vector<std::pair<std::size_t, std::string>> crossings, outlets;
    for (std::size_t i = 0; i < layout.node_ids.size(); ++i) {
        const std::string& country = layout.node_countries[i];
        const auto down = index_of.find(layout.node_downstream[i]);
        if (down == index_of.end()) {
            outlets.emplace_back(i, country + " outlet");
        } else if (layout.node_countries[down->second] != country) {
            crossings.emplace_back(i, country + " -> " + layout.node_countries[down->second]);
        }
    }
    crossings.insert(crossings.end(), outlets.begin(), outlets.end());
    return crossings;
}

MemberFigures member_figures(const io::ReportResults& results,
                             const std::map<std::string, std::string>& demand_country) {
    const io::ResultsLayout& l = results.layout();
    const MonthSteps steps = month_steps(l);
    const io::ResultsVariable dis = results.read("dis");
    const io::ResultsVariable request = results.read("demand_request");
    const io::ResultsVariable deficit = results.read("demand_deficit");
    const DemandSeries demands{request, deficit, demand_country};
    const auto borders = border_nodes(l);
    const std::size_t members = l.members.size();
    MemberFigures figures(
        l.scenarios.size(),
        std::vector<std::map<std::string, std::vector<double>>>(l.policies.size()));
    for (std::size_t s = 0; s < l.scenarios.size(); ++s) {
        for (std::size_t p = 0; p < l.policies.size(); ++p) {
            auto& out = figures[s][p];
            for (std::size_t m = 0; m < members; ++m) {
                for (const auto& [node, label] : borders) {
                    auto& values = out["flow " + l.node_ids[node]];
                    values.resize(members, kNaN);
                    values[m] =
                        day_weighted_mean(monthly_series(l, steps, dis, s, p, m, node), steps.days);
                }
                for (const auto& [demand, country] : demand_country) {
                    out["shortage " + country].resize(members, kNaN);
                    out["reliability " + country].resize(members, kNaN);
                }
                add_country_figures(results, steps, demands, s, p, m, out);
            }
        }
    }
    return figures;
}

} // namespace riparia::app
