// Level flats drained towards their lower edges and away from higher ground (Barnes, Lehman &
// Mulla 2014b, model/dem_flats.hpp), against counts worked out by hand on a walled flat.
#include "model/dem_fill.hpp"
#include "model/dem_flats.hpp"
#include "model/flow_accumulation.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <random>

using namespace riparia;

namespace {

constexpr std::size_t rows = 7, cols = 11;
constexpr std::int64_t west_outlet = 3 * cols + 0, east_outlet = 3 * cols + 10;

// Walls of 100 m around a level flat of 10 m (rows 1-5, columns 1-9: 45 cells, 0.1 degree at the
// equator, about 124 km2 each) with one 5 m gap in the middle of the west and the east wall.
model::Raster<float> walled_flat() {
    model::Raster<float> dem{{rows, cols, 10.0, 0.3, 0.1, -0.1, false},
                             std::vector<float>(rows * cols, 100.0f)};
    for (std::size_t r = 1; r <= 5; ++r)
        for (std::size_t c = 1; c <= 9; ++c)
            dem.at(r, c) = 10.0f;
    dem.values[west_outlet] = dem.values[east_outlet] = 5.0f;
    return dem;
}

// The outlet gap (west_outlet or east_outlet) each interior cell's path reaches.
std::vector<std::int64_t> gap_reached(const model::FlowGrid& flow) {
    std::vector<std::int64_t> gap(flow.grid.cells(), -1);
    for (std::size_t r = 1; r <= 5; ++r)
        for (std::size_t c = 1; c <= 9; ++c) {
            std::int64_t at = std::int64_t(r * cols + c);
            for (std::size_t steps = 0; steps < flow.grid.cells() && at >= 0; ++steps) {
                if (at == west_outlet || at == east_outlet) break;
                at = flow.downstream[std::size_t(at)];
            }
            gap[r * cols + c] = at;
        }
    return gap;
}

std::size_t count(const std::vector<std::int64_t>& gap, std::int64_t outlet) {
    return std::size_t(std::count(gap.begin(), gap.end(), outlet));
}

} // namespace

TEST_CASE("delineate flats: a level flat between two outlets splits at its middle") {
    const auto dem = walled_flat();
    const auto land = model::land_mask(dem, 0.0f);
    const auto filled = model::priority_flood(dem, land);
    auto flow = model::d8_directions(dem, filled, land);
    // The flood alone: both gaps pop at 5 m (west first, lower index), then (2,1) is the first
    // cell popped at 10 m and floods the 39 cells not yet reached; only (2..4, 9) were reached
    // from the east gap. So 42 cells drain west and 3 east.
    auto gap = gap_reached(flow);
    CHECK(count(gap, west_outlet) == 42);
    CHECK(count(gap, east_outlet) == 3);
    // The flat is the 39 cells without a lower neighbour (about 4,800 km2): a smaller minimum
    // area leaves it to the flood.
    auto unchanged = flow;
    CHECK(model::drain_flats(dem, filled, unchanged, 5000.0) == 0);
    CHECK(unchanged.downstream == flow.downstream);
    CHECK(model::drain_flats(dem, filled, flow, 4000.0) > 0);
    gap = gap_reached(flow);
    // By hand: towards-lower steps are c - 1 west of column 5 and 9 - c east of it (low edges at
    // (2..4, 1) and (2..4, 9)); away-from-higher steps are 1 in rows 1 and 5, 2 in rows 2 and 4,
    // 3 in row 3 (the walls), so the mask 2 x towards + (3 - away) falls by 2 a column towards
    // the nearer gap. Column 5 is 4 steps from both; its cells take the first of the equal
    // neighbours clockwise from east: rows 1-3 east (E, SE, SE), rows 4-5 west (NW before NE).
    for (std::size_t r = 1; r <= 5; ++r)
        for (std::size_t c = 1; c <= 9; ++c) {
            CAPTURE(r);
            CAPTURE(c);
            const bool west = c < 5 || (c == 5 && r >= 4);
            CHECK(gap[r * cols + c] == (west ? west_outlet : east_outlet));
        }
    CHECK(count(gap, west_outlet) == 22);
    CHECK(count(gap, east_outlet) == 23);
}

TEST_CASE("delineate flats: a filled pit in a flat keeps draining to the cell that flooded it") {
    auto dem = walled_flat();
    const std::size_t pit = 3 * cols + 7;
    dem.values[pit] = 2.0f;
    const auto land = model::land_mask(dem, 0.0f);
    const auto filled = model::priority_flood(dem, land);
    REQUIRE(filled.filled_m[pit] == 10.0f);
    auto flow = model::d8_directions(dem, filled, land);
    model::drain_flats(dem, filled, flow, 0.0);
    CHECK(flow.downstream[pit] == filled.flooded_from[pit]);
    for (std::size_t c = 0; c < flow.grid.cells(); ++c)
        CHECK(flow.downstream[c] != std::int32_t(pit)); // a raised cell is no low edge
    const auto gap = gap_reached(flow);
    CHECK(count(gap, west_outlet) + count(gap, east_outlet) == 45);
}

TEST_CASE("delineate flats: stepped random DEMs drain without cycles, along their levels, the "
          "same every time") {
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> step(-1, 4);
    for (int trial = 0; trial < 6; ++trial) {
        model::Raster<float> dem{{50, 40, 10.0, 0.5, 0.1, -0.1, trial % 2 == 1},
                                 std::vector<float>(50 * 40)};
        for (float& z : dem.values) // 30.48 m steps, as ETOPO5 stores plains; -30 m is sea
            z = 30.48f * float(step(rng));
        const auto land = model::land_mask(dem, 0.0f);
        const auto filled = model::priority_flood(dem, land);
        const auto before = model::d8_directions(dem, filled, land);
        auto flow = before, again = before;
        const auto redirected = model::drain_flats(dem, filled, flow, 0.0);
        CHECK(model::drain_flats(dem, filled, again, 0.0) == redirected);
        CHECK(again.downstream == flow.downstream);
        std::size_t changed = 0;
        for (std::size_t c = 0; c < flow.grid.cells(); ++c) {
            if (flow.downstream[c] == before.downstream[c]) continue;
            ++changed;
            // A redirected cell is a level cell the fill did not raise, and drains along its level.
            CHECK(filled.filled_m[c] == dem.values[c]);
            CHECK(filled.filled_m[std::size_t(flow.downstream[c])] == filled.filled_m[c]);
        }
        CHECK(changed == redirected);
        CHECK(redirected > 0);
        const auto order = model::upstream_first(flow);
        REQUIRE(order); // no cycle
        const auto up = model::accumulate_km2(flow, *order);
        const auto row_km2 = model::row_cell_area_km2(dem.grid);
        double land_km2 = 0, out_km2 = 0;
        for (std::size_t c = 0; c < flow.grid.cells(); ++c) {
            if (!land[c]) continue;
            land_km2 += row_km2[c / 40];
            const auto d = flow.downstream[c];
            if (d < 0 || !land[std::size_t(d)]) out_km2 += up[c];
        }
        CHECK(out_km2 == doctest::Approx(land_km2).epsilon(1e-12));
    }
}

TEST_CASE("delineate flats: a negative --flat-min-km2 exits 2 naming the option") {
    const auto r = test::run_riparia(
        {"delineate", "basin.toml", "--flat-min-km2", "-5", "--out", "never-written"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--flat-min-km2") != std::string::npos);
}
