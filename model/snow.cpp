#include "model/snow.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::model {

std::string snow_parameter_problem(const SnowParams& p) {
    if (!std::isfinite(p.threshold_c)) return "threshold_c must be a finite temperature";
    if (!std::isfinite(p.transition_width_c) || p.transition_width_c < 0) {
        return fmt::format("transition_width_c must be >= 0 degC, found {}", p.transition_width_c);
    }
    if (!std::isfinite(p.melt_threshold_c)) return "melt_threshold_c must be a finite temperature";
    if (!std::isfinite(p.melt_factor_mm_per_c_day) || p.melt_factor_mm_per_c_day < 0) {
        return fmt::format("melt_factor_mm_per_c_day must be >= 0, found {}",
                           p.melt_factor_mm_per_c_day);
    }
    if (!std::isfinite(p.initial_swe_mm) || p.initial_swe_mm < 0) {
        return fmt::format("initial_swe_mm must be >= 0, found {}", p.initial_swe_mm);
    }
    return {};
}

SnowDay snow_step(const SnowParams& p, double precip_mm, double air_temperature_c, double& swe_mm) {
    double snow_fraction;
    if (p.transition_width_c > 0) {
        const double upper = p.threshold_c + 0.5 * p.transition_width_c;
        snow_fraction = std::clamp((upper - air_temperature_c) / p.transition_width_c, 0.0, 1.0);
    } else {
        snow_fraction = air_temperature_c <= p.threshold_c ? 1.0 : 0.0;
    }
    SnowDay day;
    day.snowfall_mm = precip_mm * snow_fraction;
    const double rain_mm = precip_mm - day.snowfall_mm;
    swe_mm += day.snowfall_mm;
    const double potential_melt =
        std::max(0.0, p.melt_factor_mm_per_c_day * (air_temperature_c - p.melt_threshold_c));
    day.melt_mm = std::min(swe_mm, potential_melt);
    swe_mm -= day.melt_mm;
    day.liquid_mm = rain_mm + day.melt_mm;
    return day;
}

} // namespace riparia::model
