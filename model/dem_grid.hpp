// A regular lon/lat raster (a DEM, a flow-direction grid or a label grid) and its geometry on
// the sphere: cell areas and the distances between neighbouring cell centres. Pure: no I/O.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace riparia::model {

// Mean Earth radius R1 = (2a + b) / 3 of GRS80/WGS84 (Moritz 2000, "Geodetic Reference System
// 1980", J. Geodesy 74:128-133): the radius of the delineation's cell areas and distances.
inline constexpr double earth_mean_radius_km = 6371.0088;

// Cell (row, col) is centred on (lat0_deg + row * dlat_deg, lon0_deg + col * dlon_deg);
// dlat_deg may be negative (rows run north to south, as GIS rasters do). When `wraps` the
// columns cover 360 degrees and column cols - 1 neighbours column 0 (a global grid).
struct GridGeometry {
    std::size_t rows = 0, cols = 0;
    double lon0_deg = 0, lat0_deg = 0;
    double dlon_deg = 1, dlat_deg = -1;
    bool wraps = false;
    std::size_t cells() const { return rows * cols; }
    double lat_deg(std::size_t row) const { return lat0_deg + double(row) * dlat_deg; }
    double lon_deg(std::size_t col) const { return lon0_deg + double(col) * dlon_deg; }
};

template <class T> struct Raster {
    GridGeometry grid;
    std::vector<T> values; // row-major, grid.cells() values
    T& at(std::size_t row, std::size_t col) { return values[row * grid.cols + col]; }
    const T& at(std::size_t row, std::size_t col) const { return values[row * grid.cols + col]; }
};

// The eight D8 neighbours as (row offset, column offset), clockwise from east in row space.
inline constexpr std::array<int, 8> d8_drow = {0, 1, 1, 1, 0, -1, -1, -1};
inline constexpr std::array<int, 8> d8_dcol = {1, 1, 0, -1, -1, -1, 0, 1};

// Index of neighbour k of cell `cell`, or -1 when it falls off the grid (columns wrap when
// the grid wraps; rows never do).
std::int64_t neighbour(const GridGeometry& grid, std::size_t cell, int k);

// Area (km2) of each row's cells on the sphere: R^2 dlon (sin lat_top - sin lat_bottom), with the
// cell edges midway between centres, clamped to +-90 degrees.
std::vector<double> row_cell_area_km2(const GridGeometry& grid);

// Great-circle distance (km, haversine) from a cell centre in each row to its 8 neighbours:
// distance_km[row * 8 + k]. Diagonal and east-west distances shrink with cos(latitude).
std::vector<double> row_neighbour_distance_km(const GridGeometry& grid);

// Great-circle distance (km) between two points (haversine; Sinnott 1984, Sky & Telescope 68:159).
double great_circle_km(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

// The grid's cell that holds (lat, lon), or -1 outside; longitudes are compared modulo 360.
std::int64_t cell_at(const GridGeometry& grid, double lat_deg, double lon_deg);

} // namespace riparia::model
