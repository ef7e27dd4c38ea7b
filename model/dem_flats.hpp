// Drainage across the level flats of a DEM, after depression filling. Pure: no I/O.
//
// Barnes, Lehman & Mulla 2014b, "An efficient assignment of drainage direction over flat
// surfaces in raster digital elevation models", Computers & Geosciences 62:128-135. A flat is a
// connected set of land cells of equal elevation with no lower neighbour; its low edges are the
// cells of that elevation beside it that do drain (to a lower cell, or out of the land). Each flat
// cell gets 2 x (its breadth-first steps to the nearest low edge: "towards lower terrain") + (the
// flat's greatest step count from a higher cell minus its own: "away from higher terrain"), and
// drains to the neighbour of the same flat, or low edge, with the smallest value; the value falls
// by at least 1 a step, so every path ends at a low edge.
//
// Only level areas of the DEM itself are flats here (ETOPO5 stores plains in 100-ft steps): a
// cell the fill raised (a filled depression) keeps draining to the cell that flooded it, towards
// its spill point, and is no low edge. Flats smaller than `min_area_km2` keep the flood's
// direction too: the whole flat drains by the edge the Priority-Flood reached first.
#pragma once

#include "model/dem_fill.hpp"

#include <cstddef>

namespace riparia::model {

// Redirects flow.downstream (d8_directions over `filled`) of the cells of every level flat of at
// least `min_area_km2` that has a low edge; other cells keep their direction. Returns the number
// of cells redirected. Deterministic: ties among equal values go to the first neighbour
// clockwise from east (d8_drow/d8_dcol).
std::size_t drain_flats(const Raster<float>& dem, const FilledDem& filled, FlowGrid& flow,
                        double min_area_km2);

} // namespace riparia::model
