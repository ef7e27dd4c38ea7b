// Forcing for the scale benchmarks, made in memory: a few dozen synthetic weather stations, each
// sub-basin reading station (index mod stations), as sub-basins of a gridded product share the
// records of a station network. Precipitation, PET and no temperature (so no snow and no Oudin
// PET); each value is a pure function of (station, day), so any block order gives the same days.
#pragma once

#include "model/forcing.hpp"
#include "model/random.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace riparia::bench {

class StationForcing : public model::ForcingSource {
  public:
    explicit StationForcing(std::size_t count, std::size_t stations = 97)
        : count_(count), stations_(stations), precip_(stations), pet_(stations) {}

    bool has_pet(std::size_t) const override { return true; }
    bool has_temperature(std::size_t) const override { return false; }

    void fill(const model::ForcingBlock& block) override {
        for (int d = 0; d < block.days; ++d) {
            station_day(block.first_day + d);
            double* p = block.precip_mm + static_cast<std::size_t>(d) * block.stride;
            double* e = block.pet_mm + static_cast<std::size_t>(d) * block.stride;
            double* t = block.temperature_c + static_cast<std::size_t>(d) * block.stride;
            for (std::size_t first = 0; first < count_; first += stations_) {
                const std::size_t n = std::min(stations_, count_ - first);
                std::copy_n(precip_.begin(), n, p + first);
                std::copy_n(pet_.begin(), n, e + first);
                std::fill_n(t + first, n, NAN);
            }
        }
    }

  private:
    // Wet on 40 % of days with exponential amounts of mean 6 mm; PET 2.5 +- 2 mm/d over the year.
    void station_day(std::int64_t day) {
        const double season = std::sin(2 * std::numbers::pi * static_cast<double>(day) / 365.25);
        for (std::size_t s = 0; s < stations_; ++s) {
            const std::uint64_t key = model::rng::stream_key(static_cast<std::uint64_t>(day), s);
            const double wet = model::rng::uniform_at(key, 0);
            precip_[s] = wet < 0.4 ? -std::log(model::rng::uniform_at(key, 1)) * 6.0 : 0.0;
            pet_[s] =
                std::max(0.0, 2.5 + 2.0 * season + 0.5 * (model::rng::uniform_at(key, 2) - 0.5));
        }
    }

    std::size_t count_, stations_;
    std::vector<double> precip_, pet_;
};

} // namespace riparia::bench
