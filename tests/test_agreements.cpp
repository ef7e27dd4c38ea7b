// Each kind of agreement, met and violated, on a two-sub-basin river: UP (country AAA) drains to
// DOWN (BBB); agreements bind the outflow of UP, which crosses the border. Computed by hand.
#include "model/calendar.hpp"
#include "model/water_manager.hpp"

#include <doctest/doctest.h>

using namespace riparia::model;

namespace {

Basin border_river() {
    Basin basin;
    for (const char* id : {"UP", "DOWN"}) {
        Subbasin s;
        s.id = id;
        s.country = std::string(id) == "UP" ? "AAA" : "BBB";
        s.area_km2 = 100;
        basin.subbasins.push_back(s);
    }
    basin.network = Network({"UP", "DOWN"}, {"DOWN", ""});
    return basin;
}

// An upstream demand of the given size (m3/s, flat over the year) with the given priority.
void add_upstream_demand(Basin& basin, double m3s, int priority) {
    DemandSpec d;
    d.id = "AAA_irrigation";
    d.country = "AAA";
    d.node = 0;
    d.annual_volume_hm3 = m3s * 365 * 0.0864;
    for (int m = 0; m < 12; ++m) {
        d.monthly_share[m] = riparia::calendar::days_in_month(2001, m + 1) / 365.0;
    }
    d.priority = priority;
    basin.management.demands.push_back(d);
}

struct Day {
    double required, met;
};

// Runs `days` days of 2001 from 1 January with a constant inflow at UP; returns the last day.
Day run(const Basin& basin, double inflow_up_m3s, int days) {
    WaterManager manager(basin, {1.0, 1.0}, {});
    const double inflow[2] = {inflow_up_m3s, 0.0};
    const double pet[2] = {0.0, 0.0};
    std::vector<double> outflow;
    ManagementDay figures;
    const std::int64_t first = riparia::calendar::day_number({2001, 1, 1});
    for (int d = 0; d < days; ++d)
        manager.step(first + d, inflow, pet, true, outflow, figures);
    return {figures.required_m3s[0], figures.met_m3s[0]};
}

AgreementSpec agreement(AgreementKind kind) {
    AgreementSpec a;
    a.id = "treaty";
    a.kind = kind;
    a.upstream_country = "AAA";
    a.downstream_country = "BBB";
    a.node = 0;
    a.reference_node = 0;
    a.priority = 2; // below the upstream demand when that demand has priority 1
    return a;
}

} // namespace

TEST_CASE("agreement min_flow: met, then violated by a higher-priority upstream demand") {
    Basin basin = border_river();
    AgreementSpec a = agreement(AgreementKind::min_flow);
    a.flow_m3s.fill(5.0);
    basin.management.agreements.push_back(a);
    add_upstream_demand(basin, 3.0, 3); // lower priority: takes only what the treaty leaves
    Day day = run(basin, 10.0, 3);
    CHECK(day.required == doctest::Approx(5.0));
    CHECK(day.met == doctest::Approx(5.0)); // 10 - 3 = 7 cross the border
    basin.management.demands[0].priority = 1;
    basin.management.demands[0].annual_volume_hm3 = 8.0 * 365 * 0.0864; // takes 8 of 10 first
    day = run(basin, 10.0, 3);
    CHECK(day.met == doctest::Approx(2.0)); // violated: 2 of 5
}

TEST_CASE("agreement annual_volume: an even daily share, reduced in a declared drought") {
    Basin basin = border_river();
    AgreementSpec a = agreement(AgreementKind::annual_volume);
    a.annual_volume_hm3 = 1850.234; // US-Mexico 1944: 1,500,000 acre-feet of Colorado water a year
    basin.management.agreements.push_back(a);
    Day day = run(basin, 100.0, 2);
    const double daily = 1850.234 / 365 / 0.0864; // 58.67 m3/s
    CHECK(day.required == doctest::Approx(daily));
    CHECK(day.met == doctest::Approx(daily));
    day = run(basin, 40.0, 2); // the river carries less than the schedule: violated
    CHECK(day.met == doctest::Approx(40.0));
    // Declared drought: the last 365 days' flow at the reference averages 40 m3/s against a
    // reference of 80, so the delivery is halved (and then met).
    basin.management.agreements[0].drought_reference_m3s = 80.0;
    day = run(basin, 40.0, 366);
    CHECK(day.required == doctest::Approx(daily * 0.5));
    CHECK(day.met == doctest::Approx(daily * 0.5));
}

TEST_CASE("agreement share: the downstream share of yesterday's arriving flow") {
    Basin basin = border_river();
    AgreementSpec a = agreement(AgreementKind::share);
    a.downstream_share = 0.58; // Euphrates 1990: Iraq 58 % of the flow entering Syria
    basin.management.agreements.push_back(a);
    add_upstream_demand(basin, 3.0, 3);
    Day day = run(basin, 100.0, 3);
    CHECK(day.required == doctest::Approx(58.0));
    CHECK(day.met == doctest::Approx(58.0)); // 97 cross
    basin.management.demands[0].priority = 1;
    basin.management.demands[0].annual_volume_hm3 = 60.0 * 365 * 0.0864;
    day = run(basin, 100.0, 3);
    CHECK(day.met == doctest::Approx(40.0)); // violated: 100 - 60
}

TEST_CASE("agreement schedule: the Ganges 1996 bands by flow at Farakka") {
    // 70,000 / 75,000 cusecs = 1,982.2 / 2,123.8 m3/s; 35,000 cusecs = 991.1; 40,000 = 1,132.7.
    Basin basin = border_river();
    AgreementSpec a = agreement(AgreementKind::schedule);
    a.bands = {{1982.2, 0.5, 0.0}, {2123.8, 0.0, 991.1}, {1e308, 1.0, -1132.7}};
    for (int m = 0; m < 5; ++m)
        a.active_months[m] = true; // 1 January to 31 May
    basin.management.agreements.push_back(a);
    CHECK(run(basin, 1500.0, 3).required == doctest::Approx(750.0));           // 50 %
    CHECK(run(basin, 2000.0, 3).required == doctest::Approx(991.1));           // 35,000 cusecs
    CHECK(run(basin, 3000.0, 3).required == doctest::Approx(3000.0 - 1132.7)); // the balance
    CHECK(run(basin, 3000.0, 3).met == doctest::Approx(3000.0 - 1132.7));
    // India's diversion of 2,500 at higher priority leaves 500 of the 1,867 due: violated.
    add_upstream_demand(basin, 2500.0, 1);
    CHECK(run(basin, 3000.0, 3).met == doctest::Approx(500.0));
    // Outside January-May the schedule asks nothing.
    CHECK(run(basin, 3000.0, 200).required == 0.0);
}

TEST_CASE("agreement annual_volume: the year's flow at the point against the volume") {
    // 120 m3/s for the first 181 days of 2001, then 20 m3/s: each dry day falls short of the even
    // daily share (58.67 m3/s), but the year's flow (120 x 181 + 20 x 184 days) exceeds the volume.
    Basin basin = border_river();
    AgreementSpec a = agreement(AgreementKind::annual_volume);
    a.annual_volume_hm3 = 1850.234;
    basin.management.agreements.push_back(a);
    WaterManager manager(basin, {1.0, 1.0}, {});
    const double pet[2] = {0.0, 0.0};
    std::vector<double> outflow;
    ManagementDay figures;
    const std::int64_t first = riparia::calendar::day_number({2001, 1, 1});
    for (int d = 0; d < 365; ++d) {
        const double inflow[2] = {d < 181 ? 120.0 : 20.0, 0.0};
        manager.step(first + d, inflow, pet, true, outflow, figures);
    }
    const ComplianceYear& year = manager.agreement_compliance()[0].at(0);
    const double daily = 1850.234 / 365 / 0.0864;
    CHECK(year.required_hm3 == doctest::Approx(1850.234));
    CHECK(year.flow_hm3 == doctest::Approx((120.0 * 181 + 20.0 * 184) * 0.0864));
    CHECK(year.delivered_hm3 == doctest::Approx((daily * 181 + 20.0 * 184) * 0.0864));
    CHECK(year.days_short == 184);
    CHECK(year.flow_hm3 > year.required_hm3); // honoured over the year
}
