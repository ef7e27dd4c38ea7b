// Monthly series out of results.nc for the run report: the steps of a daily or monthly file
// grouped into calendar months (day-weighted means), and per member the figures the report
// compares — mean flows at the border nodes, and per country the shortage and the share of
// months short of water.
#pragma once

#include "io/report_results.hpp"

#include <map>
#include <string>
#include <vector>

namespace riparia::app {

struct MonthSteps {
    std::vector<std::size_t> month_of_step; // index of each step's calendar month
    std::vector<double> days;               // days in each month (of the steps present)
    std::vector<int> years, months;         // of each month (months 1..12)
};
MonthSteps month_steps(const io::ResultsLayout& layout);

// The day-weighted monthly means of column k of one run's series.
std::vector<double> monthly_series(const io::ResultsLayout& layout, const MonthSteps& steps,
                                   const io::ResultsVariable& v, std::size_t s, std::size_t p,
                                   std::size_t m, std::size_t k);

// Sub-basins whose outflow crosses into another country, then the outlets: (index, label
// "ETH -> SDN" or "EGY outlet").
std::vector<std::pair<std::size_t, std::string>> border_nodes(const io::ResultsLayout& layout);

// One figure per member: [scenario][policy] -> figure key -> value per member.
using MemberFigures = std::vector<std::vector<std::map<std::string, std::vector<double>>>>;

// "flow NODE": mean discharge at each border node over the period, m3 s-1.
// "shortage CTRY": request not delivered / request over the period, %.
// "reliability CTRY": months with the deficit above 10 % of the request / months with a request, %.
// `demand_country`: the country of each demand id (those absent are left out).
MemberFigures member_figures(const io::ReportResults& results,
                             const std::map<std::string, std::string>& demand_country);

} // namespace riparia::app
