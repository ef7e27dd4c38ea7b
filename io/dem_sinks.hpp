// Declared terminal sinks for `riparia delineate --sinks FILE`: the endorheic terminals (lakes,
// pans, depressions) where the water of a closed basin ends, which a depression-filling
// delineation would otherwise spill into the nearest river (docs/delineation.md).
//
//   [[sink]]
//   name = "Lake Chad"
//   lat = 13.0
//   lon = 14.5
//   source = "the terminal lake of the Chari-Logone (Lehner et al. 2008, HydroSHEDS)"
#pragma once

#include "model/basin.hpp"

#include <string>
#include <vector>

namespace riparia::io {

struct DeclaredSink {
    std::string name;
    model::GeoPoint point;
    std::string source; // the citation that makes it a terminal sink
};

// Throws InputError naming the file, the sink and the key on a missing or invalid key.
std::vector<DeclaredSink> read_sinks(const std::string& path);

} // namespace riparia::io
