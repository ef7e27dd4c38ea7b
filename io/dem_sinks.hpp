// Declared terminal sinks for `riparia delineate --sinks FILE`: the endorheic terminals (lakes,
// pans, depressions) where the water of a closed basin ends, which a depression-filling
// delineation would otherwise spill into the nearest river (docs/delineation.md).
//
//   [[sink]]
//   name = "Lake Chad"
//   lat = 13.0
//   lon = 14.5
//   source = "the terminal lake of the Chari-Logone (Lehner et al. 2008, HydroSHEDS)"
//   snap_radius_cells = 3   # optional: the sink moves to the river within 3 cells (below)
#pragma once

#include "model/basin.hpp"

#include <string>
#include <vector>

namespace riparia::io {

struct DeclaredSink {
    std::string name;
    model::GeoPoint point;
    std::string source; // the citation that makes it a terminal sink
    // 0: the sink is the cell holding the point. N > 0: it moves, like an outlet, to the cell of
    // highest upstream area within N cells of the point on a first pass without it (the river
    // that ends in the lake, which on a coarse DEM may pass beside the lake's point).
    int snap_radius_cells = 0;
};

// The largest `snap_radius_cells` accepted (on a 5' grid about 90 km from the point).
inline constexpr int max_sink_snap_radius_cells = 10;

// Throws InputError naming the file, the sink and the key on a missing or invalid key.
std::vector<DeclaredSink> read_sinks(const std::string& path);

} // namespace riparia::io
