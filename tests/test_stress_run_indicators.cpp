// The indicators of a run's stress table, computed by hand on toy basins: flow origin on a
// simulated network, the dry season, variability, drought frequency, supply reliability,
// depletion against pristine, class boundaries, the indicator table of units, pairs and basin,
// and the sentences that compare policies and scenarios over members.
#include "model/stress_comparison.hpp"
#include "model/stress_flow_origin.hpp"
#include "model/stress_indicator_table.hpp"
#include "model/stress_score.hpp"
#include "model/stress_season.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

using namespace riparia::model;

namespace {

// Regions A=0, B=1, C=2. a1 (A, 60) -> b1 (B, 40; 50 leaves, B used 50) -> c1 (C, 50, outlet);
// a2 (A, 20) -> c1 directly.
std::vector<OriginNode> toy_network() {
    return {{0, 60, 60, 1}, {1, 40, 50, 2}, {2, 50, 95, -1}, {0, 20, 20, 2}};
}

// Ethiopia upstream of Egypt, figures unknown.
BasinFigures ethiopia_egypt() {
    BasinFigures b;
    b.units.resize(2);
    b.units[0].code = b.units[0].name = "ETH";
    b.units[1].code = b.units[1].name = "EGY";
    return b;
}

std::size_t index_of(const std::string& key) {
    const auto& c = indicator_catalogue();
    for (std::size_t k = 0; k < c.size(); ++k)
        if (key == c[k].key) return k;
    FAIL("no indicator " << key);
    return 0;
}

} // namespace

TEST_CASE("flow origin on a simulated network equals the hand-traced fractions") {
    const RegionWater w = trace_region_water(toy_network(), 3);
    // B: 40 own + 60 from A.
    CHECK(w.available_m3[1] == doctest::Approx(100));
    CHECK(w.origin_m3[1][0] == doctest::Approx(60));
    CHECK(w.dependency(1) == doctest::Approx(0.6));
    // b1 lets 50 of its 100 go, mixed: 30 of A, 20 of B. C: 50 own + 50 from b1 + 20 from a2.
    CHECK(w.inflow_m3[2] == doctest::Approx(70));
    CHECK(w.available_m3[2] == doctest::Approx(120));
    CHECK(w.origin_m3[2][0] == doctest::Approx(50)); // 30 + 20
    CHECK(w.origin_m3[2][1] == doctest::Approx(20));
    CHECK(w.dependency(2) == doctest::Approx(70.0 / 120));
    // From or through: everything b1 sends passed B; A's water is 30 + 20.
    CHECK(w.through_m3[2][1] == doctest::Approx(50));
    CHECK(w.through_m3[2][0] == doctest::Approx(50));
    CHECK(w.dependency(0) == 0); // headwater
}

TEST_CASE("flow origin: the network tracer agrees with the unit tracer on an analytic chain") {
    // Units: A (60) -> B (40, consumes 50) -> C (50); the same as nodes a1, b1, c1.
    const FlowOrigin units = track_flow_origin({{60, 0, 1}, {40, 50, 2}, {50, 0, -1}});
    const RegionWater nodes =
        trace_region_water({{0, 60, 60, 1}, {1, 40, 50, 2}, {2, 50, 0, -1}}, 3);
    for (std::size_t r = 0; r < 3; ++r) {
        CHECK(nodes.dependency(r) == doctest::Approx(units.dependency(r)));
        for (std::size_t k = 0; k < 3; ++k)
            CHECK(nodes.origin_m3[r][k] / nodes.available_m3[r] ==
                  doctest::Approx(units.origin_share[r][k]));
    }
    CHECK(units.origin_share[2][0] == doctest::Approx(0.3)); // 60 x 50/100 of C's 100
    CHECK_THROWS_AS(trace_region_water({{3, 1, 1, -1}}, 3), std::invalid_argument);
    CHECK_THROWS_AS(trace_region_water({{0, 1, 1, 1}, {0, 1, 1, 0}}, 1), std::invalid_argument);
}

TEST_CASE("dry season, variability, drought frequency, reliability and depletion by hand") {
    MonthlyVolumes flow{9, 8, 3, 2, 2, 7, 12, 15, 11, 10, 9, 9};
    // Lowest: Apr (2), May (2), Mar (3); ties keep the earlier month.
    CHECK(driest_months(flow) == std::array<int, 3>{2, 3, 4});
    CHECK(season_total(flow, driest_months(flow)) == doctest::Approx(7));
    flow.fill(1.0);
    CHECK(driest_months(flow) == std::array<int, 3>{0, 1, 2});
    CHECK(coefficient_of_variation({1, 2, 3}) == doctest::Approx(0.5)); // sd 1, mean 2
    CHECK(std::isnan(coefficient_of_variation({5})));
    CHECK(median_of({4, 1, 3, 2}) == doctest::Approx(2.5));
    // Reference median 9, threshold 6.75: one year of four (6) is below.
    CHECK(drought_frequency({10, 6, 8, 7}, {10, 10, 8, 8}, 0.75) == doctest::Approx(0.25));
    CHECK(drought_frequency({6.75}, {9}, 0.75) == 0); // at the threshold is not a drought
    CHECK(supply_reliability(12, 3) == doctest::Approx(0.75));
    CHECK(std::isnan(supply_reliability(0, 0)));
    CHECK(depletion(77, 100) == doctest::Approx(0.23));
    CHECK(depletion(110, 100) == doctest::Approx(-0.1));
    CHECK(std::isnan(depletion(1, 0)));
}

TEST_CASE("indicator table of a unit, a pair and the basin, with class boundaries") {
    const StressConfig c;
    BasinFigures b = ethiopia_egypt();
    UnitFigures& down = b.units[1];
    down.available_m3 = 100e9;
    down.withdrawal_m3 = 40e9; // 0.4: "high", Aqueduct score ln 4 / ln 2 + 1 = 3
    down.dry_available_m3 = 10e9;
    down.dry_withdrawal_m3 = 8e9;   // 0.8: "extremely high"
    down.population = 100e9 / 1700; // exactly 1,700 m3 per person: no stress
    down.dependency = 0.97;
    down.inflow_m3 = 90e9;
    down.pristine_inflow_m3 = 100e9;
    down.dry_inflow_m3 = 7.7e9;
    down.pristine_dry_inflow_m3 = 10e9;
    down.reliability = 0.75;
    down.cv = 0.25; // Aqueduct IAV low-medium from 0.25
    down.drought_frequency = 0.2;
    down.reservoir_capacity_m3 = 162e9;
    PairFigures p;
    p.upstream = 0;
    p.downstream = 1;
    p.share_from_upstream = 0.8;
    p.inflow_m3 = 70e9;
    p.pristine_inflow_m3 = 80e9;
    p.institutions.known = true;
    b.pairs = {p};
    const auto v = unit_indicators(b, 1, c);
    CHECK(v[index_of("water_stress")] == doctest::Approx(0.4));
    CHECK(indicator_class(index_of("water_stress"), 0.4, c) == "high");
    CHECK(indicator_class(index_of("water_stress"), 0.0999, c) == "low");
    CHECK(indicator_class(index_of("water_stress"), 0.1, c) == "low-medium");
    CHECK(v[index_of("aqueduct_score")] == doctest::Approx(3));
    CHECK(v[index_of("dry_season_stress")] == doctest::Approx(0.8));
    CHECK(indicator_class(index_of("dry_season_stress"), 0.8, c) == "extremely high");
    CHECK(v[index_of("per_capita")] == doctest::Approx(1700));
    CHECK(indicator_class(index_of("per_capita"), 1700, c) == "no stress");
    CHECK(indicator_class(index_of("per_capita"), 1699.9, c) == "stress");
    CHECK(indicator_class(index_of("per_capita"), 500, c) == "scarcity");
    CHECK(indicator_class(index_of("per_capita"), 499.9, c) == "absolute scarcity");
    CHECK(v[index_of("dependency")] == doctest::Approx(0.97));
    CHECK(v[index_of("upstream_impact")] == doctest::Approx(0.1));
    CHECK(v[index_of("dry_season_impact")] == doctest::Approx(0.23));
    CHECK(v[index_of("reliability")] == doctest::Approx(0.75));
    CHECK(indicator_class(index_of("cv"), 0.25, c) == "low-medium");
    CHECK(v[index_of("infrastructure_pressure")] == doctest::Approx(1.62));
    CHECK(v[index_of("institutional_capacity")] == 0); // no institutional data
    const auto q = pair_indicators(b, 0, c);
    CHECK(q[index_of("dependency")] == doctest::Approx(0.8));
    CHECK(q[index_of("upstream_impact")] == doctest::Approx(0.125));
    CHECK(std::isnan(q[index_of("water_stress")])); // not a pair indicator
    b.whole = down;
    b.reservoir_capacity_m3 = 10e9;
    b.mean_flow_m3 = 40e9;
    CHECK(basin_indicators(b, c)[index_of("infrastructure_pressure")] == doctest::Approx(0.25));
    for (const auto& info : indicator_catalogue()) {
        CHECK(std::string(info.unit).size() > 0);
        CHECK(std::string(info.description).size() > 20);
    }
}

TEST_CASE("the dry-season depletion enters the score with its number in words") {
    const StressConfig c;
    BasinFigures b = ethiopia_egypt();
    PairFigures p;
    p.upstream = 0;
    p.downstream = 1;
    p.dry_inflow_m3 = 7.7;
    p.pristine_dry_inflow_m3 = 10;
    b.pairs = {p};
    const ScoredItem with_dry = score_pair(b, 0, c);
    bool said = false;
    for (const auto& r : with_dry.reasons)
        said = said || r == "dry-season inflow to EGY is 23 % below its pristine value";
    CHECK(said);
    b.pairs[0].dry_inflow_m3 = 10; // no cut: the term is 0, the score lower
    CHECK(score_pair(b, 0, c).score < with_dry.score);
    // Change group = (planned dams 0 + dry 0.23/0.3) / 2 -> pressure 0.383 x 5, no capacity.
    CHECK(with_dry.score == doctest::Approx(5 * 0.23 / 0.3 / 2));
}

TEST_CASE("comparisons over members are counted and stated with their median") {
    const auto changes = relative_changes({70, 80, 94, 50, 115}, {100, 100, 100, 0, 100});
    CHECK(changes[0] == doctest::Approx(-0.3));
    CHECK(std::isnan(changes[3]));
    // Cuts beyond 10 %: 2 (-30 %, -20 %); rises: 1 (+15 %). Median of -30, -20, -6, +15: -13.
    CHECK(change_sentence("filling GERD in 3 years", "dry-season inflow to EGY",
                          "the 'basin' policy", changes, 0.1) ==
          "filling GERD in 3 years cuts dry-season inflow to EGY by more than 10 % against the "
          "'basin' policy in 2 of 5 members (median -13 %)");
    CHECK(change_sentence("x", "y", "z", {0.05, -0.05, 0.0}, 0.1).empty());
    CHECK(change_sentence("the 'wet' scenario", "available water in EGY", "the 'baseline' scenario",
                          {0.2, 0.3}, 0.1) ==
          "the 'wet' scenario raises available water in EGY by more than 10 % against the "
          "'baseline' scenario in 2 of 2 members (median +25 %)");
}
