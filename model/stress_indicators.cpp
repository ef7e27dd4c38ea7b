#include "model/stress_indicators.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riparia::model {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}

double water_stress_ratio(double withdrawal_m3, double available_m3) {
    if (!(available_m3 > 0) || std::isnan(withdrawal_m3)) return nan;
    return withdrawal_m3 / available_m3;
}

double aqueduct_bws_score(double ratio) {
    if (std::isnan(ratio)) return nan;
    if (ratio <= 0) return 0;
    const double score = (std::log(ratio) - std::log(0.1)) / std::log(2.0) + 1;
    return std::max(0.0, std::min(5.0, score));
}

int aqueduct_class(double value, const std::array<double, 4>& breakpoints) {
    int category = 0;
    for (double b : breakpoints)
        category += value >= b ? 1 : 0;
    return category;
}

const char* aqueduct_label(int category) {
    static const char* labels[] = {"low", "low-medium", "medium-high", "high", "extremely high"};
    return labels[std::clamp(category, 0, 4)];
}

int falkenmark_band(double m3_per_capita, const std::array<double, 3>& thresholds) {
    int band = 0;
    for (double t : thresholds)
        band += m3_per_capita < t ? 1 : 0;
    return band;
}

const char* falkenmark_label(int band) {
    static const char* labels[] = {"no stress", "stress", "scarcity", "absolute scarcity"};
    return labels[std::clamp(band, 0, 3)];
}

double iav_score(double cv) {
    if (std::isnan(cv)) return nan;
    return std::max(0.0, std::min(5.0, 4 * cv));
}

double dependency_ratio(double inflow_m3, double internal_m3) {
    const double total = inflow_m3 + internal_m3;
    return total > 0 ? inflow_m3 / total : nan;
}

double relative_change(double baseline, double scenario) {
    return baseline > 0 ? (scenario - baseline) / baseline : nan;
}

double saturating(double count, double half) {
    if (!(count > 0)) return 0;
    return count / (count + half);
}

double infrastructure_pressure(double existing_dams, double capacity_m3, double flow_m3,
                               double existing_dams_half) {
    if (capacity_m3 >= 0 && flow_m3 > 0) return std::min(1.0, capacity_m3 / flow_m3);
    return saturating(existing_dams, existing_dams_half);
}

} // namespace riparia::model
