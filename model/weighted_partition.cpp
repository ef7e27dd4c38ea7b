#include "model/weighted_partition.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace riparia::model {

namespace {

struct UnitVector {
    double x, y, z;
};

UnitVector unit_vector(double lat_deg, double lon_deg) {
    const double lat = lat_deg * std::numbers::pi / 180, lon = lon_deg * std::numbers::pi / 180;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

// Central angle (radians) between two unit vectors: atan2(|a x b|, a . b), accurate at every
// distance (Vincenty's form for the sphere).
double central_angle(const UnitVector& a, const UnitVector& b) {
    const double cx = a.y * b.z - a.z * b.y, cy = a.z * b.x - a.x * b.z, cz = a.x * b.y - a.y * b.x;
    return std::atan2(std::sqrt(cx * cx + cy * cy + cz * cz), a.x * b.x + a.y * b.y + a.z * b.z);
}

// angle[cell * sites + site]
std::vector<double> angles(const std::vector<PartitionCell>& cells,
                           const std::vector<PartitionSite>& sites) {
    std::vector<UnitVector> at;
    for (const auto& s : sites)
        at.push_back(unit_vector(s.lat_deg, s.lon_deg));
    std::vector<double> out(cells.size() * sites.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const UnitVector v = unit_vector(cells[c].lat_deg, cells[c].lon_deg);
        for (std::size_t s = 0; s < sites.size(); ++s)
            out[c * sites.size() + s] = central_angle(v, at[s]);
    }
    return out;
}

// Labels every cell with its site of least angle / weight; returns the sites' areas.
std::vector<double> assign(const std::vector<PartitionCell>& cells,
                           const std::vector<double>& angle, const std::vector<double>& weight,
                           std::vector<std::int32_t>& label) {
    const std::size_t n = weight.size();
    std::vector<double> area(n, 0.0);
    for (std::size_t c = 0; c < cells.size(); ++c) {
        std::size_t best = 0;
        for (std::size_t s = 1; s < n; ++s)
            if (angle[c * n + s] * weight[best] < angle[c * n + best] * weight[s]) best = s;
        label[c] = static_cast<std::int32_t>(best);
        area[best] += cells[c].area_km2;
    }
    return area;
}

double worst_error(const std::vector<double>& area, const std::vector<double>& target) {
    double worst = 0;
    for (std::size_t s = 0; s < area.size(); ++s)
        worst = std::max(worst, std::abs(area[s] / target[s] - 1));
    return worst;
}

} // namespace

WeightedPartition weighted_partition(const std::vector<PartitionCell>& cells,
                                     const std::vector<PartitionSite>& sites,
                                     const PartitionOptions& options) {
    if (sites.empty()) throw std::invalid_argument("weighted_partition: no sites");
    double cells_km2 = 0, targets_km2 = 0;
    for (const auto& c : cells)
        cells_km2 += c.area_km2;
    for (const auto& s : sites) {
        if (!(s.target_km2 > 0))
            throw std::invalid_argument("weighted_partition: a target area is not positive");
        targets_km2 += s.target_km2;
    }
    WeightedPartition best;
    for (const auto& s : sites)
        best.target_km2.push_back(s.target_km2 * cells_km2 / targets_km2);
    best.worst_relative_error = INFINITY;
    const std::vector<double> angle = angles(cells, sites);
    std::vector<double> weight(sites.size(), 1.0);
    std::vector<double> exponent(sites.size(), 0.5), last_error(sites.size(), 0.0);
    std::vector<std::int32_t> label(cells.size(), 0);
    for (int k = 1; k <= std::max(1, options.max_iterations); ++k) {
        const std::vector<double> area = assign(cells, angle, weight, label);
        const double worst = worst_error(area, best.target_km2);
        if (worst < best.worst_relative_error) {
            best.site = label, best.weight = weight, best.area_km2 = area;
            best.worst_relative_error = worst, best.iterations = k;
        }
        if (worst < options.tolerance) break;
        // A region's area grows about as its weight squared (distances scale with the weight):
        // w *= (target / area)^(1/2), the exponent halved each time the error changes sign (a
        // far centre's area is far more sensitive); an empty region doubles its weight.
        for (std::size_t s = 0; s < sites.size(); ++s) {
            const double error = area[s] / best.target_km2[s] - 1;
            if (error * last_error[s] < 0) exponent[s] *= 0.5;
            last_error[s] = error;
            weight[s] *= area[s] > 0 ? std::pow(best.target_km2[s] / area[s], exponent[s]) : 2.0;
        }
        const double largest = *std::max_element(weight.begin(), weight.end());
        for (double& w : weight)
            w /= largest;
    }
    return best;
}

} // namespace riparia::model
