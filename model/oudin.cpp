#include "model/oudin.hpp"

#include "model/units.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riparia::model {

double extraterrestrial_radiation_MJ_m2_day(double latitude_deg, int day_of_year) {
    constexpr double pi = std::numbers::pi;
    constexpr double solar_constant_MJ_m2_min = 0.0820; // FAO-56 Gsc
    const double phi = latitude_deg * pi / 180.0;
    const double angle = 2.0 * pi * day_of_year / 365.0;
    const double declination = 0.409 * std::sin(angle - 1.39);     // eq. 24
    const double inverse_distance = 1.0 + 0.033 * std::cos(angle); // eq. 23
    // Sunset hour angle (eq. 25), clamped for polar day (pi) and polar night (0).
    const double cos_sunset = std::clamp(-std::tan(phi) * std::tan(declination), -1.0, 1.0);
    const double sunset = std::acos(cos_sunset);
    const double radiation = (24.0 * 60.0 / pi) * solar_constant_MJ_m2_min * inverse_distance *
                             (sunset * std::sin(phi) * std::sin(declination) +
                              std::cos(phi) * std::cos(declination) * std::sin(sunset)); // eq. 21
    return std::max(radiation, 0.0);
}

double oudin_pet_mm_day_from_radiation(double air_temperature_c, double radiation_MJ_m2_day) {
    if (air_temperature_c + 5.0 <= 0.0) return 0.0;
    return radiation_MJ_m2_day / units::latent_heat_MJ_per_kg * (air_temperature_c + 5.0) / 100.0;
}

double oudin_pet_mm_day(double air_temperature_c, double latitude_deg, int day_of_year) {
    if (air_temperature_c + 5.0 <= 0.0) return 0.0;
    return oudin_pet_mm_day_from_radiation(
        air_temperature_c, extraterrestrial_radiation_MJ_m2_day(latitude_deg, day_of_year));
}

} // namespace riparia::model
