// A forcing source that reads its source once and replays it: calibration simulates the same
// period hundreds of times, and forcing (CSV parsing, NetCDF reads, the weather generator) would
// otherwise dominate each evaluation. Blocks are keyed by (first day, days, stride); a block
// asked for again is copied from memory, bit-identical to the first read.
#pragma once

#include "model/forcing.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

namespace riparia::app {

class ReplayedForcing : public model::ForcingSource {
  public:
    explicit ReplayedForcing(std::unique_ptr<model::ForcingSource> source)
        : source_(std::move(source)) {}

    bool has_pet(std::size_t subbasin) const override { return source_->has_pet(subbasin); }
    bool has_temperature(std::size_t subbasin) const override {
        return source_->has_temperature(subbasin);
    }
    void fill(const model::ForcingBlock& block) override;

  private:
    struct Stored {
        std::vector<double> precip_mm, pet_mm, temperature_c;
    };
    std::unique_ptr<model::ForcingSource> source_;
    std::map<std::tuple<std::int64_t, int, std::size_t>, Stored> blocks_;
};

} // namespace riparia::app
