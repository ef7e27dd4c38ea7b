#include "model/wet_days.hpp"

#include <algorithm>
#include <cmath>

namespace riparia::model {

double estimated_wet_day_fraction(double precip_mm, double days_in_month) {
    if (!(precip_mm > 0)) return 0.0;
    const double wet_days = std::sqrt(precip_mm); // Hijmans, R package weather, genRain example
    return std::min(1.0, wet_days / days_in_month);
}

} // namespace riparia::model
