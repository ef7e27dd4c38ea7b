// Degree-day snow accounting ahead of GR4J, for sub-basins with a `snow` table.
// Precipitation is snow below the threshold and rain above it, with a linear transition band of
// the given width centred on the threshold; the pack then melts at melt_factor x (T - melt
// threshold) per day, never more than it holds. Melt may take the day's own snowfall.
// Defaults follow common degree-day practice (e.g. HBV: TT = 0 degC, CFMAX 2-4 mm/degC/day;
// Hock 2003, J. Hydrol. 282:104-115, reviews factors of 2.5-6 mm/degC/day for snow).
#pragma once

#include <string>

namespace riparia::model {

struct SnowParams {
    double threshold_c = 0.0;              // rain/snow threshold (centre of the band)
    double transition_width_c = 2.0;       // width of the mixed rain/snow band
    double melt_threshold_c = 0.0;         // melt starts above this
    double melt_factor_mm_per_c_day = 3.0; // degree-day factor
    double initial_swe_mm = 0.0;           // snow water equivalent at the start
};

std::string snow_parameter_problem(const SnowParams& params); // empty when valid

struct SnowDay {
    double liquid_mm;   // rain + melt, what reaches GR4J
    double snowfall_mm; // precipitation stored as snow today
    double melt_mm;
};

// Advances the pack (swe_mm) by one day.
SnowDay snow_step(const SnowParams& params, double precip_mm, double air_temperature_c,
                  double& swe_mm);

} // namespace riparia::model
