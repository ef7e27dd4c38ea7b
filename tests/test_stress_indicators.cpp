#include "model/stress_flow_origin.hpp"
#include "model/stress_indicators.hpp"
#include "model/stress_rank.hpp"
#include "model/stress_score.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace riparia::model;

TEST_CASE("stress indicators match hand calculations") {
    CHECK(water_stress_ratio(30, 100) == doctest::Approx(0.3));
    CHECK(std::isnan(water_stress_ratio(30, 0)));
    CHECK(aqueduct_bws_score(0.1) == doctest::Approx(1.0));  // (ln .1 - ln .1)/ln 2 + 1
    CHECK(aqueduct_bws_score(0.4) == doctest::Approx(3.0));  // ln 4 / ln 2 + 1
    CHECK(aqueduct_bws_score(0.05) == doctest::Approx(0.0)); // -1 + 1
    CHECK(aqueduct_bws_score(5.0) == doctest::Approx(5.0));  // capped
    const StressConfig c;
    CHECK(aqueduct_class(0.099, c.bws_breakpoints) == 0);
    CHECK(aqueduct_class(0.1, c.bws_breakpoints) == 1);
    CHECK(aqueduct_class(0.39, c.bws_breakpoints) == 2);
    CHECK(aqueduct_class(0.8, c.bws_breakpoints) == 4);
    CHECK(falkenmark_band(1800, c.falkenmark_m3_per_capita) == 0);
    CHECK(falkenmark_band(1699, c.falkenmark_m3_per_capita) == 1);
    CHECK(falkenmark_band(999, c.falkenmark_m3_per_capita) == 2);
    CHECK(falkenmark_band(499, c.falkenmark_m3_per_capita) == 3);
    CHECK(iav_score(0.5) == doctest::Approx(2.0));
    CHECK(aqueduct_class(0.6, c.iav_breakpoints) == 2);
    CHECK(dependency_ratio(97, 3) == doctest::Approx(0.97));
    CHECK(relative_change(100, 80) == doctest::Approx(-0.2));
    CHECK(saturating(5, 5) == doctest::Approx(0.5));
    CHECK(infrastructure_pressure(3, 50, 100, 20) == doctest::Approx(0.5));
    CHECK(infrastructure_pressure(20, unknown, unknown, 20) == doctest::Approx(0.5));
}

TEST_CASE("class thresholds of the composite score") {
    const StressConfig c;
    CHECK(risk_class(0.0, c) == 1);
    CHECK(risk_class(0.999, c) == 1);
    CHECK(risk_class(1.0, c) == 2);
    CHECK(risk_class(3.5, c) == 4);
    CHECK(risk_class(4.0, c) == 5);
}

TEST_CASE("dependency ratios equal flow-origin fractions on analytic trees") {
    // A and B (headwaters) join at C, which drains to D: no consumption, so each unit's water is
    // the sum of the local runoff of the units above it.
    std::vector<FlowUnit> units{{10, 0, 2}, {30, 0, 2}, {20, 0, 3}, {40, 0, -1}};
    const FlowOrigin f = track_flow_origin(units);
    CHECK(f.available_m3[3] == doctest::Approx(100));
    CHECK(f.dependency(0) == doctest::Approx(0.0));
    CHECK(f.dependency(2) == doctest::Approx(40.0 / 60.0));
    CHECK(f.dependency(3) == doctest::Approx(60.0 / 100.0));
    CHECK(f.origin_share[3][1] == doctest::Approx(0.3));
    CHECK(f.dependency(3) == doctest::Approx(dependency_ratio(60, 40)));
    // Consumption in C removes half its water; the rest keeps C's origin mix (well mixed).
    units[2].consumption_m3 = 30;
    const FlowOrigin g = track_flow_origin(units);
    CHECK(g.outflow_m3[2] == doctest::Approx(30));
    CHECK(g.origin_share[3][0] == doctest::Approx(5.0 / 70.0));
    CHECK(g.origin_share[3][1] == doctest::Approx(15.0 / 70.0));
    CHECK(g.dependency(3) == doctest::Approx(30.0 / 70.0));
    units[3].downstream = 0; // cycle
    CHECK_THROWS(track_flow_origin(units));
}

TEST_CASE("spearman rho with ties") {
    CHECK(spearman_rho({1, 2, 3, 4}, {10, 20, 30, 40}) == doctest::Approx(1.0));
    CHECK(spearman_rho({1, 2, 3, 4}, {4, 3, 2, 1}) == doctest::Approx(-1.0));
    const auto r = average_ranks({5, 1, 5, 2});
    CHECK(r[0] == doctest::Approx(3.5));
    CHECK(r[1] == doctest::Approx(1.0));
    CHECK(std::isnan(spearman_rho({1, 1, 1}, {1, 2, 3})));
}
