#include "model/stress_season.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace riparia::model {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}

std::array<int, 3> driest_months(const MonthlyVolumes& available) {
    std::array<int, 12> months{};
    std::iota(months.begin(), months.end(), 0);
    std::stable_sort(months.begin(), months.end(),
                     [&](int a, int b) { return available[a] < available[b]; });
    std::array<int, 3> dry{months[0], months[1], months[2]};
    std::sort(dry.begin(), dry.end());
    return dry;
}

double season_total(const MonthlyVolumes& volumes, const std::array<int, 3>& months) {
    double sum = 0;
    for (int m : months)
        sum += volumes[static_cast<std::size_t>(m)];
    return sum;
}

double mean_of(const std::vector<double>& values) {
    if (values.empty()) return nan;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double median_of(std::vector<double> values) {
    if (values.empty()) return nan;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double coefficient_of_variation(const std::vector<double>& values) {
    if (values.size() < 2) return nan;
    const double mean = mean_of(values);
    double sum2 = 0;
    for (double x : values)
        sum2 += (x - mean) * (x - mean);
    return mean > 0 ? std::sqrt(sum2 / static_cast<double>(values.size() - 1)) / mean : nan;
}

double drought_frequency(const std::vector<double>& annual, const std::vector<double>& reference,
                         double fraction) {
    const double threshold = fraction * median_of(reference);
    if (annual.empty() || std::isnan(threshold)) return nan;
    const auto dry =
        std::count_if(annual.begin(), annual.end(), [&](double v) { return v < threshold; });
    return static_cast<double>(dry) / static_cast<double>(annual.size());
}

double supply_reliability(double months_with_demand, double failed_months) {
    return months_with_demand > 0 ? 1 - failed_months / months_with_demand : nan;
}

double depletion(double value, double pristine) {
    return pristine > 0 && !std::isnan(value) ? 1 - value / pristine : nan;
}

} // namespace riparia::model
