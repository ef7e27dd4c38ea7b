#include "model/ensemble_spread.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riparia::model {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double percentile(std::vector<double> values, double q) {
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty()) return kNaN;
    std::sort(values.begin(), values.end());
    const double at = q * static_cast<double>(values.size() - 1);
    const auto k = static_cast<std::size_t>(at);
    if (k + 1 >= values.size()) return values.back();
    return values[k] + (at - static_cast<double>(k)) * (values[k + 1] - values[k]);
}

Spread spread_of(const std::vector<double>& values) {
    return {percentile(values, 0.1), percentile(values, 0.5), percentile(values, 0.9)};
}

std::array<double, 12> seasonal_means(std::span<const double> monthly, int first_month) {
    std::array<double, 12> sum{}, count{};
    for (std::size_t t = 0; t < monthly.size(); ++t) {
        if (std::isnan(monthly[t])) continue;
        const std::size_t month = (static_cast<std::size_t>(first_month) + t) % 12;
        sum[month] += monthly[t];
        count[month] += 1;
    }
    std::array<double, 12> means{};
    for (std::size_t m = 0; m < 12; ++m)
        means[m] = count[m] > 0 ? sum[m] / count[m] : kNaN;
    return means;
}

double share_of_months_short(std::span<const double> deficit, std::span<const double> request,
                             double fraction) {
    int months = 0, short_months = 0;
    for (std::size_t t = 0; t < request.size() && t < deficit.size(); ++t) {
        if (!(request[t] > 0)) continue;
        ++months;
        if (deficit[t] > fraction * request[t]) ++short_months;
    }
    return months > 0 ? static_cast<double>(short_months) / months : kNaN;
}

Spread difference_spread(const std::vector<double>& policy, const std::vector<double>& baseline) {
    std::vector<double> differences;
    for (std::size_t m = 0; m < policy.size() && m < baseline.size(); ++m) {
        differences.push_back(policy[m] - baseline[m]);
    }
    return spread_of(differences);
}

} // namespace riparia::model
