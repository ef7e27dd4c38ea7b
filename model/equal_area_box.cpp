#include "model/equal_area_box.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riparia::model {

Polygon equal_area_box(double lat_deg, double lon_deg, double area_km2) {
    constexpr double deg = std::numbers::pi / 180;
    const double radius_km = earth_authalic_radius_m / 1000;
    const double side_km = std::sqrt(area_km2);
    const double half_lat_deg = 0.5 * side_km / radius_km / deg;
    const double lat1 = std::max(-90.0, lat_deg - half_lat_deg);
    const double lat2 = std::min(90.0, lat_deg + half_lat_deg);
    const double band = std::sin(lat2 * deg) - std::sin(lat1 * deg);
    const double dlon_deg = std::min(360.0, area_km2 / (radius_km * radius_km * band) / deg);
    const double lon1 = lon_deg - 0.5 * dlon_deg, lon2 = lon_deg + 0.5 * dlon_deg;
    Polygon box;
    box.exterior = {{lon1, lat1}, {lon2, lat1}, {lon2, lat2}, {lon1, lat2}};
    return box;
}

} // namespace riparia::model
