// The synthetic networks of the scale benchmarks (model/synthetic_network.hpp): valid trees of
// the requested size, Zipf tree sizes, one or two upstream neighbours, a main stem that grows
// like Hack's law, deterministic; and a basin from a hand-made flow grid.
#include "model/dem_grid.hpp"
#include "model/synthetic_network.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace riparia::model;

TEST_CASE("synthetic network: a valid forest of the requested size, Zipf trees, binary-ish") {
    const Basin basin = synthetic_river_basin({20000, 0.1, 5});
    const Network& net = basin.network;
    REQUIRE(basin.subbasins.size() == 20000);
    REQUIRE(net.size() == 20000);
    // Network's constructor rejects cycles and unknown ids; every node is in the order once.
    CHECK(net.topological_order().size() == 20000);
    const NetworkShape shape = network_shape(net);
    CHECK(shape.largest_tree == 2000); // 10 % of the sub-basins
    CHECK(shape.max_upstream == 2);
    // Zipf: 2000, 1000, 666, ... 1: sum_k floor(2000 / k) first reaches 20000 after about
    // exp(20000 / 2000 - 0.577) = 12,300 trees (harmonic numbers), counted here by hand.
    std::size_t trees = 0, placed = 0;
    for (std::size_t k = 1; placed < 20000; ++k, ++trees)
        placed += std::min<std::size_t>(std::max<std::size_t>(2000 / k, 1), 20000 - placed);
    CHECK(shape.trees == trees);
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        const Subbasin& s = basin.subbasins[i];
        CHECK(net.downstream(i) < static_cast<int>(i)); // outlet first, upstream later
        CHECK(gr4j_parameter_problem(s.gr4j).empty());
        CHECK(routing_parameter_problem(s.routing).empty());
        CHECK((s.area_km2 >= 20 && s.area_km2 <= 280));
    }
}

TEST_CASE("synthetic network: the main stem grows like sqrt(n) (Hack's law), deterministic") {
    // Each main-stem node passes on a tributary of E[min(T, r / 2)] = sqrt(2 r) - 1 nodes for
    // P(T > t) = t^-1/2, so from n nodes up it runs about sqrt(2 n) nodes: depth ~ sqrt(n).
    for (const std::size_t n : {10000u, 160000u}) {
        const NetworkShape shape = network_shape(synthetic_river_basin({n, 1.0, 3}).network);
        INFO("n = " << n << ", deepest " << shape.max_depth);
        CHECK(shape.trees == 1);
        const double hack = std::sqrt(2.0 * double(n));
        CHECK(shape.max_depth > 0.5 * hack);
        CHECK(shape.max_depth < 3.0 * hack);
    }
    const Basin a = synthetic_river_basin({5000, 0.2, 9}),
                b = synthetic_river_basin({5000, 0.2, 9});
    const Basin c = synthetic_river_basin({5000, 0.2, 10});
    bool same = true, differ = false;
    for (std::size_t i = 0; i < 5000; ++i) {
        same = same && a.network.downstream(i) == b.network.downstream(i) &&
               a.subbasins[i].gr4j.x1_mm == b.subbasins[i].gr4j.x1_mm;
        differ = differ || a.network.downstream(i) != c.network.downstream(i);
    }
    CHECK(same);
    CHECK(differ);
    CHECK_THROWS_AS(synthetic_river_basin({0, 0.1, 1}), std::invalid_argument);
}

TEST_CASE("synthetic network: a basin from a flow grid, one sub-basin per land cell") {
    // 2 x 3 cells of 1 degree on the equator; land everywhere but (0, 2). Flow: (0,0) -> (0,1) ->
    // (1,1) -> off the land; (1,0) -> (1,1); (1,2) -> off the land.
    FlowGrid flow;
    flow.grid = {2, 3, 10.5, 0.5, 1, -1, false};
    flow.land = {1, 1, 0, 1, 1, 1};
    flow.downstream = {1, 4, -1, 4, -1, -1};
    const Basin basin = basin_from_flow_grid(flow, 1);
    REQUIRE(basin.subbasins.size() == 5);
    const Network& net = basin.network; // sub-basins in row-major order of the land cells
    CHECK(net.downstream(0) == 1);
    CHECK(net.downstream(1) == 3);
    CHECK(net.downstream(2) == 3);
    CHECK(net.downstream(3) == Network::kOutlet);
    CHECK(net.downstream(4) == Network::kOutlet);
    CHECK(net.outlets().size() == 2);
    // A 1 x 1 degree cell from the equator to 1 N: R^2 (pi / 180) sin(1 deg).
    const double expected =
        earth_mean_radius_km * earth_mean_radius_km * M_PI / 180 * std::sin(M_PI / 180);
    CHECK(basin.subbasins[0].area_km2 == doctest::Approx(expected).epsilon(1e-12));
    CHECK(basin.subbasins[2].lat_deg == -0.5); // cell (1, 0)
    CHECK(basin.subbasins[2].lon_deg == 10.5);
}
