// The optional `climate` table of a [[subbasin]]: the monthly climatology that drives the
// built-in weather generator (docs/inputs.md, "Climate for the weather generator").
#pragma once

#include "io/toml_table.hpp"
#include "model/climate.hpp"

#include <optional>

namespace riparia::io {

// Reads `climate = { precip_mm = [12], wet_day_fraction = [12], temperature_c = [12] }` from a
// sub-basin table; empty when absent. Throws InputError naming the sub-basin, key and month.
std::optional<model::MonthlyClimate> read_climate(const TomlTable& subbasin);

} // namespace riparia::io
