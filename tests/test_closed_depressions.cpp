// Closed lakes (model/closed_depressions.hpp): Fu's curve against its closed forms, and a walled
// pit whose catchment and lake were worked out by hand, closed or open by the balance, the
// aridity limit and the declared network.
#include "model/closed_depressions.hpp"
#include "model/dem_fill.hpp"
#include "model/flow_accumulation.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>

using namespace riparia;

TEST_CASE("closed lakes: Fu's evaporation ratio at its limits and closed forms") {
    CHECK(model::fu_evaporation_ratio(0.0) == 0.0);
    // aridity 1: E/P = 2 - 2^(1/w); w = 2 gives 2 - sqrt(2)
    CHECK(model::fu_evaporation_ratio(1.0, 2.0) == doctest::Approx(2 - std::sqrt(2.0)));
    CHECK(model::fu_evaporation_ratio(1.0) == doctest::Approx(2 - std::pow(2.0, 1 / 2.6)));
    for (const double aridity : {0.1, 0.5, 1.0, 2.0, 5.0, 20.0}) {
        const double r = model::fu_evaporation_ratio(aridity);
        CHECK(r > 0);
        CHECK(r <= std::min(1.0, aridity));
    }
    CHECK(model::fu_evaporation_ratio(50.0) == doctest::Approx(1.0).epsilon(1e-3));
}

namespace {

constexpr std::size_t side = 7;
constexpr std::size_t pit = 3 * side + 3;

// A 7 x 7 grid of 0.1 degree on the equator. The border (0 m) seeds the flood; a wall of 100 m
// has one saddle of 60 m at (3,5). Inside: the pit (3,3) at 10 m, the cell (3,4) at 70 m between
// the pit and the saddle, the seven other inner cells at 80 m. The fill raises only the pit, to
// 70 m: the lake is one cell. Five inner cells drain into it by steepest descent ((2,2), (2,3),
// (3,2), (4,2), (4,3)); (2,4) and (4,4) drain to (3,4), the lake's way out.
model::Raster<float> walled_pit() {
    model::Raster<float> dem{{side, side, 0.0, 0.3, 0.1, -0.1, false},
                             std::vector<float>(side * side, 0.0f)};
    for (std::size_t r = 1; r <= 5; ++r)
        for (std::size_t c = 1; c <= 5; ++c)
            dem.at(r, c) = (r == 1 || r == 5 || c == 1 || c == 5) ? 100.0f : 80.0f;
    dem.at(3, 5) = 60.0f;
    dem.at(3, 4) = 70.0f;
    dem.values[pit] = 10.0f;
    return dem;
}

struct Case {
    model::Raster<float> dem = walled_pit();
    std::vector<std::uint8_t> land = model::land_mask(dem, -1.0f);
    model::FilledDem filled = model::priority_flood(dem, land);
    model::FlowGrid flow = model::d8_directions(dem, filled, land);
    std::vector<std::int32_t> order = *model::upstream_first(flow);
    std::vector<double> km2 = model::row_cell_area_km2(flow.grid);

    // Runoff everywhere, the lake's climate on the pit (net evaporation PET - P).
    model::CellWaterBalance balance(double runoff_mm, double lake_p_mm, double lake_pet_mm) const {
        const std::size_t n = side * side;
        model::CellWaterBalance b{std::vector<double>(n, 500), std::vector<double>(n, 1000),
                                  std::vector<double>(n, runoff_mm)};
        b.precip_mm[pit] = lake_p_mm;
        b.pet_mm[pit] = lake_pet_mm;
        return b;
    }
};

} // namespace

TEST_CASE("closed lakes: a walled pit closes when its lake evaporates its catchment's runoff") {
    const Case k;
    REQUIRE(k.filled.filled_m[pit] == 70.0f);
    // The inflow: 100 mm on the five cells (two in row 2, one in row 3, two in row 4).
    const double inflow_hm3 = 100 * (2 * k.km2[2] + k.km2[3] + 2 * k.km2[4]) * 1e-3;
    const std::vector<std::uint8_t> none;
    // 20 mm of rain on the lake, 620 mm of PET: aridity 0.032, net evaporation 600 mm.
    auto closed =
        model::closed_depressions(k.dem, k.filled, k.flow, k.order, k.balance(100, 20, 620), none);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].pit == std::int64_t(pit));
    CHECK(closed[0].lake_cells == 1);
    CHECK(closed[0].lake_km2 == doctest::Approx(k.km2[3]));
    CHECK(closed[0].inflow_hm3 == doctest::Approx(inflow_hm3));
    CHECK(closed[0].lake_net_evaporation_hm3 == doctest::Approx(600 * k.km2[3] * 1e-3));
    // 400 mm of net evaporation is less than the inflow of five cells at 100 mm: it overflows.
    CHECK(model::closed_depressions(k.dem, k.filled, k.flow, k.order, k.balance(100, 20, 420), none)
              .empty());
    // The same lake with 125 mm of runoff (600 < 5 x 125): open.
    CHECK(model::closed_depressions(k.dem, k.filled, k.flow, k.order, k.balance(125, 20, 620), none)
              .empty());
}

TEST_CASE("closed lakes: the aridity limit and a declared river keep a lake open") {
    const Case k;
    const auto b = k.balance(100, 20, 620); // aridity 20 / 620 = 0.032
    CHECK(model::closed_depressions(k.dem, k.filled, k.flow, k.order, b, {}, 0.04).size() == 1);
    CHECK(model::closed_depressions(k.dem, k.filled, k.flow, k.order, b, {}, 0.03).empty());
    std::vector<std::uint8_t> river(side * side, 0);
    river[pit] = 1;
    CHECK(model::closed_depressions(k.dem, k.filled, k.flow, k.order, b, river).empty());
}

TEST_CASE("closed lakes: a cell's balance from monthly grids") {
    // One 10-degree cell around the equator: 30 mm every month, 25 degC.
    model::MonthlyGrid p, t;
    p.edges = t.edges = {{0.0, 10.0}, {-5.0, 5.0}};
    for (std::size_t m = 0; m < 12; ++m) {
        p.value[m] = {30.0f};
        t.value[m] = {25.0f};
    }
    const model::GridGeometry g{1, 1, 5.0, 0.0, 1.0, -1.0, false};
    const auto b = model::cell_water_balance(g, p, t);
    REQUIRE(b.precip_mm[0] == doctest::Approx(360));
    // Oudin: Re / 2.45 * 0.3 mm/d; at the equator Re is 33.5-38.5 MJ m-2 d-1 over the year.
    CHECK(b.pet_mm[0] > 365 * 33.5 / 2.45 * 0.3);
    CHECK(b.pet_mm[0] < 365 * 38.5 / 2.45 * 0.3);
    const double ratio = model::fu_evaporation_ratio(b.pet_mm[0] / 360);
    CHECK(b.runoff_mm[0] == doctest::Approx(360 * (1 - ratio)));
    // Precipitation missing in one month leaves the cell unknown, whatever its temperature.
    p.value[3] = {std::numeric_limits<float>::quiet_NaN()};
    const auto gap = model::cell_water_balance(g, p, t, 0);
    CHECK(std::isnan(gap.precip_mm[0]));
    CHECK(std::isnan(gap.runoff_mm[0]));
    // A point outside the grid: NaN.
    const model::GridGeometry far{1, 1, 50.0, 40.0, 1.0, -1.0, false};
    CHECK(std::isnan(model::cell_water_balance(far, p, t).runoff_mm[0]));
}
