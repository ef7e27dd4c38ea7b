// riparia compare through the real executable: synthetic run folders whose run.json and
// stress.json are written here with known numbers (the differences are computed by hand below),
// identical folders, bad folders (exit 2 naming the file and what differs), and two real runs of
// the demo basin where B doubles the French irrigation demand.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

using namespace riparia::test;
using Json = nlohmann::json;

namespace {

// One member run: a flow volume per year at node N1 (two years of 365.25 days, so the mean
// annual flow is the mean of the two), FRA's requested and delivered withdrawals, one agreement.
Json member_run(const std::string& member, int seed, double flow_km3, double delivered_hm3,
                double agreement_delivered_hm3, const std::string& scenario = "baseline") {
    return {{"scenario", scenario},
            {"policy", "p"},
            {"member", member},
            {"seed", seed},
            {"statistics",
             {{"days", {365.25, 365.25}},
              {"outflow_km3", {{"N1", {flow_km3, flow_km3}}}},
              {"withdrawals_by_country",
               {{"FRA",
                 {{"requested_hm3", {100.0, 100.0}},
                  {"delivered_hm3", {delivered_hm3, delivered_hm3}}}}}}}},
            {"management",
             {{"agreements",
               {{{"id", "treaty"},
                 {"years",
                  {{{"required_hm3", 50.0}, {"delivered_hm3", agreement_delivered_hm3}}}}}}}}}};
}

Json stress_row(const std::string& level, const std::string& item, double median, double p10,
                double p90, int risk_class, double share, bool flag, const Json& indicators) {
    return {{"scenario", "baseline"},
            {"policy", "p"},
            {"level", level},
            {"item", item},
            {"score_median", median},
            {"score_p10", p10},
            {"score_p90", p90},
            {"class", risk_class},
            {"members", 3},
            {"share_at_risk", share},
            {"flag", flag},
            {"reasons", Json::array()},
            {"indicators", indicators}};
}

Json indicator(double median, double p10, double p90) {
    return {{"median", median}, {"p10", p10}, {"p90", p90}, {"unit", "ratio"}};
}

void write_folder(const std::string& dir, const Json& runs, const Json& rows,
                  const std::string& basin = "Test river") {
    write_file(dir + "/run.json", Json{{"basin", basin}, {"ensemble", {{"runs", runs}}}}.dump(1));
    write_file(dir + "/stress.json", Json{{"rows", rows}}.dump(1));
}

// A: the reference. FRA's basin row turns into a flag in B; FRA's unit row loses its flag.
void write_reference(const std::string& dir) {
    write_folder(
        dir,
        {member_run("m1", 1, 1.0, 90, 50), member_run("m2", 2, 2.0, 80, 45),
         member_run("m3", 3, 3.0, 70, 40)},
        {stress_row("basin", "Test river", 2.0, 1.5, 2.5, 2, 0.2, false,
                    {{"water_stress", indicator(0.4, 0.3, 0.5)}, {"only_a", indicator(1, 1, 1)}}),
         stress_row("unit", "FRA", 3.5, 3.0, 4.0, 4, 0.7, true,
                    {{"water_stress", indicator(0.8, 0.7, 0.9)}}),
         stress_row("pair", "FRA -> BEL", 1.0, 1.0, 1.0, 1, 0.0, false, Json::object())});
}

Json edited_runs(int first_seed) {
    return {member_run("m1", first_seed, 1.5, 60, 50), member_run("m2", 2, 2.1, 80, 40),
            member_run("m3", 3, 3.9, 40, 30)};
}

void write_edited(const std::string& dir, int first_seed = 1) {
    write_folder(
        dir, edited_runs(first_seed),
        {stress_row("basin", "Test river", 3.1, 2.0, 3.9, 4, 0.6, true,
                    {{"water_stress", indicator(0.7, 0.5, 0.9)}, {"only_b", indicator(2, 2, 2)}}),
         stress_row("unit", "FRA", 3.0, 2.5, 3.5, 3, 0.3, false,
                    {{"water_stress", indicator(0.8, 0.7, 0.9)}})});
}

Json compare_json(const ScratchDir& dir, const std::string& a, const std::string& b,
                  std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"compare", dir / a, dir / b, "--json", dir / "c.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_riparia(args);
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(entries_of(dir.path()) == std::vector<std::string>{a, b, "c.json"}); // no .tmp left
    return Json::parse(read_file(dir / "c.json"));
}

const Json& row_of(const Json& c, const std::string& level) {
    for (const auto& r : c["stress"]["rows"])
        if (r["level"] == level) return r;
    FAIL("no row " << level);
    static const Json none;
    return none;
}

const Json& figure_of(const Json& group, const std::string& id) {
    for (const auto& f : group["figures"])
        if (f["id"] == id) return f;
    FAIL("no figure " << id);
    static const Json none;
    return none;
}

} // namespace

TEST_CASE("compare: stress rows, indicators and flags of B - A equal the hand-computed ones") {
    ScratchDir dir("compare");
    write_reference(dir / "a");
    write_edited(dir / "b");
    const Json c = compare_json(dir, "a", "b");
    const Json& basin = row_of(c, "basin");
    CHECK(basin["score"]["difference"]["median"].get<double>() == doctest::Approx(1.1));
    CHECK(basin["score"]["difference"]["p10"].get<double>() == doctest::Approx(0.5));
    CHECK(basin["score"]["difference"]["p90"].get<double>() == doctest::Approx(1.4));
    CHECK(basin["score"]["a"]["p10"] == 1.5);
    CHECK(basin["score"]["b"]["p90"] == 3.9);
    CHECK(basin["class"]["difference"] == 2);
    CHECK(basin["share_at_risk"]["difference"].get<double>() == doctest::Approx(0.4));
    const Json& ws = basin["indicators"]["water_stress"];
    CHECK(ws["difference"]["median"].get<double>() == doctest::Approx(0.3));
    CHECK(ws["difference"]["p10"].get<double>() == doctest::Approx(0.2));
    CHECK(ws["difference"]["p90"].get<double>() == doctest::Approx(0.4));
    CHECK(basin["indicators_only_in_a"] == Json{"only_a"});
    CHECK(basin["indicators_only_in_b"] == Json{"only_b"});
    const Json& unit = row_of(c, "unit");
    CHECK(unit["score"]["difference"]["median"].get<double>() == doctest::Approx(-0.5));
    CHECK(unit["indicators"]["water_stress"]["difference"]["median"] == 0.0);
    // Largest change first: the basin row (+1.1) before the unit row (-0.5).
    CHECK(c["stress"]["rows"][0]["level"] == "basin");
    CHECK(c["stress"]["only_in_a"].size() == 1);
    CHECK(c["stress"]["only_in_a"][0]["level"] == "pair");
    CHECK(c["stress"]["only_in_b"].empty());
    const Json& flags = c["stress"]["flags"];
    REQUIRE(flags["appearing"].size() == 1);
    CHECK(flags["appearing"][0]["item"] == "Test river");
    REQUIRE(flags["disappearing"].size() == 1);
    CHECK(flags["disappearing"][0]["item"] == "FRA");
}

TEST_CASE("compare: headline figures are member-wise with the same seeds, else medians") {
    ScratchDir dir("compare-headline");
    write_reference(dir / "a");
    write_edited(dir / "b");
    const Json c = compare_json(dir, "a", "b");
    REQUIRE(c["headline"]["groups"].size() == 1);
    const Json& g = c["headline"]["groups"][0];
    CHECK(g["method"].get<std::string>().find("member-wise") == 0);
    // Flow at N1: member differences 0.5, 0.1, 0.9 km3/yr; sorted 0.1, 0.5, 0.9: median 0.5,
    // P10 = 0.1 + 0.2 * 0.4 = 0.18, P90 = 0.5 + 0.8 * 0.4 = 0.82 (linear between order stats).
    const Json& flow = figure_of(g, "N1");
    CHECK(flow["unit"] == "km3/yr");
    CHECK(flow["difference"]["median"].get<double>() == doctest::Approx(0.5));
    CHECK(flow["difference"]["p10"].get<double>() == doctest::Approx(0.18));
    CHECK(flow["difference"]["p90"].get<double>() == doctest::Approx(0.82));
    // FRA shortage: A 10, 20, 30 %; B 40, 20, 60 %: differences 30, 0, 30 points.
    const Json& shortage = figure_of(g, "FRA");
    CHECK(shortage["difference"]["median"].get<double>() == doctest::Approx(30));
    CHECK(shortage["difference"]["p10"].get<double>() == doctest::Approx(6));
    // Treaty compliance: A 100, 90, 80 %; B 100, 80, 60 %: differences 0, -10, -20 points.
    const Json& treaty = figure_of(g, "treaty");
    CHECK(treaty["difference"]["median"].get<double>() == doctest::Approx(-10));
    CHECK(treaty["difference"]["p90"].get<double>() == doctest::Approx(-2));

    write_edited(dir / "b", 7); // m1 has another seed: other weather, no member-wise pairing
    const Json d = compare_json(dir, "a", "b");
    const Json& h = d["headline"]["groups"][0];
    CHECK(h["method"].get<std::string>().find("difference of the members' medians") == 0);
    // Medians: A 2.0, B 2.1 km3/yr; shortage A 20 %, B 40 %.
    CHECK(figure_of(h, "N1")["difference"]["median"].get<double>() == doctest::Approx(0.1));
    CHECK(figure_of(h, "N1")["difference"]["p10"].is_null());
    CHECK(figure_of(h, "FRA")["difference"]["median"].get<double>() == doctest::Approx(20));
}

TEST_CASE("compare: identical folders give zero differences and no flag changes") {
    ScratchDir dir("compare-same");
    write_reference(dir / "a");
    write_reference(dir / "b");
    const Json c = compare_json(dir, "a", "b");
    CHECK(c["stress"]["rows"].size() == 3);
    for (const auto& r : c["stress"]["rows"]) {
        for (const char* q : {"median", "p10", "p90"})
            CHECK(r["score"]["difference"][q] == 0.0);
        CHECK(r["class"]["difference"] == 0);
        CHECK(r["share_at_risk"]["difference"] == 0.0);
        for (const auto& [name, i] : r["indicators"].items())
            CHECK(i["difference"]["median"] == 0.0);
    }
    CHECK(c["stress"]["flags"]["appearing"].empty());
    CHECK(c["stress"]["flags"]["disappearing"].empty());
    for (const auto& f : c["headline"]["groups"][0]["figures"]) {
        CHECK(f["difference"]["median"] == 0.0);
        CHECK(f["difference"]["p90"] == 0.0);
    }
    const auto r = run_riparia({"compare", dir / "a", dir / "b"});
    CHECK(contains_fragment(r.out, "flags appearing (false in A, true in B): none"));
    CHECK(contains_fragment(r.out, "Δ score"));
}

TEST_CASE("compare: --scenario and --policy keep only those rows") {
    ScratchDir dir("compare-filter");
    write_reference(dir / "a");
    write_edited(dir / "b");
    const Json c = compare_json(dir, "a", "b", {"--scenario", "baseline", "--policy", "p"});
    CHECK(c["stress"]["rows"].size() == 2);
    const auto r = run_riparia({"compare", dir / "a", dir / "b", "--scenario", "dry"});
    CHECK(r.exit_code == 2);
    CHECK(contains_fragment(r.err, "no common rows"));
    CHECK(contains_fragment(r.err, "with --scenario dry"));
}

TEST_CASE("compare: bad folders exit 2 naming the file and what was expected") {
    ScratchDir dir("compare-bad");
    write_reference(dir / "a");
    auto refused = [&](const std::string& b, const std::vector<std::string>& fragments) {
        const auto r = run_riparia({"compare", dir / "a", b, "--json", dir / "c.json"});
        INFO(describe(r));
        CHECK(r.exit_code == 2);
        for (const auto& f : fragments)
            CHECK_MESSAGE(contains_fragment(r.err, f), f);
        CHECK_FALSE(std::filesystem::exists(dir / "c.json"));
    };
    SUBCASE("not a folder") {
        refused(dir / "nowhere", {"nowhere: not a folder", "expected a riparia run folder"});
    }
    SUBCASE("no run.json") {
        write_file(dir / "b/notes.txt", "x");
        refused(dir / "b", {"not a riparia run folder: no run.json"});
    }
    SUBCASE("missing stress.json") {
        write_reference(dir / "b");
        std::filesystem::remove(dir / "b/stress.json");
        refused(dir / "b", {"b/stress.json: missing"});
    }
    SUBCASE("malformed run.json") {
        write_reference(dir / "b");
        write_file(dir / "b/run.json", "{\"basin\": ");
        refused(dir / "b", {"b/run.json: malformed JSON at byte"});
    }
    SUBCASE("a stress row without its score") {
        write_reference(dir / "b");
        Json stress = Json::parse(read_file(dir / "b/stress.json"));
        stress["rows"][1].erase("score_median");
        write_file(dir / "b/stress.json", stress.dump());
        refused(dir / "b", {"b/stress.json: rows[1].score_median: missing; expected a number"});
    }
    SUBCASE("a run without statistics") {
        write_reference(dir / "b");
        Json record = Json::parse(read_file(dir / "b/run.json"));
        record["ensemble"]["runs"][2]["statistics"] = "none";
        write_file(dir / "b/run.json", record.dump());
        refused(dir / "b", {"b/run.json: ensemble.runs[2].statistics: found a string; expected "
                            "an object"});
    }
    SUBCASE("no common rows") {
        Json rows = Json::parse(read_file(dir / "a/stress.json"))["rows"];
        for (auto& r : rows)
            r["scenario"] = "dry";
        write_folder(dir / "b", edited_runs(1), rows, "Other river");
        refused(dir / "b", {"no common rows", "A (", "has basin \"Test river\", scenarios baseline",
                            "has basin \"Other river\", scenarios dry, policies p"});
    }
}

TEST_CASE("compare: doubling a demand in a real run shows up as FRA's shortage") {
    ScratchDir dir("compare-runs");
    auto study = [&](const std::string& policy_edit) {
        return "[study]\nname = \"compare\"\nbasin = \"" + source_dir() +
               "/basins/demo/basin.toml\"\nstart = \"1990-01-01\"\nend = \"1991-12-31\"\n"
               "warmup_days = 0\n\n[ensemble]\npristine = true\n\n"
               "[[policy]]\nname = \"as built\"\n" +
               policy_edit;
    };
    write_file(dir / "a.toml", study(""));
    write_file(dir / "b.toml", study("[[policy.demand]]\nid = \"FR1_irrigation\"\n"
                                     "annual_volume_hm3 = 80.0\n"));
    for (const char* side : {"a", "b"}) {
        const auto r = run_riparia({"run", dir / (std::string(side) + ".toml"), "--out",
                                    dir / (std::string(side) + "-out"), "--quiet"});
        REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    }
    const auto r = run_riparia({"compare", dir / "a-out", dir / "b-out", "--policy", "as built",
                                "--json", dir / "c.json"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const Json c = Json::parse(read_file(dir / "c.json"));
    // FRA's shortage by hand from the two run.json files: 1 - delivered / requested, in %.
    auto shortage = [&](const char* out) {
        const Json record = Json::parse(read_file(dir / (std::string(out) + "/run.json")));
        const Json& w =
            record["ensemble"]["runs"][0]["statistics"]["withdrawals_by_country"]["FRA"];
        double requested = 0, delivered = 0;
        for (std::size_t y = 0; y < w["requested_hm3"].size(); ++y) {
            requested += w["requested_hm3"][y].get<double>();
            delivered += w["delivered_hm3"][y].get<double>();
        }
        return 100 * (1 - delivered / requested);
    };
    const Json& g = c["headline"]["groups"][0];
    CHECK(g["policy"] == "as built");
    const double expected = shortage("b-out") - shortage("a-out");
    CHECK(expected > 0);
    CHECK(figure_of(g, "FRA")["difference"]["median"].get<double>() ==
          doctest::Approx(expected).epsilon(1e-12));
    CHECK(figure_of(g, "FR2")["label"] == "FRA->BEL"); // border points from results.nc
    CHECK(contains_fragment(r.out, "km3/yr"));
}
