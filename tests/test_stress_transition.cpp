// Transition windows (docs/stress.md, "Transition windows"): the window search on hand-made
// yearly series (the known best window, ties to the earliest, a series shorter than the window),
// the member count and the sentence; then through the real `riparia` executable a small study
// where a policy adds a reservoir filled in 3 years upstream of the border: the cut of the
// downstream country's inflow is found in the filling years and stated in the reasons, and one
// thread and two give byte-identical stress tables.
#include "model/stress_transition.hpp"
#include "tests/stress_runs.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using riparia::model::largest_cut_window;
using riparia::model::TransitionWindow;
using riparia::test::read_file;
using riparia::test::ScratchDir;
using riparia::test::write_file;

namespace {

using Series = std::vector<std::vector<double>>;

const Series kFlat10 = {
    {10, 10, 10, 10, 10, 10}, {10, 10, 10, 10, 10, 10}, {10, 10, 10, 10, 10, 10}};

} // namespace

TEST_CASE("transition window: the largest median cut over 3 members, by hand") {
    // Window sums against 30 per member; medians by window start:
    // 0: {25, 24, 30} -> -1/6;  1: {20, 20, 27} -> -1/3;  2: {15, 18, 24} -> -0.4;
    // 3: {20, 22, 24} -> -4/15. Best: years 2..4, changes {-0.5, -0.4, -0.2}.
    const Series runs = {{10, 10, 5, 5, 5, 10}, {10, 8, 6, 6, 6, 10}, {10, 10, 10, 7, 7, 10}};
    const TransitionWindow w = largest_cut_window(runs, kFlat10, 3, 0.1);
    REQUIRE(w.known());
    CHECK(w.first == 2);
    CHECK(w.length == 3);
    REQUIRE(w.changes.size() == 3);
    CHECK(w.changes[0] == doctest::Approx(-0.5));
    CHECK(w.changes[1] == doctest::Approx(-0.4));
    CHECK(w.changes[2] == doctest::Approx(-0.2));
    CHECK(w.median == doctest::Approx(-0.4));
    CHECK(w.members_over == 3);
    // The same window for all members: member 3 alone would tie windows 2 and 3; the count
    // uses the chosen one, and a higher threshold counts fewer members.
    CHECK(largest_cut_window(runs, kFlat10, 3, 0.3).members_over == 2);
    CHECK(largest_cut_window(runs, kFlat10, 3, 0.5).members_over == 0); // -0.5 is not beyond
    CHECK(riparia::model::window_years_text(1991, w) == "1993-1995");
}

TEST_CASE("transition window: ties go to the earliest window; short series are one window") {
    const Series reference = {{10, 10, 10, 10, 10}};
    const TransitionWindow tie = largest_cut_window({{5, 5, 10, 5, 5}}, reference, 2, 0.1);
    CHECK(tie.first == 0);
    CHECK(tie.median == doctest::Approx(-0.5));

    // Two years against a window of 3: the whole series, (6 + 9) / (10 + 10) - 1 = -0.25.
    const TransitionWindow shorter = largest_cut_window({{6, 9}}, {{10, 10}}, 3, 0.1);
    CHECK(shorter.first == 0);
    CHECK(shorter.length == 2);
    CHECK(shorter.median == doctest::Approx(-0.25));
    CHECK(riparia::model::window_years_text(2001, shorter) == "2001-2002");

    // Members of unequal length: the common years only.
    const TransitionWindow common =
        largest_cut_window({{8, 8, 1}, {8, 8}}, {{10, 10, 10}, {10, 10}}, 3, 0.1);
    CHECK(common.length == 2);
    CHECK(common.median == doctest::Approx(-0.2));
}

TEST_CASE("transition window: unknown members are left out, a rise is no cut") {
    // Member 2's reference is 0 in every window: its change is unknown, not counted.
    const TransitionWindow w =
        largest_cut_window({{5, 10, 10}, {1, 1, 1}}, {{10, 10, 10}, {0, 0, 0}}, 1, 0.1);
    CHECK(w.first == 0);
    CHECK(w.median == doctest::Approx(-0.5));
    CHECK(std::isnan(w.changes[1]));
    CHECK(w.members_over == 1);
    CHECK(!largest_cut_window({}, {}, 3, 0.1).known());
    CHECK(!largest_cut_window({{1, 1}}, {{0, 0}}, 3, 0.1).known());

    // Every window rises: the smallest rise is the "largest cut", and no sentence is stated.
    const TransitionWindow rise = largest_cut_window({{12, 11, 13}}, {{10, 10, 10}}, 1, 0.1);
    CHECK(rise.first == 1);
    CHECK(rise.median == doctest::Approx(0.1));
    CHECK(riparia::model::transition_sentence("'p'", "inflow to B", "2002", "the 'a' policy", rise,
                                              0.1)
              .empty());
}

TEST_CASE("transition window: the sentence states the cut, the years and the member count") {
    const Series runs = {{10, 10, 5, 5, 5, 10}, {10, 8, 6, 6, 6, 10}, {10, 10, 10, 7, 7, 10}};
    const TransitionWindow w = largest_cut_window(runs, kFlat10, 3, 0.3);
    CHECK(riparia::model::transition_sentence("'GERD filled in 3 years'",
                                              "dry-season inflow to EGY", "1993-1995",
                                              "the 'basin' policy", w, 0.3) ==
          "'GERD filled in 3 years' cuts dry-season inflow to EGY by 40 % in 1993-1995 against "
          "the 'basin' policy (median of 3 members; more than 30 % in 2 of 3)");
}

namespace {

std::string subbasin(const std::string& id, const std::string& country, double area_km2,
                     const std::string& downstream) {
    return "[[subbasin]]\nid = \"" + id + "\"\ncountry = \"" + country +
           "\"\narea_km2 = " + std::to_string(area_km2) + "\nlat = 45.0\nlon = 5.0\n" +
           (downstream.empty() ? "" : "downstream = \"" + downstream + "\"\n") +
           "climate = { precip_mm = [90,80,75,70,70,65,60,55,65,75,90,95], wet_day_fraction = "
           "[0.55,0.5,0.5,0.45,0.45,0.4,0.35,0.35,0.4,0.45,0.55,0.55], temperature_c = "
           "[3,4,7,10,14,17,19,19,16,12,7,4] }\ngr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = "
           "1.7 }\n\n";
}

// AAA (HEAD -> DAM) drains into BBB (LOW). The second policy builds a 2.4 km3 reservoir at DAM,
// about 2.4 years of its inflow, filled from 1 January 2003 over 3 years.
void write_filling_study(const ScratchDir& dir) {
    write_file(dir / "basin.toml",
               "[basin]\nname = \"Filling river\"\n\n" + subbasin("HEAD", "AAA", 2000, "DAM") +
                   subbasin("DAM", "AAA", 1000, "LOW") + subbasin("LOW", "BBB", 1500, ""));
    write_file(dir / "study.toml",
               "[study]\nname = \"filling\"\nbasin = \"basin.toml\"\nstart = \"2001-01-01\"\n"
               "end = \"2008-12-31\"\nwarmup_days = 365\n\n[forcing]\nsource = \"generator\"\n\n"
               "[ensemble]\nmembers = 4\nseed = 7\npristine = true\n\n"
               "[[scenario]]\nname = \"baseline\"\n\n[[policy]]\nname = \"river\"\n\n"
               "[[policy]]\nname = \"dam filled in 3 years\"\n[[policy.reservoir]]\nnew = true\n"
               "id = \"BIGDAM\"\nsubbasin = \"DAM\"\ncapacity_hm3 = 2400.0\n"
               "initial_storage_hm3 = 0.0\nmax_release_m3s = 500.0\narea_km2 = 20.0\n"
               "rule = { kind = \"hanasaki\", purpose = \"other\" }\n"
               "filling = { start = \"2003-01-01\", years = 3, min_release_m3s = 0.0 }\n");
}

const nlohmann::json& row(const nlohmann::json& rows, const std::string& policy,
                          const std::string& level, const std::string& item) {
    for (const auto& r : rows)
        if (r["policy"] == policy && r["level"] == level && r["item"] == item) return r;
    FAIL("no row " << policy << " " << level << " " << item);
    return rows[0];
}

bool has_reason_starting(const nlohmann::json& r, const std::string& start) {
    for (const auto& reason : r["reasons"])
        if (reason.get<std::string>().rfind(start, 0) == 0) return true;
    return false;
}

} // namespace

TEST_CASE("transition window: a reservoir filled upstream of the border, in the reasons") {
    ScratchDir dir("stress-transition");
    write_filling_study(dir);
    const auto rows =
        riparia::test::stress_rows_on_one_and_two_threads(dir.path().string(), dir / "study.toml");
    REQUIRE(!rows.empty());
    const auto& pair = row(rows, "dam filled in 3 years", "pair", "AAA -> BBB");
    const auto& inflow = pair["indicators"]["transition_inflow"];
    // Filling keeps most of DAM's inflow in 2003-2005: BBB's inflow, all from AAA, falls by far
    // more than the 10 % threshold in every member.
    CHECK(inflow["years"] == "2003-2005");
    CHECK(inflow["against"] == "the 'river' policy");
    CHECK(inflow["members_compared"] == 4);
    CHECK(inflow["members_cut_over_notable"] == 4);
    CHECK(inflow["median"].get<double>() < -0.3);
    CHECK(inflow["unit"] == "share");
    CHECK(has_reason_starting(pair, "'dam filled in 3 years' cuts "));
    const auto& unit = row(rows, "dam filled in 3 years", "unit", "BBB");
    CHECK(unit["indicators"]["transition_inflow"]["median"] == inflow["median"]);
    CHECK(has_reason_starting(unit, "'dam filled in 3 years' cuts "));
    // The headwater country receives nothing; the as-is policy is the reference itself.
    CHECK(!row(rows, "dam filled in 3 years", "unit", "AAA")["indicators"].contains(
        "transition_inflow"));
    CHECK(!row(rows, "river", "unit", "BBB")["indicators"].contains("transition_inflow"));
    // The rapid change raises the pair's score above the as-is policy's.
    CHECK(pair["score_median"].get<double>() >
          row(rows, "river", "pair", "AAA -> BBB")["score_median"].get<double>());
    // The basin row, scored as its highest item (the pair AAA -> BBB or the unit BBB: BBB's every
    // drop is from AAA, and the two score alike), gives that item's reasons after its own (no
    // basin-wide change passes 10 %), the first naming it.
    const auto& basin = row(rows, "dam filled in 3 years", "basin", "Filling river");
    REQUIRE(!basin["reasons"].empty());
    const nlohmann::json* top = nullptr; // the first of the highest, in stress.json's order
    for (const auto& r : rows)
        if (r["policy"] == "dam filled in 3 years" && r["level"] != "basin" &&
            (!top || r["score_median"].get<double>() > (*top)["score_median"].get<double>()))
            top = &r;
    REQUIRE(top);
    CHECK(((*top)["item"] == "AAA -> BBB" || (*top)["item"] == "BBB"));
    const std::string lead = basin["reasons"][0].get<std::string>();
    CHECK(lead.find("(the highest score, that of " + (*top)["item"].get<std::string>() + ")") !=
          std::string::npos);
    CHECK(has_reason_starting(basin, "'dam filled in 3 years' cuts "));
    const std::string csv = read_file(dir / "one/stress.csv");
    CHECK(csv.find(",transition_inflow_share,") != std::string::npos);
    CHECK(csv.find(",2003-2005,4,") != std::string::npos);
}
