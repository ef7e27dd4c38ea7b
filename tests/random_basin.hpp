// Random basins and forcing shared by the water-balance tests.
#pragma once

#include "model/basin.hpp"
#include "model/forcing.hpp"

#include <cstdint>
#include <vector>

namespace riparia::test {

// Deterministic synthetic forcing: P with wet and dry spells, E seasonal or from T (Oudin).
class RandomForcing : public model::ForcingSource {
  public:
    RandomForcing(std::size_t n, std::uint64_t seed);
    bool has_pet(std::size_t i) const override { return pet_given_[i]; }
    bool has_temperature(std::size_t) const override { return true; }
    void fill(const model::ForcingBlock& b) override;

  private:
    std::vector<char> pet_given_;
    std::uint64_t seed_;
};

// A random tree of n sub-basins with random GR4J, routing and snow parameters.
model::Basin random_tree(std::size_t n, std::uint64_t seed);

} // namespace riparia::test
