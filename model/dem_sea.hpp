// Which cells of a DEM are the sea: the cells below sea level that are connected to the edge of
// the DEM, not every cell below it. Pure: no I/O.
//
// A flood fill (breadth-first, 8-connected, as D8 moves water) from the below-sea-level and
// missing cells on the DEM's edge (its first and last rows and, for a grid that does not wrap,
// its first and last columns: on ETOPO5 the Arctic Ocean, which joins every ocean). Depressions
// below sea level that are not joined to it (Caspian, Dead Sea, Qattara, Turfan) stay land; the
// priority-flood fills them to their spill level like any pit. Cells at exactly sea level are
// land: ETOPO5 gives 0 m to low plains far inland (Cambodia's up to the Tonle Sap, western
// Bangladesh) while its sea is negative.
#pragma once

#include "model/basin.hpp"
#include "model/dem_grid.hpp"

#include <cstdint>
#include <vector>

namespace riparia::model {

// 1 for the sea: cells below `sea_level_m` or missing (NaN), joined to the DEM's edge.
std::vector<std::uint8_t> sea_mask(const Raster<float>& dem, float sea_level_m);

// Land: finite elevations that are not the sea and not in an inland depression below sea level
// of at least `min_sink_km2` (8-connected cells below `sea_level_m`, e.g. the Caspian,
// Qattara, the Dead Sea): those stay terminal sinks (endorheic: water ends there), smaller
// ones (delta and valley artefacts of a coarse DEM) are land that the priority-flood fills.
std::vector<std::uint8_t> land_outside_sea(const Raster<float>& dem,
                                           const std::vector<std::uint8_t>& sea, float sea_level_m,
                                           double min_sink_km2);

// Declared terminal sinks (endorheic: Lake Chad, Lake Balkhash, the Makgadikgadi pans): the cell
// holding each point leaves the land, so that, like the Caspian, it ends the water that reaches
// it. The priority-flood seeds from the land around it: every cell whose flood path reaches the
// sink before any spill to the sea drains into it (the endorheic basin), instead of the filled
// depression spilling into the nearest river. Points off the grid are skipped. Returns the
// number of land cells turned into sinks.
std::size_t declare_sinks(const GridGeometry& grid, std::vector<std::uint8_t>& land,
                          const std::vector<GeoPoint>& sinks);

// The same for sinks given as cells (model/dem_sink_snap.hpp places them); -1 entries are
// skipped.
std::size_t declare_sink_cells(std::vector<std::uint8_t>& land,
                               const std::vector<std::int64_t>& cells);

} // namespace riparia::model
