#include "tests/random_basin.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace riparia::test {

using namespace riparia::model;

// Deterministic synthetic forcing: P with wet and dry spells, E seasonal or from T (Oudin).
RandomForcing::RandomForcing(std::size_t n, std::uint64_t seed) : pet_given_(n), seed_(seed) {
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < n; ++i)
        pet_given_[i] = rng() % 3 != 0;
}

void RandomForcing::fill(const ForcingBlock& b) {
    for (int d = 0; d < b.days; ++d) {
        const double season =
            std::sin(2 * 3.14159265 * static_cast<double>(b.first_day + d) / 365.25);
        for (std::size_t i = 0; i < pet_given_.size(); ++i) {
            std::mt19937_64 rng(seed_ ^ (static_cast<std::uint64_t>(b.first_day + d) * 7919 + i));
            std::uniform_real_distribution<double> u(0, 1);
            const std::size_t at = static_cast<std::size_t>(d) * b.stride + i;
            b.precip_mm[at] = u(rng) < 0.4 ? -std::log(1 - u(rng)) * 8.0 : 0.0;
            b.temperature_c[at] = 8 + 14 * season + 4 * (u(rng) - 0.5);
            b.pet_mm[at] =
                pet_given_[i] ? std::max(0.0, 2.5 + 2.0 * season + u(rng) - 0.5) : std::nan("");
        }
    }
}

Basin random_tree(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    // Reach losses draw from their own stream, so the other parameters are those of before.
    std::mt19937_64 loss_rng(seed ^ 0x9e3779b97f4a7c15ULL);
    std::uniform_real_distribution<double> u(0, 1);
    Basin basin;
    std::vector<std::string> ids, down;
    for (std::size_t i = 0; i < n; ++i) {
        Subbasin s;
        s.id = std::string("N").append(std::to_string(i));
        s.country = "AAA";
        s.area_km2 = 10 + 5000 * u(rng);
        s.lat_deg = -60 + 120 * u(rng);
        s.gr4j = {100 + 1100 * u(rng), -5 + 8 * u(rng), 20 + 280 * u(rng), 0.5 + 19.5 * u(rng)};
        s.production_fill = u(rng);
        s.routing_fill = u(rng);
        s.routing = {u(rng) < 0.3 ? 0.0 : 10 * u(rng), u(rng) < 0.3 ? 0.0 : 30 * u(rng)};
        const double loss_draw = u(loss_rng);
        s.routing.loss_fraction = loss_draw < 0.5    ? 0.0
                                  : loss_draw < 0.55 ? kMaxLossFraction
                                                     : kMaxLossFraction * u(loss_rng);
        if (u(rng) < 0.25) {
            SnowParams p;
            p.threshold_c = 4 * u(rng) - 2;
            p.melt_factor_mm_per_c_day = 1 + 5 * u(rng);
            p.initial_swe_mm = 50 * u(rng);
            s.snow = p;
        }
        basin.subbasins.push_back(s);
        ids.push_back(s.id);
        // Each node drains to a random earlier node (a random tree), or is an outlet.
        down.push_back(i == 0 || u(rng) < 0.02 ? "" : ids[rng() % i]);
    }
    basin.network = Network(ids, down);
    return basin;
}

} // namespace riparia::test
