// Statistics of an ensemble for the run report (docs/outputs.md, "report.html"): percentiles
// across members, the mean seasonal cycle of a monthly series, the share of months short of
// water, and the member-wise differences of a policy against the baseline policy.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace riparia::model {

// The q-quantile (0..1) of the values, linear between order statistics (Hyndman and Fan 1996,
// definition 7, the default of R and NumPy). NaN for no values; NaN values are ignored.
double percentile(std::vector<double> values, double q);

struct Spread {
    double p10 = 0, median = 0, p90 = 0;
};
Spread spread_of(const std::vector<double>& values);

// The mean of each calendar month (January = 0) over a monthly series whose first value is
// month `first_month` (0..11); NaN values are skipped, and a month with no value is NaN.
std::array<double, 12> seasonal_means(std::span<const double> monthly, int first_month);

// The share of the months with a request in which the deficit exceeds `fraction` of the request
// (a month with no request is not counted); NaN when no month has a request.
double share_of_months_short(std::span<const double> deficit, std::span<const double> request,
                             double fraction);

// Member-wise differences policy - baseline (both indexed by member), then their spread.
Spread difference_spread(const std::vector<double>& policy, const std::vector<double>& baseline);

} // namespace riparia::model
