// Unit conversions used across the model. Internally: mm/day for hydrology, m3/s for flows,
// hm3 (1e6 m3) for storages and volumes, km2 for areas.
#pragma once

namespace riparia::units {

inline constexpr double seconds_per_day = 86400.0;

// A depth of 1 mm over 1 km2 is 1e-3 m * 1e6 m2 = 1000 m3 = 1e-3 hm3.
inline constexpr double hm3_per_mm_km2 = 1e-3;

// 1 m3/s sustained for one day is 86,400 m3 = 0.0864 hm3.
inline constexpr double hm3_per_m3s_day = seconds_per_day * 1e-6;

// Q [m3/s] = Q [mm/d] * area [km2] / 86.4 (hydrology.md).
inline constexpr double mm_day_to_m3s(double depth_mm_day, double area_km2) {
    return depth_mm_day * area_km2 / 86.4;
}
inline constexpr double m3s_to_mm_day(double flow_m3s, double area_km2) {
    return flow_m3s * 86.4 / area_km2;
}

// Latent heat of vaporisation (MJ/kg) times water density (kg/m3) / 1000 (m -> mm), as used by
// Oudin et al. (2005): E [mm/d] = Re [MJ m-2 d-1] / 2.45 * (T + 5) / 100.
inline constexpr double latent_heat_MJ_per_kg = 2.45;

} // namespace riparia::units
