// A monthly climatology read whole (io::ClimatologyGrid::read_all) and looked up at a point
// (model/monthly_grid.hpp), against the figures of the data README at its named places (the
// same cells as "climatology: known places of data/README.md").
#include "io/climatology_grid.hpp"
#include "model/monthly_grid.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <numeric>

using namespace riparia;

namespace {

double annual(const std::array<double, 12>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

} // namespace

TEST_CASE("monthly grid: the data README's places from the whole grid") {
    const auto precip =
        io::ClimatologyGrid(test::shared_data("climate/itu_p837-7_monthly_precip_0.5deg.nc"), "",
                            io::ForcingQuantity::precipitation)
            .read_all();
    const auto temperature =
        io::ClimatologyGrid(test::shared_data("climate/ghcn_cams_air.mon.ltm.1991-2020.nc"), "",
                            io::ForcingQuantity::temperature)
            .read_all();
    CHECK(annual(model::monthly_at(precip, 9.75, 36.75, 0)) == doctest::Approx(1739).epsilon(0.01));
    CHECK(annual(model::monthly_at(precip, 15.75, 32.25, 0)) == doctest::Approx(119).epsilon(0.01));
    CHECK(annual(model::monthly_at(precip, 24.75, 89.75, 0)) ==
          doctest::Approx(1956).epsilon(0.01));
    // Longitudes compare modulo 360: ETOPO5's 380E is 20E.
    CHECK(annual(model::monthly_at(precip, 15.75, 32.25 + 360, 0)) ==
          annual(model::monthly_at(precip, 15.75, 32.25, 0)));
    CHECK(std::abs(annual(model::monthly_at(temperature, 15.75, 32.25, 0)) / 12 - 29.3) <= 0.15);
    // GHCN-CAMS is land only: the Red Sea at 20N 38.5E is missing, its nearest land cell within
    // 4 cells is not.
    CHECK(std::isnan(model::monthly_at(temperature, 20.25, 38.75, 0)[0]));
    CHECK(std::isfinite(model::monthly_at(temperature, 20.25, 38.75, 4)[0]));
    // Outside the latitudes of the grid: NaN.
    CHECK(std::isnan(model::monthly_at(precip, 95.0, 10.0, 3)[0]));
}
