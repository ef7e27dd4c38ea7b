#include "model/water_balance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riparia::model {

namespace {
double relative(double residual, double gross) {
    if (gross <= 0) return std::fabs(residual) > 0 ? std::numeric_limits<double>::infinity() : 0;
    return std::fabs(residual) / gross;
}
} // namespace

double SubbasinBalance::relative_residual() const {
    const double gross = precip_mm + std::fabs(exchange_mm) + storage_start_mm;
    return relative(residual_mm(), gross);
}

double BasinBalance::relative_residual() const {
    const double gross = precip_hm3 + std::fabs(exchange_hm3) + storage_start_hm3;
    return relative(residual_hm3(), gross);
}

double WaterBalance::worst_relative_residual() const {
    double worst = 0;
    for (const auto& b : subbasins)
        worst = std::max(worst, b.relative_residual());
    for (const auto& b : basins)
        worst = std::max(worst, b.relative_residual());
    return worst;
}

} // namespace riparia::model
