// riparia delineate: stream burning along a declared network (model/dem_burn.hpp) and the sea
// mask that keeps inland depressions below sea level on land (model/dem_sea.hpp).
#include "io/dem_sinks.hpp"
#include "io/input_error.hpp"
#include "model/dem_burn.hpp"
#include "model/dem_fill.hpp"
#include "model/dem_sea.hpp"
#include "model/flow_accumulation.hpp"
#include "support.hpp"

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

TEST_CASE("delineate sinks: a declared endorheic sink keeps its closed depression off the river") {
    // The plane drains east to an ocean column; a walled bowl (rows 3-7, columns 1-5) lies west:
    // a rim at 120 m, a 3x3 floor at 50 m, its centre (5, 3) at 40 m.
    auto dem = plane_dem();
    for (std::size_t r = 0; r < 11; ++r)
        dem.at(r, 10) = -20.0f;
    for (std::size_t r = 3; r <= 7; ++r)
        for (std::size_t c = 1; c <= 5; ++c)
            dem.at(r, c) = (r == 3 || r == 7 || c == 1 || c == 5) ? 120.0f : 50.0f;
    dem.at(5, 3) = 40.0f;
    const auto sea = model::sea_mask(dem, 0.0f);
    auto land = model::land_outside_sea(dem, sea, 0.0f, 500);
    const auto row_km2 = model::row_cell_area_km2(dem.grid);
    double floor_km2 = 0; // the 3x3 floor, the sink cell included
    for (std::size_t r = 4; r <= 6; ++r)
        floor_km2 += 3 * row_km2[r];
    // Filled, the bowl spills over its rim and its floor reaches the ocean with the plane.
    auto flow = model::d8_directions(dem, model::priority_flood(dem, land), land);
    CHECK(last_land_cell(flow, cell(5, 3)) % 11 == 9);
    // Declared a sink at its centre, the centre leaves the land and the whole floor ends there:
    // its water leaves the land beside the sink.
    CHECK(model::declare_sinks(dem.grid, land, {{0.0, 10.3}}) == 1);
    CHECK_FALSE(land[cell(5, 3)]);
    flow = model::d8_directions(dem, model::priority_flood(dem, land), land);
    const auto beside_sink = [](std::int64_t c) {
        return std::abs(c / 11 - 5) <= 1 && std::abs(c % 11 - 3) <= 1;
    };
    for (std::size_t r = 4; r <= 6; ++r)
        for (std::size_t c = 2; c <= 4; ++c)
            if (cell(r, c) != cell(5, 3)) CHECK(beside_sink(last_land_cell(flow, cell(r, c))));
    // Area: what reaches the ocean is the land minus the sink's catchment, which holds the floor.
    const auto order = model::upstream_first(flow);
    REQUIRE(order);
    const auto up = model::accumulate_km2(flow, *order);
    double land_km2 = 0, ocean_km2 = 0, sink_km2 = 0;
    for (std::size_t c = 0; c < up.size(); ++c) {
        if (!land[c]) continue;
        land_km2 += row_km2[c / 11];
        if (flow.downstream[c] >= 0 && land[flow.downstream[c]]) continue;
        (beside_sink(std::int64_t(c)) ? sink_km2 : ocean_km2) += up[c];
    }
    CHECK(sink_km2 >= floor_km2 - row_km2[5] - 1e-9); // the floor but the sink cell itself
    CHECK(sink_km2 < land_km2 / 2);                   // and not the plane beyond the rim
    CHECK(ocean_km2 + sink_km2 == doctest::Approx(land_km2).epsilon(1e-12));
    CHECK(model::declare_sinks(dem.grid, land, {{40.0, 10.3}}) == 0); // off the grid: skipped
}

TEST_CASE("delineate delta: the declared chain is land across a delta at or below 0 m") {
    // A valley draining east then to row 5: z = 100 - 5 col + 10 |row - 5|; the ocean in column
    // 10 at -20 m; a delta joined to it through a coastal ridge (columns 6-9): row 5 at -5 m (as
    // ETOPO5 has the Padma and the Meghna at -10 m) and a cell at exactly 0 m beside it.
    auto dem = plane_dem();
    for (std::size_t r = 0; r < 11; ++r)
        for (std::size_t c = 0; c < 11; ++c)
            dem.at(r, c) = float(100 - 5 * double(c) + 10 * std::abs(double(r) - 5));
    for (std::size_t r = 0; r < 11; ++r)
        dem.at(r, 10) = -20.0f;
    for (std::size_t r = 0; r < 11; ++r) // a coastal ridge but for the delta
        for (std::size_t c = 6; c <= 9; ++c)
            dem.at(r, c) = r == 5 ? -5.0f : 200.0f;
    dem.at(4, 6) = 0.0f;
    dem.at(0, 9) = -50.0f; // deep water joined to the ocean
    const auto sea = model::sea_mask(dem, 0.0f);
    auto land = model::land_outside_sea(dem, sea, 0.0f, 500);
    CHECK_FALSE(land[cell(5, 6)]); // the delta is sea ...
    CHECK(land[cell(4, 6)]);       // ... but cells at exactly 0 m are land
    // Declared: an outlet at (5, 1) drains to the terminal outlet at (5, 6), on the delta.
    const std::vector<model::LonLatSegment> chain{{0.0, 10.1, 0.0, 10.6}};
    const model::BurnSettings settings;
    CHECK(model::land_along_network(dem, land, chain, settings) == 1);
    CHECK(land[cell(5, 6)]);
    // A chain into deep water leaves it sea: an outlet there is still in the sea.
    CHECK(model::land_along_network(dem, land, {{0.4, 10.9, 0.5, 10.9}}, settings) == 0);
    CHECK_FALSE(land[cell(0, 9)]);
    model::burn_streams(dem, land, chain, settings);
    const auto flow =
        model::d8_directions(dem, model::priority_flood(dem, land, {cell(5, 6)}), land);
    const auto order = model::upstream_first(flow);
    REQUIRE(order);
    const auto up = model::accumulate_km2(flow, *order);
    CHECK(flow.downstream[cell(5, 6)] == -1);
    // Every cell of columns 0-5 drains to the terminal outlet: its full upstream area.
    const auto row_km2 = model::row_cell_area_km2(dem.grid);
    double west_km2 = 0;
    for (std::size_t r = 0; r < 11; ++r)
        for (std::size_t c = 0; c <= 5; ++c) {
            west_km2 += row_km2[r];
            CHECK(reaches(flow, cell(r, c), cell(5, 6)));
        }
    CHECK(up[cell(5, 6)] >= west_km2 + row_km2[5] - 1e-9);
}

TEST_CASE("delineate sinks: the sinks file is read and bad entries name the file and key") {
    test::ScratchDir dir("delineate-sinks");
    test::write_file(dir / "sinks.toml", "[[sink]]\nname = \"Lake Chad\"\nlat = 13.3\nlon = 14.1\n"
                                         "source = \"Lemoalle et al. 2012\"\n");
    const auto sinks = io::read_sinks(dir / "sinks.toml");
    REQUIRE(sinks.size() == 1);
    CHECK(sinks[0].name == "Lake Chad");
    CHECK(sinks[0].point.lat_deg == 13.3);
    CHECK(sinks[0].point.lon_deg == 14.1);
    test::write_file(dir / "bad.toml", "[[sink]]\nname = \"X\"\nlat = 95.0\nlon = 14.1\n"
                                       "source = \"s\"\n");
    try {
        io::read_sinks(dir / "bad.toml");
        FAIL("expected an InputError");
    } catch (const io::InputError& e) {
        const std::string m = e.what();
        CHECK(m.find("bad.toml") != std::string::npos);
        CHECK(m.find("'lat'") != std::string::npos);
        CHECK(m.find("95") != std::string::npos);
    }
    test::write_file(dir / "nosource.toml", "[[sink]]\nname = \"X\"\nlat = 1.0\nlon = 2.0\n");
    CHECK_THROWS_AS(io::read_sinks(dir / "nosource.toml"), io::InputError);
    CHECK_THROWS_AS(io::read_sinks(dir / "missing.toml"), io::InputError);
}
