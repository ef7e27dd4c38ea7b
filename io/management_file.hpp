// The management tables of basin.toml: [[reservoir]], [[demand]], [[environmental_flow]],
// [[agreement]]. Each refers to sub-basins by id; every error names the file, line and key.
#pragma once

#include "model/basin.hpp"

#include <string>
#include <toml++/toml.h>

namespace riparia::io {

// Reads and validates the management tables against the already-loaded sub-basin network.
model::Management read_management(const toml::table& root, const std::string& path,
                                  const model::Basin& basin);

} // namespace riparia::io
