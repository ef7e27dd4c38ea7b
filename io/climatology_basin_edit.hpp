// Writing derived climatologies back: the one-line TOML form of a sub-basin's `climate` table,
// and a textual rewrite of a basin file that replaces (or inserts) only those lines, keeping
// every other line, comment and blank as it was.
#pragma once

#include "model/climate.hpp"

#include <map>
#include <string>

namespace riparia::io {

// climate = { precip_mm = [...], wet_day_fraction = [...], temperature_c = [...] }
// (0.1 mm, 0.001 and 0.1 degC resolution; the caller rounds so that the values read back equal).
std::string climate_inline_toml(const model::MonthlyClimate& climate);

// Rewrites `basin_path` in place (temporary file, then rename): in each [[subbasin]] whose id is
// a key of `climate_lines`, the `climate = {...}` key-value (which may span lines) becomes the
// given text; a sub-basin without one gets it on a new line after its `gr4j` line. InputError
// naming the file and sub-basin when an id is not in the file or its climate is not an inline
// table (a [subbasin.climate] section cannot be rewritten line by line).
void rewrite_basin_climate(const std::string& basin_path,
                           const std::map<std::string, std::string>& climate_lines);

} // namespace riparia::io
