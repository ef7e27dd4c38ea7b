// Stream burning: lowering a DEM along a declared river network before depression filling, so
// that D8 follows the rivers a 5' DEM does not resolve (flat deltas, deserts). Pure: no I/O.
//
// The network is a list of straight lon/lat segments (each sub-basin's outlet to its
// downstream sub-basin's outlet), rasterised with Bresenham's line algorithm (Bresenham 1965,
// "Algorithm for computer control of a digital plotter", IBM Systems Journal 4:25-30), whose
// consecutive cells are D8 neighbours. Each land cell on a segment is lowered by a fixed depth
// (Saunders 1999, "Preparation of DEMs for use in environmental modeling analysis", ESRI User
// Conference; Lindsay 2016, "The practice of DEM stream burning and its effects", Hydrological
// Processes 30:846-857) and, walking downstream, never rises: it is at most the previous burnt
// cell minus a mild gradient times the distance, so the trench drains toward the outlet.
#pragma once

#include "model/dem_grid.hpp"

#include <cstdint>
#include <vector>

namespace riparia::model {

struct BurnSettings {
    double depth_m = 300;            // below the DEM along the network
    double gradient_m_per_km = 0.01; // minimum fall along the trench toward the outlet
    // Sea cells on the declared network no deeper than this are the river's delta and channel:
    // ETOPO5 gives Bangladesh's Padma and Meghna -10 m, joined to the Bay of Bengal, and its
    // 5' cells mix channels, tidal flats and land. Deeper cells stay sea.
    double delta_depth_m = 10;
};

struct LonLatSegment {
    double from_lat_deg = 0, from_lon_deg = 0; // upstream end
    double to_lat_deg = 0, to_lon_deg = 0;     // downstream end
};

// The cells of the straight line between the segment's end cells, upstream end first, each a
// D8 neighbour of the previous one (columns take the short way round on a wrapping grid).
// Empty when an end is off the grid.
std::vector<std::int64_t> rasterise_segment(const GridGeometry& grid, const LonLatSegment& s);

// The declared network is land down to its outlets: each sea cell on a segment (land = 0) whose
// elevation is at least -settings.delta_depth_m becomes land, so that a river declared across a
// delta that the DEM has at or below sea level reaches its terminal outlet; a deeper cell stays
// sea (an outlet there is still in the sea). Returns the number of cells given back to the land.
std::size_t land_along_network(const Raster<float>& dem, std::vector<std::uint8_t>& land,
                               const std::vector<LonLatSegment>& segments,
                               const BurnSettings& settings);

// Lowers `dem` along the segments, given upstream first (a segment that starts where another
// ended continues from that cell's burnt level). Only `land` cells are burnt; the walk stops
// at a cell off the land. Returns the number of cells burnt.
std::size_t burn_streams(Raster<float>& dem, const std::vector<std::uint8_t>& land,
                         const std::vector<LonLatSegment>& segments, const BurnSettings& settings);

} // namespace riparia::model
