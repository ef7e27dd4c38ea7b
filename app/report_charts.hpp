// The chart data of the run report (docs/outputs.md, "report.html"), computed from results.nc
// and run.json: hydrographs at the border nodes, reservoir storage, the per-member figures with
// their spread, agreement compliance, and the what-if differences against the baseline policy.
#pragma once

#include "app/report_series.hpp"
#include "io/report_results.hpp"

#include <nlohmann/json.hpp>

namespace riparia::app {

// x rounded to `digits` significant digits (keeps the embedded JSON short); NaN stays NaN.
double significant(double x, int digits);

// Per border node and scenario, for the first (baseline) policy: the seasonal cycle (mean of
// each calendar month over the period, m3 s-1) and the calendar-year means, each as the members'
// median, 10th and 90th percentiles.
nlohmann::json border_hydrographs(const io::ReportResults& results);

// Per scenario, policy and reservoir: the members' median storage of each month, hm3.
nlohmann::json reservoir_storage(const io::ReportResults& results);

// Adds "compliance ID" per member (delivered / required over all years, %) from run.json's
// yearly records of each agreement and environmental flow.
void add_compliance(const nlohmann::json& run_record, const io::ResultsLayout& layout,
                    MemberFigures& figures);

// [scenario][policy] -> figure -> {p10, median, p90} over the members.
nlohmann::json figure_spreads(const MemberFigures& figures);
// [scenario][policy] -> figure -> {p10, median, p90} of the member-wise differences against the
// first policy of the same scenario (the first policy's entries are empty).
nlohmann::json figure_differences(const MemberFigures& figures);

} // namespace riparia::app
