#include "io/netcdf_forcing_units.hpp"

#include "model/units.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace riparia::io {

namespace {

// Lowercase, without spaces, '*', '^' and '.' separators: "kg m**-2 s**-1" -> "kgm-2s-1".
std::string normalise(const std::string& units) {
    std::string out;
    for (char c : units) {
        if (c == ' ' || c == '*' || c == '^' || c == '.' || c == '\t') continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool one_of(const std::string& u, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), u) != names.end();
}

std::optional<UnitConversion> water_flux(const std::string& u) {
    UnitConversion c;
    if (one_of(u, {"kgm-2s-1", "kg/m2/s", "kg/m2s", "kgm-2/s", "mm/s", "mms-1"})) {
        c.scale = units::seconds_per_day; // 1 kg m-2 of water = 1 mm
        return c;
    }
    if (one_of(u, {"mm/day", "mm/d", "mmd-1", "mmday-1", "mm/24h"})) return c;
    if (one_of(u, {"mm"})) {
        c.per_time_step = true;
        return c;
    }
    if (one_of(u, {"mm/month", "mm/m", "mmmonth-1", "mm/mon", "mmmon-1"})) {
        c.monthly_total = true;
        return c;
    }
    return std::nullopt;
}

std::optional<UnitConversion> temperature(const std::string& u) {
    UnitConversion c;
    if (one_of(u, {"k", "degk", "deg_k", "kelvin", "degreesk", "degrees_k"})) {
        c.offset = -273.15;
        return c;
    }
    if (one_of(u, {"degc", "c",
                   "\xc2\xb0"
                   "c",
                   "celsius", "deg_c", "degreec", "degreesc", "degrees_c", "degree_c",
                   "degree_celsius", "degrees_celsius"}))
        return c;
    return std::nullopt;
}

} // namespace

std::optional<UnitConversion> parse_forcing_units(ForcingQuantity quantity,
                                                  const std::string& units) {
    const std::string u = normalise(units);
    return quantity == ForcingQuantity::temperature ? temperature(u) : water_flux(u);
}

const char* accepted_units(ForcingQuantity quantity) {
    if (quantity == ForcingQuantity::temperature)
        return "K, degK, kelvin, degC, C, °C, Celsius, deg_C";
    return "kg m-2 s-1, mm/day, mm/d, mm d-1, mm (per time step), mm/month, mm/m";
}

const char* quantity_name(ForcingQuantity quantity) {
    switch (quantity) {
    case ForcingQuantity::precipitation:
        return "precipitation";
    case ForcingQuantity::temperature:
        return "temperature";
    case ForcingQuantity::pet:
        return "pet";
    }
    return "";
}

} // namespace riparia::io
