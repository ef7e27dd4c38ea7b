// riparia delineate: priority-flood, D8, accumulation, snapping, the Ganges LDD, the Rhine D8 and
// the command line.
#include "io/dem_reader.hpp"
#include "io/flow_direction_reader.hpp"
#include "model/dem_fill.hpp"
#include "model/flow_accumulation.hpp"
#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <random>

using namespace riparia;

namespace {

model::Raster<float> small_dem(std::size_t rows, std::size_t cols, std::vector<float> z) {
    return {{rows, cols, 10.0, 0.5, 0.1, -0.1, false}, std::move(z)};
}

// Follows downstream from every land cell; true when each reaches -1 within `cells` steps.
bool all_drain(const model::FlowGrid& f) {
    for (std::size_t c = 0; c < f.grid.cells(); ++c) {
        if (!f.land[c]) continue;
        std::int64_t at = std::int64_t(c);
        std::size_t steps = 0;
        while (at >= 0 && f.land[at] && steps++ <= f.grid.cells())
            at = f.downstream[at];
        if (steps > f.grid.cells()) return false;
    }
    return true;
}

} // namespace

TEST_CASE("delineate: priority-flood fills a pit to its spill level and everything drains") {
    // A 5x5 bowl: rim 10 except a notch of 7 on the east side; the centre pit is 1.
    std::vector<float> z(25, 10.0f);
    for (std::size_t r = 1; r < 4; ++r)
        for (std::size_t c = 1; c < 4; ++c)
            z[r * 5 + c] = 5.0f;
    z[12] = 1.0f;
    z[2 * 5 + 4] = 7.0f;
    const auto dem = small_dem(5, 5, z);
    const auto land = model::land_mask(dem, 0.0f);
    const auto filled = model::priority_flood(dem, land);
    CHECK(filled.filled_m[12] == doctest::Approx(7.0));
    CHECK(filled.filled_m[6] == doctest::Approx(7.0));
    for (std::size_t c = 0; c < 25; ++c)
        CHECK(filled.filled_m[c] >= z[c]);
    const auto flow = model::d8_directions(dem, filled, land);
    CHECK(all_drain(flow));
    const auto order = model::upstream_first(flow);
    REQUIRE(order);
    const auto up = model::accumulate_km2(flow, *order);
    // The interior (9 cells) all leaves through the notch cell (row 2, col 4).
    const auto area = model::row_cell_area_km2(dem.grid);
    CHECK(up[14] >= 9.5 * area[2]);
    // The heap-only variant (the bench's baseline) fills to the same levels.
    CHECK(model::priority_flood_heap_only(dem, land).filled_m == filled.filled_m);
}

TEST_CASE("delineate: random DEMs with sea cells drain everywhere and conserve area") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-20.0f, 100.0f);
    for (int trial = 0; trial < 5; ++trial) {
        std::vector<float> z(40 * 30);
        for (float& v : z)
            v = u(rng);
        auto dem = small_dem(40, 30, z);
        dem.grid.wraps = trial % 2 == 1;
        const auto land = model::land_mask(dem, 0.0f);
        const auto filled = model::priority_flood(dem, land);
        const auto flow = model::d8_directions(dem, filled, land);
        CHECK(all_drain(flow));
        const auto order = model::upstream_first(flow);
        REQUIRE(order);
        const auto up = model::accumulate_km2(flow, *order);
        const auto row_km2 = model::row_cell_area_km2(dem.grid);
        double land_km2 = 0, out_km2 = 0;
        for (std::size_t c = 0; c < z.size(); ++c) {
            if (!land[c]) continue;
            land_km2 += row_km2[c / 30];
            const auto d = flow.downstream[c];
            if (d < 0 || !land[d]) out_km2 += up[c];
        }
        CHECK(out_km2 == doctest::Approx(land_km2).epsilon(1e-12));
    }
}

TEST_CASE("delineate: D8 on a cone drains radially and on a tilted plane downhill") {
    std::vector<float> cone(21 * 21), plane(21 * 21);
    for (int r = 0; r < 21; ++r)
        for (int c = 0; c < 21; ++c) {
            cone[r * 21 + c] = float(1000 - 10 * std::hypot(r - 10, c - 10));
            plane[r * 21 + c] = float(1000 - 5 * c);
        }
    auto dem = small_dem(21, 21, cone);
    auto land = model::land_mask(dem, 0.0f);
    auto flow = model::d8_directions(dem, model::priority_flood(dem, land), land);
    CHECK(flow.downstream[10 * 21 + 15] == 10 * 21 + 16); // east of the peak: drains east
    CHECK(flow.downstream[5 * 21 + 10] == 4 * 21 + 10);   // north of the peak: drains north
    CHECK(flow.downstream[5 * 21 + 5] == 4 * 21 + 4);     // north-west: drains diagonally
    dem.values = plane;
    land = model::land_mask(dem, 0.0f);
    flow = model::d8_directions(dem, model::priority_flood(dem, land), land);
    for (int r = 1; r < 20; ++r)
        CHECK(flow.downstream[r * 21 + 10] == r * 21 + 11);
}

TEST_CASE("delineate: D8 distances are on the sphere (east-west shrinks with latitude)") {
    model::GridGeometry g{3, 3, 0.0, 60.0, 1.0, -1.0, false};
    const auto d = model::row_neighbour_distance_km(g);
    CHECK(d[1 * 8 + 0] == doctest::Approx(111.195 * std::cos(59.0 * M_PI / 180)).epsilon(1e-3));
    CHECK(d[1 * 8 + 2] == doctest::Approx(111.195).epsilon(1e-3));
    CHECK(d[1 * 8 + 1] < std::hypot(d[1 * 8 + 0], d[1 * 8 + 2]) * 1.01);
}

TEST_CASE("delineate: Ganges LDD upstream area matches PCR-GLOBWB's cell areas over the mask") {
    const auto flow = io::read_flow_directions(
        test::shared_data("ganges_30min/ldd_Bangla_30min.map"), io::FlowCoding::pcraster_ldd);
    const auto order = model::upstream_first(flow);
    REQUIRE(order);
    const auto up = model::accumulate_km2(flow, *order);
    const auto outlet = std::max_element(up.begin(), up.end()) - up.begin();
    const auto area = io::read_gdal_raster(test::shared_data("ganges_30min/cellarea30min.map"));
    const auto mask =
        io::read_gdal_raster(test::shared_data("ganges_30min/mask_Ganges_fromLDD_30min_bool.map"));
    REQUIRE(area.grid.cells() == flow.grid.cells());
    double mask_m2 = 0;
    for (std::size_t c = 0; c < mask.values.size(); ++c)
        if (mask.values[c] == 1 && !std::isnan(area.values[c])) mask_m2 += area.values[c];
    MESSAGE("Ganges outlet upstream ", up[outlet], " km2, mask ", mask_m2 * 1e-6, " km2");
    CHECK(up[outlet] == doctest::Approx(mask_m2 * 1e-6).epsilon(0.01));
}

TEST_CASE("delineate: Rhine D8 drains every cell and the main outlet holds the basin") {
    const auto flow = io::read_flow_directions(test::shared_data("rhine_30s/rhine_d8.tif"),
                                               io::FlowCoding::esri_d8);
    CHECK(all_drain(flow));
    const auto order = model::upstream_first(flow);
    REQUIRE(order);
    const auto up = model::accumulate_km2(flow, *order);
    const double biggest = *std::max_element(up.begin(), up.end());
    MESSAGE("Rhine D8 largest upstream area ", biggest, " km2");
    CHECK(biggest > 100000); // the Rhine at Lobith drains about 160,000 km2
    CHECK(biggest < 200000);
}
