// Water balance on random trees of 1 to 1,000 sub-basins with random parameters and forcing, and
// bit-identical results whatever the thread count.
#include "model/calendar.hpp"
#include "model/simulation.hpp"
#include "tests/random_basin.hpp"

#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <omp.h>
#include <random>

using namespace riparia::model;
using riparia::test::random_tree;
using riparia::test::RandomForcing;

namespace {

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
    double reach_loss_hm3 = 0; // random_tree draws loss fractions: losses are in the balance
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
                CHECK(b.reach_loss_hm3 >= 0);
                reach_loss_hm3 += b.reach_loss_hm3;
            }
            CHECK(precip > 0);
        }
    }
    CHECK(reach_loss_hm3 > 0);
}

TEST_CASE("a reach loss lowers the outflow by exactly the volume it reports") {
    // Without lag or attenuation the channels store nothing and the land does not see the
    // channels: the lossless outflow minus the lossy one is the loss, to rounding.
    Basin lossless = random_tree(60, 77);
    for (auto& s : lossless.subbasins)
        s.routing = {0.0, 0.0, 0.0};
    Basin lossy = lossless;
    for (std::size_t i = 0; i < lossy.subbasins.size(); ++i)
        lossy.subbasins[i].routing.loss_fraction = i % 3 == 0 ? 0.0 : (i % 2 == 0 ? 0.1 : 0.9);
    RandomForcing f0(60, 8), f1(60, 8);
    const RunSummary base = simulate(lossless, f0, nullptr, settings_for(2, 30));
    const RunSummary run = simulate(lossy, f1, nullptr, settings_for(2, 30));
    REQUIRE(base.balance.basins.size() == run.balance.basins.size());
    double lost = 0;
    for (std::size_t k = 0; k < run.balance.basins.size(); ++k) {
        const BasinBalance& a = base.balance.basins[k];
        const BasinBalance& b = run.balance.basins[k];
        CHECK(a.reach_loss_hm3 == 0);
        CHECK(a.outflow_hm3 - b.outflow_hm3 ==
              doctest::Approx(b.reach_loss_hm3).epsilon(1e-9).scale(a.outflow_hm3));
        lost += b.reach_loss_hm3;
    }
    CHECK(lost > 0);
    CHECK(run.balance.worst_relative_residual() <= 1e-9);
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

// A forest of `trees` random trees: the basins of a continental grid, routed in parallel.
Basin random_forest(std::size_t trees, std::size_t nodes_per_tree) {
    Basin forest;
    std::vector<std::string> ids, downstream;
    for (std::size_t t = 0; t < trees; ++t) {
        const Basin tree = random_tree(nodes_per_tree, 100 + t);
        for (std::size_t i = 0; i < tree.subbasins.size(); ++i) {
            Subbasin s = tree.subbasins[i];
            s.id = "t" + std::to_string(t) + "_" + s.id;
            const int down = tree.network.downstream(i);
            downstream.push_back(
                down < 0 ? "" : "t" + std::to_string(t) + "_" + tree.subbasins[down].id);
            ids.push_back(s.id);
            forest.subbasins.push_back(std::move(s));
        }
    }
    forest.network = Network(ids, downstream);
    return forest;
}

TEST_CASE("independent trees routed on 2 threads give the bits of 1 thread, and close") {
    const Basin forest = random_forest(60, 7); // 420 sub-basins: the trees route in parallel
    REQUIRE(forest.network.outlets().size() >= 60);
    std::vector<double> first;
    for (int threads : {1, 2}) {
        omp_set_num_threads(threads);
        RandomForcing forcing(forest.subbasins.size(), 5);
        Capture capture;
        const RunSummary run = simulate(forest, forcing, &capture, settings_for(2, 10));
        CHECK(run.balance.worst_relative_residual() < 1e-9);
        if (first.empty()) {
            first = capture.discharge;
        } else {
            REQUIRE(first.size() == capture.discharge.size());
            CHECK(std::memcmp(first.data(), capture.discharge.data(),
                              first.size() * sizeof(double)) == 0);
        }
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
