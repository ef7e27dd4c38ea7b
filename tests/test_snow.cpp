// Degree-day snow against a melt case computed by hand.
#include "model/snow.hpp"

#include <doctest/doctest.h>

using namespace riparia::model;

TEST_CASE("degree-day snow: accumulation, mixed band and melt by hand") {
    SnowParams p; // threshold 0, band 2 degC wide, melt above 0 at 3 mm/degC/day
    double swe = 0;
    // Day 1: 10 mm at -2 degC, below the band (all snow below -1): pack 10, nothing reaches GR4J.
    SnowDay d = snow_step(p, 10.0, -2.0, swe);
    CHECK(d.snowfall_mm == 10.0);
    CHECK(d.liquid_mm == 0.0);
    CHECK(swe == 10.0);
    // Day 2: 4 mm at 0 degC, mid-band: half snow, half rain; no melt at the melt threshold.
    d = snow_step(p, 4.0, 0.0, swe);
    CHECK(d.snowfall_mm == doctest::Approx(2.0));
    CHECK(d.melt_mm == 0.0);
    CHECK(d.liquid_mm == doctest::Approx(2.0));
    CHECK(swe == doctest::Approx(12.0));
    // Day 3: dry, +2 degC: melt 3 * 2 = 6 mm.
    d = snow_step(p, 0.0, 2.0, swe);
    CHECK(d.melt_mm == doctest::Approx(6.0));
    CHECK(d.liquid_mm == doctest::Approx(6.0));
    CHECK(swe == doctest::Approx(6.0));
    // Day 4: 3 mm of rain at +5 degC: potential melt 15 mm, limited by the 6 mm left.
    d = snow_step(p, 3.0, 5.0, swe);
    CHECK(d.snowfall_mm == 0.0);
    CHECK(d.melt_mm == doctest::Approx(6.0));
    CHECK(d.liquid_mm == doctest::Approx(9.0));
    CHECK(swe == 0.0);
}

TEST_CASE("snow with a sharp threshold and a custom melt factor") {
    SnowParams p;
    p.transition_width_c = 0;
    p.threshold_c = 1.0;
    p.melt_threshold_c = -1.0;
    p.melt_factor_mm_per_c_day = 2.0;
    double swe = 5;
    // 1 degC is at the threshold: snow. Melt 2 * (1 - -1) = 4 mm of the 5 + 3.
    const SnowDay d = snow_step(p, 3.0, 1.0, swe);
    CHECK(d.snowfall_mm == 3.0);
    CHECK(d.melt_mm == 4.0);
    CHECK(swe == 4.0);
    CHECK(snow_parameter_problem(p).empty());
    p.melt_factor_mm_per_c_day = -1;
    CHECK_FALSE(snow_parameter_problem(p).empty());
}
