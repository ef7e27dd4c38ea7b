// Seasonal, interannual and supply indicators of the conflict-stress module on plain series
// (docs/stress.md, "Indicators"). No I/O; NaN means "not known".
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace riparia::model {

using MonthlyVolumes = std::array<double, 12>; // index 0 = January

// The dry season: the 3 calendar months of lowest mean available water, in calendar order.
// Ties go to the earlier month, so the choice is deterministic.
std::array<int, 3> driest_months(const MonthlyVolumes& available);
// The sum of `volumes` over `months`.
double season_total(const MonthlyVolumes& volumes, const std::array<int, 3>& months);

double mean_of(const std::vector<double>& values); // NaN when empty
double median_of(std::vector<double> values);      // NaN when empty
// Sample coefficient of variation sd / mean (n - 1 in the variance; the Aqueduct IAV is the CV of
// annual available water, indicators.md 1.7). NaN for fewer than 2 values or a mean <= 0.
double coefficient_of_variation(const std::vector<double>& values);

// Share of years whose available water is below `fraction` times the median of the reference
// years (the same member's baseline scenario). NaN without years or reference.
double drought_frequency(const std::vector<double>& annual, const std::vector<double>& reference,
                         double fraction);
// Share of months with a demand in which at most 10 % of the demand went unmet (Hashimoto et al.
// 1982: reliability, the probability of a satisfactory state). NaN without demand months.
double supply_reliability(double months_with_demand, double failed_months);
// 1 - value / pristine: the share of the pristine volume the run lacks (negative when the run
// has more). NaN when the pristine volume is not positive.
double depletion(double value, double pristine);

} // namespace riparia::model
