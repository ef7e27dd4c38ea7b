// Units of gridded forcing, from the CF `units` attribute to the model's mm/d and degC.
#pragma once

#include <optional>
#include <string>

namespace riparia::io {

enum class ForcingQuantity { precipitation, temperature, pet };

// model value = file value * scale + offset, then divided by the days of the month when the
// file value is a monthly total (mm/month, or "mm" per step on a monthly axis).
struct UnitConversion {
    double scale = 1;
    double offset = 0;
    bool monthly_total = false; // mm/month
    bool per_time_step = false; // "mm": a total over one time step (a day or a month)
};

// Accepted (case and spaces ignored):
//   precipitation, PET: kg m-2 s-1 (= mm/s, x 86400), mm/day, mm/d, mm d-1, mm day-1,
//                       mm (per time step), mm/month, mm/m, mm month-1
//   temperature:        K, degK, deg_K, kelvin (- 273.15); degC, C, °C, Celsius, deg_C
// Empty when not recognised.
std::optional<UnitConversion> parse_forcing_units(ForcingQuantity quantity,
                                                  const std::string& units);
const char* accepted_units(ForcingQuantity quantity);
const char* quantity_name(ForcingQuantity quantity);

} // namespace riparia::io
