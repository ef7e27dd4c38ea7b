// A sub-basin's monthly climatology: what the built-in weather generator reproduces.
#pragma once

#include <array>

namespace riparia::model {

struct MonthlyClimate {
    std::array<double, 12> precip_mm{};        // mean monthly total, mm/month, January first
    std::array<double, 12> wet_day_fraction{}; // long-run share of days with precipitation
    std::array<double, 12> temperature_c{};    // monthly mean air temperature, degC
};

} // namespace riparia::model
