#include "model/dem_grid.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riparia::model {

namespace {

constexpr double radians = std::numbers::pi / 180.0;

double clamp_lat(double lat_deg) {
    return std::clamp(lat_deg, -90.0, 90.0);
}

} // namespace

std::int64_t neighbour(const GridGeometry& grid, std::size_t cell, int k) {
    const auto row = std::int64_t(cell / grid.cols) + d8_drow[k];
    auto col = std::int64_t(cell % grid.cols) + d8_dcol[k];
    const auto cols = std::int64_t(grid.cols);
    if (row < 0 || row >= std::int64_t(grid.rows)) return -1;
    if (col < 0 || col >= cols) {
        if (!grid.wraps) return -1;
        col = (col + cols) % cols;
    }
    return row * cols + col;
}

std::vector<double> row_cell_area_km2(const GridGeometry& grid) {
    std::vector<double> area(grid.rows);
    const double half = 0.5 * std::abs(grid.dlat_deg);
    const double r2 = earth_mean_radius_km * earth_mean_radius_km;
    for (std::size_t row = 0; row < grid.rows; ++row) {
        const double lat = grid.lat_deg(row);
        const double top = clamp_lat(lat + half), bottom = clamp_lat(lat - half);
        area[row] = r2 * std::abs(grid.dlon_deg) * radians *
                    (std::sin(top * radians) - std::sin(bottom * radians));
    }
    return area;
}

double great_circle_km(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
    const double dlat = (lat2_deg - lat1_deg) * radians, dlon = (lon2_deg - lon1_deg) * radians;
    const double h = std::pow(std::sin(dlat / 2), 2) + std::cos(lat1_deg * radians) *
                                                           std::cos(lat2_deg * radians) *
                                                           std::pow(std::sin(dlon / 2), 2);
    return 2 * earth_mean_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<double> row_neighbour_distance_km(const GridGeometry& grid) {
    std::vector<double> distance(grid.rows * 8);
    for (std::size_t row = 0; row < grid.rows; ++row) {
        const double lat = grid.lat_deg(row);
        for (int k = 0; k < 8; ++k) {
            const double lat2 = clamp_lat(lat + d8_drow[k] * grid.dlat_deg);
            distance[row * 8 + k] = great_circle_km(lat, 0, lat2, d8_dcol[k] * grid.dlon_deg);
        }
    }
    return distance;
}

std::int64_t cell_at(const GridGeometry& grid, double lat_deg, double lon_deg) {
    const double row = std::round((lat_deg - grid.lat0_deg) / grid.dlat_deg);
    double offset = std::fmod(lon_deg - grid.lon0_deg, 360.0);
    if (offset < -0.5 * std::abs(grid.dlon_deg)) offset += 360.0;
    double col = std::round(offset / grid.dlon_deg);
    if (grid.wraps) col = std::fmod(col + double(grid.cols), double(grid.cols));
    if (row < 0 || row >= double(grid.rows) || col < 0 || col >= double(grid.cols)) return -1;
    return std::int64_t(row) * std::int64_t(grid.cols) + std::int64_t(col);
}

} // namespace riparia::model
