// Exact spherical area weights of a rectilinear lon/lat grid over polygons: for each polygon,
// the cells it touches and the area of each cell inside it, on the sphere (not in degrees
// squared). Pure geometry: rings in, sparse weights out; reading polygons and grids is io/'s job.
//
// Why hand-written and not GDAL/GEOS: an OGR Intersection per candidate cell costs
// O(cells x vertices) with an allocation per call; splitting each ring into grid rows and then
// columns in one pass each (Sutherland-Hodgman against strips) costs O(vertices + crossed cells)
// and the area of every piece follows exactly from Green's theorem (bench/bench_area_weights.cpp
// measures both in the same run).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace riparia::model {

// Mean radius of the authalic sphere of GRS80/WGS84 (Moritz 2000, Geodetic Reference System
// 1980, J. Geodesy 74:128-133). Weights are ratios and do not depend on it; areas in m2 do.
inline constexpr double earth_authalic_radius_m = 6371007.181;

struct LonLat {
    double lon_deg = 0;
    double lat_deg = 0;
};

// A closed ring without the repeated closing vertex, in either orientation. Edges are straight
// lines in the lon/lat plane (as GIS software draws EPSG:4326 polygons).
using Ring = std::vector<LonLat>;

struct Polygon {
    Ring exterior;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>; // parts add up; they must not overlap

// Cell edges of a rectilinear grid, both strictly increasing: cell (row, col) spans
// [lat_edges_deg[row], lat_edges_deg[row + 1]] x [lon_edges_deg[col], lon_edges_deg[col + 1]].
// Longitudes may use any convention (-180..180, 0..360, 20..380); the span is at most 360 deg.
struct GridEdges {
    std::vector<double> lon_edges_deg;
    std::vector<double> lat_edges_deg;
    std::size_t columns() const { return lon_edges_deg.empty() ? 0 : lon_edges_deg.size() - 1; }
    std::size_t rows() const { return lat_edges_deg.empty() ? 0 : lat_edges_deg.size() - 1; }
};

// Sparse weights, polygon by polygon: entries first[p] .. first[p + 1] - 1 belong to polygon p.
struct AreaWeights {
    std::size_t columns = 0, rows = 0;
    std::vector<std::size_t> first;  // size polygons + 1
    std::vector<std::uint32_t> cell; // row * columns + col, increasing within a polygon
    std::vector<double> overlap_m2;  // area of the cell inside the polygon
    std::vector<double> weight;      // overlap / covered area: sums to 1 per polygon
    std::vector<double> polygon_m2;  // area of each polygon
    std::vector<double> covered_m2;  // area of each polygon inside the grid
    std::size_t polygons() const { return polygon_m2.size(); }
};

// Signed area (m2) of a ring on the sphere, positive when counter-clockwise in lon/lat.
double ring_area_m2(const Ring& ring);
// Area (m2) of a polygon: exterior minus holes, whatever the orientation of each ring.
double polygon_area_m2(const Polygon& polygon);
// Area (m2) of the lon/lat rectangle: R^2 (lon2 - lon1) (sin lat2 - sin lat1).
double cell_area_m2(double lon1_deg, double lon2_deg, double lat1_deg, double lat2_deg);

AreaWeights compute_area_weights(const GridEdges& grid, const std::vector<MultiPolygon>& polygons);

} // namespace riparia::model
