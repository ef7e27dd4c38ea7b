// Reservoirs: the Hanasaki (2006) rule against hand-computed years (hydrology.md "Hanasaki (2006)
// rule"), the storage-area relation and open-water evaporation, and the first-filling policy.
// Month lengths used by the days-weighted means: 31 28 31 30 31 30 31 31 30 31 30 31 (365 d).
#include "model/reservoir.hpp"

#include <array>
#include <cmath>
#include <doctest/doctest.h>
#include <stdexcept>

using namespace riparia::model;

namespace {

bool near(double actual, double expected, double relative = 1e-9) {
    return std::fabs(actual - expected) <= relative * std::fabs(expected);
}

// Calls the rule on the first day of each month of one calendar year with the given storages and
// checks every month's release.
void check_year(HanasakiRule& rule, const std::array<double, 12>& storage_hm3,
                const std::array<double, 12>& expected_m3s) {
    for (int month = 1; month <= 12; ++month) {
        const double release = rule.release_for_month(month, storage_hm3[month - 1]);
        CHECK_MESSAGE(near(release, expected_m3s[month - 1]), "month ", month, ": ", release,
                      " expected ", expected_m3s[month - 1]);
    }
}

// A monsoon inflow (m3/s), wet June-October.
//   sum i_m n_m = 100*31 + 100*28 + 100*31 + 100*30 + 200*31 + 500*30 + 1000*31 + 1200*31
//               + 800*30 + 400*31 + 170*30 + 100*31
//               = 3100 + 2800 + 3100 + 3000 + 6200 + 15000 + 31000 + 37200 + 24000 + 12400
//               + 5100 + 3100 = 146000;  i_mean = 146000 / 365 = 400 m3/s.
//   Months with i_m >= 400: Jun 500, Jul 1000, Aug 1200, Sep 800, Oct 400 (equal counts).
//   Last of them: October, so the operational year starts in November (11).
//   Annual mean inflow volume = 400 * 365 * 86400 / 1e6 = 12614.4 hm3.
constexpr std::array<double, 12> kMonsoonInflow = {100,  100,  100, 100, 200, 500,
                                                   1000, 1200, 800, 400, 170, 100};

} // namespace

TEST_CASE("reservoir Hanasaki: non-irrigation, large reservoir (c >= 0.5)") {
    // C = 8000 hm3: c = 8000 / 12614.4 = 0.63420 >= 0.5, so r_m = k_rls r'_m with r'_m = i_mean
    // = 400 for every month.
    // First call (January, before the first operational year): S = 5100,
    //   k_rls = 5100 / (0.85 * 8000) = 5100 / 6800 = 0.75  ->  r = 0.75 * 400 = 300 (Jan..Oct).
    // The storages passed in February..October are ignored.
    // November (start of the operational year): S = 6800, k_rls = 6800 / 6800 = 1.0
    //   ->  r = 400 (Nov, Dec, and next January with any storage).
    HanasakiRule rule(8000.0, false, {kMonsoonInflow, {}});
    CHECK(rule.operational_year_first_month() == 11);
    CHECK(near(rule.mean_inflow_m3s(), 400.0, 1e-15));
    CHECK(near(rule.capacity_ratio(), 8000.0 / 12614.4, 1e-12));
    CHECK(rule.krls() == 1.0); // nothing set yet

    const std::array<double, 12> storage = {5100, 5000, 4500, 4000, 3500, 3000,
                                            3500, 5000, 6000, 6500, 6800, 6700};
    check_year(rule, storage, {300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 400, 400});
    CHECK(near(rule.krls(), 1.0));
    CHECK(near(rule.release_for_month(1, 2000.0), 400.0)); // k_rls kept across the new year
}

TEST_CASE("reservoir Hanasaki: irrigation, d_mean > 0.5 i_mean, small reservoir (c < 0.5)") {
    // Inflow (m3/s), a wet season across the new year, Nov-Mar:
    //   Jan 80, Feb 72.5, Mar 40, Apr 20, May..Sep 10, Oct 20, Nov 30, Dec 50.
    //   sum = 80*31 + 72.5*28 + 40*31 + 20*30 + 10*(31+30+31+31+30) + 20*31 + 30*30 + 50*31
    //       = 2480 + 2030 + 1240 + 600 + 1530 + 620 + 900 + 1550 = 10950;  i_mean = 30.
    //   Wet months (>= 30): Nov (equal), Dec, Jan, Feb, Mar: one spell across the new year that
    //   ends in March, so the operational year starts in April (4).
    //   Annual volume = 30 * 365 * 0.0864 = 946.08 hm3.
    // Demand (m3/s): Jan 5, Feb 5, Mar 10, Apr 20, May 30, Jun 40, Jul 40, Aug 30, Sep 20, Oct 10,
    //   Nov 0, Dec 5.
    //   sum = 155 + 140 + 310 + 600 + 930 + 1200 + 1240 + 930 + 600 + 310 + 0 + 155 = 6570;
    //   d_mean = 6570 / 365 = 18 > 0.5 * 30 = 15.
    // r'_m = 0.1 i_m + 0.9 (30 / 18) d_m = 0.1 i_m + 1.5 d_m:
    //   Jan 8 + 7.5 = 15.5     Feb 7.25 + 7.5 = 14.75   Mar 4 + 15 = 19     Apr 2 + 30 = 32
    //   May 1 + 45 = 46        Jun 1 + 60 = 61          Jul 1 + 60 = 61     Aug 1 + 45 = 46
    //   Sep 1 + 30 = 31        Oct 2 + 15 = 17          Nov 3 + 0 = 3       Dec 5 + 7.5 = 12.5
    // C = 236.52 hm3: c = 236.52 / 946.08 = 0.25 < 0.5; (c / 0.5)^2 = 0.25;
    //   r_m = 0.25 k_rls r'_m + 0.75 i_m.   alpha C = 0.85 * 236.52 = 201.042 hm3.
    // January (first call): S = 160.8336, k_rls = 160.8336 / 201.042 = 0.8 (Jan..Mar):
    //   Jan 0.2 * 15.5  + 0.75 * 80   = 3.1  + 60     = 63.1
    //   Feb 0.2 * 14.75 + 0.75 * 72.5 = 2.95 + 54.375 = 57.325
    //   Mar 0.2 * 19    + 0.75 * 40   = 3.8  + 30     = 33.8
    // April (start of the operational year): S = 180.9378, k_rls = 0.9; 0.25 * 0.9 = 0.225:
    //   Apr 0.225 * 32 + 15 = 7.2 + 15 = 22.2       May 0.225 * 46 + 7.5 = 10.35 + 7.5 = 17.85
    //   Jun 0.225 * 61 + 7.5 = 13.725 + 7.5 = 21.225  Jul = Jun = 21.225
    //   Aug = May = 17.85                           Sep 0.225 * 31 + 7.5 = 6.975 + 7.5 = 14.475
    //   Oct 0.225 * 17 + 15 = 3.825 + 15 = 18.825   Nov 0.225 * 3 + 22.5 = 0.675 + 22.5 = 23.175
    //   Dec 0.225 * 12.5 + 37.5 = 2.8125 + 37.5 = 40.3125
    //   next Jan (k_rls still 0.9): 0.225 * 15.5 + 60 = 3.4875 + 60 = 63.4875
    const HanasakiClimatology climatology{{80, 72.5, 40, 20, 10, 10, 10, 10, 10, 20, 30, 50},
                                          {5, 5, 10, 20, 30, 40, 40, 30, 20, 10, 0, 5}};
    HanasakiRule rule(236.52, true, climatology);
    CHECK(rule.operational_year_first_month() == 4);
    CHECK(near(rule.mean_inflow_m3s(), 30.0, 1e-15));
    CHECK(near(rule.mean_demand_m3s(), 18.0, 1e-15));
    CHECK(near(rule.capacity_ratio(), 0.25, 1e-12));
    const std::array<double, 12> provisional = {15.5, 14.75, 19, 32, 46, 61,
                                                61,   46,    31, 17, 3,  12.5};
    for (int month = 1; month <= 12; ++month)
        CHECK(near(rule.provisional_release_m3s(month), provisional[month - 1]));

    const std::array<double, 12> storage = {160.8336, 150, 140, 180.9378, 170, 150,
                                            120,      100, 90,  100,      130, 170};
    check_year(
        rule, storage,
        {63.1, 57.325, 33.8, 22.2, 17.85, 21.225, 21.225, 17.85, 14.475, 18.825, 23.175, 40.3125});
    CHECK(near(rule.krls(), 0.9));
    CHECK(near(rule.release_for_month(1, 200.0), 63.4875));
}

TEST_CASE("reservoir Hanasaki: irrigation, d_mean <= 0.5 i_mean") {
    // Inflow: the monsoon above (i_mean = 400, operational year from November, 12614.4 hm3/yr).
    // Demand (m3/s): Jan..Apr 100, May 200, Jun 150, Jul..Sep 50, Oct..Dec 100.
    //   sum = 3100 + 2800 + 3100 + 3000 + 6200 + 4500 + 1550 + 1550 + 1500 + 3100 + 3000 + 3100
    //       = 36500;  d_mean = 100 <= 0.5 * 400 = 200.
    // r'_m = i_mean + d_m - d_mean = 300 + d_m:
    //   Jan..Apr 400, May 500, Jun 450, Jul..Sep 350, Oct..Dec 400.
    // C = 12614.4 hm3: c = 1 >= 0.5, r_m = k_rls r'_m.  alpha C = 0.85 * 12614.4 = 10722.24 hm3.
    // January (first call): S = 5361.12, k_rls = 0.5:
    //   Jan..Apr 200, May 250, Jun 225, Jul..Sep 175, Oct 200.
    // November: S = 11794.464, k_rls = 11794.464 / 10722.24 = 1.1:  Nov, Dec 1.1 * 400 = 440.
    const HanasakiClimatology climatology{
        kMonsoonInflow, {100, 100, 100, 100, 200, 150, 50, 50, 50, 100, 100, 100}};
    HanasakiRule rule(12614.4, true, climatology);
    CHECK(rule.operational_year_first_month() == 11);
    CHECK(near(rule.mean_demand_m3s(), 100.0, 1e-15));
    CHECK(near(rule.capacity_ratio(), 1.0, 1e-12));

    const std::array<double, 12> storage = {5361.12, 5000, 4000,  3000,  2500,      3000,
                                            5000,    8000, 10000, 11000, 11794.464, 11500};
    check_year(rule, storage, {200, 200, 200, 200, 250, 225, 175, 175, 175, 200, 440, 440});
    CHECK(near(rule.krls(), 1.1));
}

TEST_CASE("reservoir Hanasaki: operational year from the longest wet spell") {
    // Two wet spells of two months (Feb-Mar, Aug-Sep at 5 m3/s, other months 1):
    //   i_mean = (5 * (28 + 31 + 31 + 30) + 1 * 245) / 365 = 845 / 365 = 2.315; a tie, so the
    //   spell ending latest in the year wins: October.
    std::array<double, 12> inflow = {1, 5, 5, 1, 1, 1, 1, 5, 5, 1, 1, 1};
    CHECK(HanasakiRule(100.0, false, {inflow, {}}).operational_year_first_month() == 10);
    // Feb-Apr wet is now the longest spell: May.
    inflow[3] = 5;
    CHECK(HanasakiRule(100.0, false, {inflow, {}}).operational_year_first_month() == 5);
    // Constant inflow: every month is wet; January.
    inflow.fill(0.1);
    CHECK(HanasakiRule(100.0, false, {inflow, {}}).operational_year_first_month() == 1);
}

TEST_CASE("reservoir Hanasaki: invalid input") {
    const HanasakiClimatology climatology{kMonsoonInflow, {}};
    CHECK_THROWS_AS(HanasakiRule(0.0, false, climatology), std::invalid_argument);
    HanasakiClimatology negative = climatology;
    negative.demand_m3s[3] = -1.0;
    CHECK_THROWS_AS(HanasakiRule(100.0, true, negative), std::invalid_argument);
    HanasakiRule rule(100.0, false, climatology);
    CHECK_THROWS_AS(rule.release_for_month(0, 50.0), std::out_of_range);
    CHECK_THROWS_AS(rule.release_for_month(13, 50.0), std::out_of_range);
}

TEST_CASE("reservoir storage-area curve: interpolation and clamping") {
    const StorageAreaCurve curve{{10, 110, 310}, {2, 12, 22}};
    CHECK(storage_area_curve_problem(curve).empty());
    CHECK(surface_area_km2(curve, 10) == doctest::Approx(2));
    CHECK(surface_area_km2(curve, 60) == doctest::Approx(7));   // 2 + 50/100 * 10
    CHECK(surface_area_km2(curve, 110) == doctest::Approx(12)); // a table point
    CHECK(surface_area_km2(curve, 210) == doctest::Approx(17)); // 12 + 100/200 * 10
    CHECK(surface_area_km2(curve, 0) == doctest::Approx(2));    // below the table: first area
    CHECK(surface_area_km2(curve, -5) == doctest::Approx(2));
    CHECK(surface_area_km2(curve, 1000) == doctest::Approx(22)); // above: last area

    const StorageAreaCurve constant{{50}, {7}};
    CHECK(surface_area_km2(constant, 0) == doctest::Approx(7));
    CHECK(surface_area_km2(constant, 500) == doctest::Approx(7));
    CHECK(surface_area_km2(StorageAreaCurve{}, 500) == 0.0);

    CHECK_FALSE(storage_area_curve_problem({{0, 10}, {1}}).empty());
    CHECK_FALSE(storage_area_curve_problem({{0, 10, 10}, {1, 2, 3}}).empty());
    CHECK_FALSE(storage_area_curve_problem({{-1, 10}, {1, 2}}).empty());
    CHECK_FALSE(storage_area_curve_problem({{0, 10}, {1, -2}}).empty());
}

TEST_CASE("reservoir open-water evaporation: PET x area x 1e-3 hm3, capped at storage") {
    const StorageAreaCurve curve{{10, 110, 310}, {2, 12, 22}};
    // 210 hm3 -> 17 km2; 5 mm/d * 17 km2 * 1e-3 = 0.085 hm3.
    CHECK(open_water_evaporation_hm3(curve, 210, 5.0) == doctest::Approx(0.085));
    CHECK(open_water_evaporation_hm3(curve, 210, 0.0) == 0.0);
    CHECK(open_water_evaporation_hm3(curve, 210, -1.0) == 0.0);
    // 100 km2 at any storage: 5 mm -> 0.5 hm3, more than the 0.2 hm3 held: capped at 0.2.
    const StorageAreaCurve lake{{0}, {100}};
    CHECK(open_water_evaporation_hm3(lake, 0.2, 5.0) == doctest::Approx(0.2));
    CHECK(open_water_evaporation_hm3(lake, 0.0, 5.0) == 0.0);
    CHECK(open_water_evaporation_hm3(lake, 1.0, 5.0) == doctest::Approx(0.5));
}

TEST_CASE("reservoir filling policy: fill rate, minimum release, end by capacity and by time") {
    // Capacity 74 hm3, storage at the start of filling 10.886096 hm3: room 63.113904 hm3 over
    // 2 years = 2 * 365.2425 = 730.485 days = 730.485 * 0.0864 = 63.113904 hm3 per m3/s, so the
    // fill rate is 63.113904 / 63.113904 = 1 m3/s. Minimum release 3 m3/s. Filling from day
    // 19000 while day < 19000 + 730.485 and storage < 74.
    const FillingPolicy policy{true, 19000, 2.0, 3.0};
    const double capacity = 74.0, start = 10.886096;
    CHECK(near(filling_rate_m3s(policy, start, capacity), 1.0, 1e-12));
    auto target = [&](std::int64_t day, double inflow, double storage) {
        return filling_target_m3s(policy, day, inflow, storage, start, capacity);
    };
    // Fill rate binding: inflow 10 keeps 1, passes 9 (>= 3).
    REQUIRE(target(19000, 10.0, 20.0).has_value());
    CHECK(near(*target(19000, 10.0, 20.0), 9.0, 1e-12));
    // Minimum release binding: inflow 3.5 - 1 = 2.5 < 3, so 3 passes and 0.5 is kept.
    CHECK(near(*target(19100, 3.5, 30.0), 3.0, 1e-12));
    // Inflow below the minimum release: all of it passes, nothing is kept.
    CHECK(*target(19100, 2.0, 30.0) == 2.0);
    CHECK(*target(19100, 0.0, 30.0) == 0.0);
    // End by capacity: full on any day of the period.
    CHECK(target(19200, 10.0, 73.999).has_value());
    CHECK_FALSE(target(19200, 10.0, 74.0).has_value());
    // End by time: day 19730 is 730 days in (< 730.485), day 19731 is past.
    CHECK(target(19730, 10.0, 50.0).has_value());
    CHECK_FALSE(target(19731, 10.0, 50.0).has_value());
    // Before the start, or disabled.
    CHECK_FALSE(target(18999, 10.0, 20.0).has_value());
    FillingPolicy disabled = policy;
    disabled.enabled = false;
    CHECK_FALSE(filling_target_m3s(disabled, 19000, 10.0, 20.0, start, capacity).has_value());
}
