// `riparia calibrate --update-basin`: rewrites, in the basin file, the one-line `gr4j = { ... }`
// (and, when routing was fitted, `routing = { ... }`) inline tables of the calibrated sub-basins,
// inserting a routing line after the gr4j line where there is none. Every other line, comments
// included, is kept byte for byte; the file is written to a temporary name and renamed.
#pragma once

#include "model/basin.hpp"

#include <string>
#include <vector>

namespace riparia::app {

struct ParameterLines {
    std::size_t subbasin = 0; // index in the basin
    bool routing = false;     // rewrite (or add) the routing line too
};

// Throws io::InputError naming the file and line when a sub-basin's gr4j table is not a
// one-line inline table.
void update_basin_parameters(const std::string& path, const model::Basin& calibrated,
                             const std::vector<ParameterLines>& edits);

} // namespace riparia::app
