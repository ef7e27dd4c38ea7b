// Water balance on random trees of 1 to 1,000 sub-basins with random parameters and forcing, and
// bit-identical results whatever the thread count.
#include "model/calendar.hpp"
#include "model/simulation.hpp"

#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <omp.h>
#include <random>

using namespace riparia::model;

namespace {

// Deterministic synthetic forcing: P with wet and dry spells, E seasonal or from T (Oudin).
class RandomForcing : public ForcingSource {
  public:
    RandomForcing(std::size_t n, std::uint64_t seed) : pet_given_(n), seed_(seed) {
        std::mt19937_64 rng(seed);
        for (std::size_t i = 0; i < n; ++i)
            pet_given_[i] = rng() % 3 != 0;
    }
    bool has_pet(std::size_t i) const override { return pet_given_[i]; }
    bool has_temperature(std::size_t) const override { return true; }
    void fill(const ForcingBlock& b) override {
        for (int d = 0; d < b.days; ++d) {
            const double season =
                std::sin(2 * 3.14159265 * static_cast<double>(b.first_day + d) / 365.25);
            for (std::size_t i = 0; i < pet_given_.size(); ++i) {
                std::mt19937_64 rng(seed_ ^
                                    (static_cast<std::uint64_t>(b.first_day + d) * 7919 + i));
                std::uniform_real_distribution<double> u(0, 1);
                const std::size_t at = static_cast<std::size_t>(d) * b.stride + i;
                b.precip_mm[at] = u(rng) < 0.4 ? -std::log(1 - u(rng)) * 8.0 : 0.0;
                b.temperature_c[at] = 8 + 14 * season + 4 * (u(rng) - 0.5);
                b.pet_mm[at] =
                    pet_given_[i] ? std::max(0.0, 2.5 + 2.0 * season + u(rng) - 0.5) : std::nan("");
            }
        }
    }

  private:
    std::vector<char> pet_given_;
    std::uint64_t seed_;
};

Basin random_tree(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
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

class Capture : public ResultSink {
  public:
    void consume(const DayBlockResults& b) override {
        for (int d = 0; d < b.days; ++d) {
            const std::size_t row = static_cast<std::size_t>(d) * b.stride;
            discharge.insert(discharge.end(), b.discharge_m3s + row,
                             b.discharge_m3s + row + b.count);
            runoff.insert(runoff.end(), b.runoff_mm + row, b.runoff_mm + row + b.count);
        }
    }
    std::vector<double> discharge, runoff;
};

RunSettings settings_for(int years, int warmup_days) {
    RunSettings s;
    s.period.first_day = riparia::calendar::day_number({2000, 1, 1});
    s.period.last_day = s.period.first_day + 365 * years - 1;
    s.period.warmup_first_day = s.period.first_day - warmup_days;
    return s;
}

} // namespace

TEST_CASE("water balance closes to 1e-9 on random trees of 1 to 1000 sub-basins") {
    for (std::size_t n : {1u, 2u, 7u, 50u, 300u, 1000u}) {
        for (std::uint64_t seed = 1; seed <= (n >= 300 ? 1u : 4u); ++seed) {
            const Basin basin = random_tree(n, seed * 1000 + n);
            RandomForcing forcing(n, seed);
            const int years = n >= 300 ? 3 : 10;
            const RunSummary run = simulate(basin, forcing, nullptr, settings_for(years, 200));
            INFO("n = " << n << ", seed = " << seed);
            CHECK(run.balance.subbasins.size() == n);
            CHECK(run.balance.basins.size() == basin.network.outlets().size());
            CHECK(run.balance.worst_relative_residual() <= 1e-9);
            double precip = 0;
            for (const auto& b : run.balance.basins) {
                precip += b.precip_hm3;
                CHECK(b.outflow_hm3 > 0); // water did leave every basin
            }
            CHECK(precip > 0);
        }
    }
}

TEST_CASE("basin outflow equals the sum of routed runoff (independent bookkeeping)") {
    // With no routing delay and no exchange the outlet carries exactly the runoff of its basin.
    Basin basin = random_tree(40, 99);
    for (auto& s : basin.subbasins)
        s.routing = {0.0, 0.0};
    RandomForcing forcing(40, 5);
    Capture capture;
    simulate(basin, forcing, &capture, settings_for(2, 0));
    const std::size_t days = capture.discharge.size() / 40;
    for (std::size_t d = 0; d < days; d += 53) {
        for (int outlet : basin.network.outlets()) {
            double expected = 0;
            for (std::size_t i = 0; i < 40; ++i) {
                if (basin.network.outlet_of(i) == outlet) {
                    expected += capture.runoff[d * 40 + i] * basin.subbasins[i].area_km2 / 86.4;
                }
            }
            CHECK(capture.discharge[d * 40 + outlet] == doctest::Approx(expected).epsilon(1e-12));
        }
    }
}

TEST_CASE("results are bit-identical for 1 and 2 threads") {
    const Basin basin = random_tree(203, 7);
    std::vector<double> first;
    for (int threads : {1, 2}) {
        omp_set_num_threads(threads);
        RandomForcing forcing(203, 3);
        Capture capture;
        const RunSummary run = simulate(basin, forcing, &capture, settings_for(3, 30));
        if (first.empty()) {
            first = capture.discharge;
        } else {
            REQUIRE(first.size() == capture.discharge.size());
            CHECK(std::memcmp(first.data(), capture.discharge.data(),
                              first.size() * sizeof(double)) == 0);
        }
        CHECK(run.state_bytes_per_subbasin <= 1024);
    }
    omp_set_num_threads(omp_get_num_procs());
}

TEST_CASE("a sub-basin's result does not depend on its neighbours in the lane group") {
    Basin one = random_tree(1, 11);
    RandomForcing f1(1, 1), f13(13, 1);
    Capture c1, c13;
    // Same forcing for the copied node: RandomForcing seeds by (day, index), so compare index 0.
    Basin many0 = random_tree(13, 12);
    many0.subbasins[0] = one.subbasins[0];
    many0.subbasins[0].id = "N0";
    std::vector<std::string> ids, down;
    for (std::size_t i = 0; i < 13; ++i) {
        ids.push_back(many0.subbasins[i].id);
        down.push_back(""); // all outlets: no upstream inflow
    }
    many0.network = Network(ids, down);
    simulate(one, f1, &c1, settings_for(2, 0));
    simulate(many0, f13, &c13, settings_for(2, 0));
    const std::size_t days = c1.runoff.size();
    for (std::size_t d = 0; d < days; ++d) {
        REQUIRE(c1.runoff[d] == c13.runoff[d * 13]);
    }
}
