// riparia delineate: stream burning along a declared network (model/dem_burn.hpp) and the sea
// mask that keeps inland depressions below sea level on land (model/dem_sea.hpp).
#include "model/dem_burn.hpp"
#include "model/dem_fill.hpp"
#include "model/dem_sea.hpp"
#include "model/flow_accumulation.hpp"

#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>

using namespace riparia;

namespace {

// 11 x 11 cells of 0.1 degree: rows from lat 0.5 south, columns from lon 10 east.
model::Raster<float> plane_dem() {
    model::Raster<float> dem{{11, 11, 10.0, 0.5, 0.1, -0.1, false}, std::vector<float>(121)};
    for (std::size_t r = 0; r < 11; ++r)
        for (std::size_t c = 0; c < 11; ++c)
            dem.at(r, c) = float(100 - 5 * double(c)); // tilted: drains east
    return dem;
}

std::int64_t cell(std::size_t r, std::size_t c) {
    return std::int64_t(r * 11 + c);
}

bool reaches(const model::FlowGrid& f, std::int64_t from, std::int64_t to) {
    for (std::size_t steps = 0; from >= 0 && steps <= f.grid.cells(); ++steps) {
        if (from == to) return true;
        from = f.downstream[from];
    }
    return false;
}

// The last land cell on the way down from `from` (where the water leaves the land).
std::int64_t last_land_cell(const model::FlowGrid& f, std::int64_t from) {
    for (std::size_t steps = 0; steps <= f.grid.cells(); ++steps) {
        const auto next = f.downstream[from];
        if (next < 0 || !f.land[next]) return from;
        from = next;
    }
    return -1; // a cycle
}

} // namespace

TEST_CASE("delineate burn: segments rasterise to chains of D8 neighbours, end cells included") {
    const auto g = plane_dem().grid;
    const auto cells = model::rasterise_segment(g, {0.4, 10.1, -0.3, 10.9});
    REQUIRE(cells.size() == 9);
    CHECK(cells.front() == cell(1, 1));
    CHECK(cells.back() == cell(8, 9));
    for (std::size_t i = 1; i < cells.size(); ++i) {
        CHECK(std::abs(cells[i] / 11 - cells[i - 1] / 11) <= 1);
        CHECK(std::abs(cells[i] % 11 - cells[i - 1] % 11) <= 1);
    }
    CHECK(model::rasterise_segment(g, {0.4, 10.1, 5.0, 10.9}).empty()); // off the grid
}

TEST_CASE("delineate burn: the unburnt plane drains east, the burnt one follows the network") {
    auto dem = plane_dem();
    const auto land = model::land_mask(dem, 0.0f);
    const auto unburnt = model::d8_directions(dem, model::priority_flood(dem, land), land);
    CHECK(unburnt.downstream[cell(4, 5)] == cell(4, 6)); // the wrong way for the network
    CHECK_FALSE(reaches(unburnt, cell(1, 5), cell(9, 5)));
    // Declared: an outlet at (1, 5) drains to the terminal outlet at (9, 5), due south.
    const model::LonLatSegment south{0.4, 10.5, -0.4, 10.5};
    const auto burnt_cells = model::burn_streams(dem, land, {south}, {});
    CHECK(burnt_cells == 9);
    for (std::size_t r = 2; r <= 9; ++r)
        CHECK(dem.at(r, 5) < dem.at(r - 1, 5)); // the trench falls toward the outlet
    CHECK(dem.at(1, 5) == doctest::Approx(75.0 - model::BurnSettings{}.depth_m));
    const auto filled = model::priority_flood(dem, land, {cell(9, 5)});
    const auto burnt = model::d8_directions(dem, filled, land);
    for (std::size_t r = 1; r < 9; ++r)
        CHECK(burnt.downstream[cell(r, 5)] == cell(r + 1, 5));
    CHECK(burnt.downstream[cell(9, 5)] == -1); // the terminal outlet: the water leaves there
    CHECK(reaches(burnt, cell(1, 5), cell(9, 5)));
    CHECK(model::upstream_first(burnt).has_value()); // no cycle
}

TEST_CASE("delineate sea: a depression below sea level inland is land, the coast's sea is not") {
    auto dem = plane_dem();
    for (std::size_t r = 0; r < 11; ++r)
        dem.at(r, 10) = -20.0f; // the ocean along the east edge
    dem.at(5, 4) = -30.0f;      // an inland depression below sea level (a Qattara)
    dem.at(5, 5) = -10.0f;
    dem.at(2, 9) = NAN; // missing cell beside the ocean: joins it
    const auto sea = model::sea_mask(dem, 0.0f);
    CHECK(sea[cell(0, 10)]);
    CHECK(sea[cell(7, 10)]);
    CHECK(sea[cell(2, 9)]);
    CHECK_FALSE(sea[cell(5, 4)]);
    CHECK_FALSE(sea[cell(5, 5)]);
    const auto land = model::land_outside_sea(dem, sea, 0.0f, 1e6);
    CHECK_FALSE(model::land_outside_sea(dem, sea, 0.0f, 1.0)[cell(5, 4)]); // a large one: a sink
    CHECK(land[cell(5, 4)]);
    CHECK_FALSE(land[cell(3, 10)]);
    const auto filled = model::priority_flood(dem, land);
    CHECK(filled.filled_m[cell(5, 4)] >= 70.0f); // filled to its spill level (column 6)
    const auto flow = model::d8_directions(dem, filled, land);
    // The depression drains through its spill point to the ocean instead of being a sink.
    CHECK(flow.downstream[cell(5, 4)] >= 0);
    const auto leaves = last_land_cell(flow, cell(5, 4));
    REQUIRE(leaves >= 0);
    CHECK(leaves % 11 == 9); // beside the ocean
    CHECK(flow.downstream[leaves] == -1);
    // The old mask (every cell at or below 0 m is a sink) made it a terminal sink.
    CHECK_FALSE(model::land_mask(dem, 0.0f)[cell(5, 4)]);
}
