// Synthetic basins for scale benchmarks and tests: river networks of any size built in memory,
// with plausible random sub-basin parameters. Pure: no I/O.
#pragma once

#include "model/basin.hpp"
#include "model/dem_fill.hpp"

#include <cstddef>
#include <cstdint>

namespace riparia::model {

// A continent of independent river trees. Tree sizes follow Zipf's law (the k-th largest holds
// 1/k of the largest, which holds `largest_tree_share` of the sub-basins), as drainage areas of
// the world's basins roughly do. Within a tree every sub-basin has one or two upstream
// neighbours: walking up from the outlet, each node passes on a main stem and, unless the
// upstream part is a single node, a tributary of t nodes with P(T > t) = t^-1/2 (capped at half
// of what is left), the exceedance law of drainage areas in real networks (Rodriguez-Iturbe &
// Rinaldo 1997, "Fractal River Basins", exponent about 0.43-0.45). The main stem of a tree of n
// nodes is then about sqrt(n) long: Hack's law L ~ A^0.5-0.6 (Hack 1957, USGS Prof. Paper 294-B).
// Sub-basins are numbered outlet first (depth-first); the same seed gives the same basin.
struct SyntheticTreeSettings {
    std::size_t subbasins = 1000;
    double largest_tree_share = 0.1;
    std::uint64_t seed = 1;
};
Basin synthetic_river_basin(const SyntheticTreeSettings& settings);

// A basin with one sub-basin per land cell of a flow grid, draining where the grid says (cells
// draining off the land are outlets), each with its cell's spherical area and centre.
Basin basin_from_flow_grid(const FlowGrid& flow, std::uint64_t seed);

// The shape of a network: independent trees, and how many reaches separate a sub-basin from its
// outlet (0 at the outlet), deepest and on average.
struct NetworkShape {
    std::size_t trees = 0;
    std::size_t largest_tree = 0;
    int max_depth = 0;
    double mean_depth = 0;
    int max_upstream = 0; // most upstream neighbours of one sub-basin
};
NetworkShape network_shape(const Network& network);

} // namespace riparia::model
