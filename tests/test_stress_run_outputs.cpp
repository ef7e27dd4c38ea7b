// A study's stress.json and stress.csv through the real `riparia` executable on the demo basin
// (FRA upstream of BEL): every row carries its indicators with unit and description, the flow
// origin gives the headwater country no dependency and the pair FRA -> BEL exactly BEL's, the
// scenario rows carry their change from the baseline and say it in the reasons, and one thread
// and two give byte-identical tables.
#include "tests/stress_runs.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using riparia::test::read_file;
using riparia::test::ScratchDir;
using riparia::test::write_file;

namespace {

std::string study() {
    return "[study]\nname = \"stress outputs\"\nbasin = \"" + riparia::test::source_dir() +
           "/basins/demo/basin.toml\"\nstart = \"1990-01-01\"\nend = \"1993-12-31\"\n"
           "warmup_days = 365\n\n[ensemble]\npristine = true\n\n"
           "[[scenario]]\nname = \"baseline\"\n\n"
           "[[scenario]]\nname = \"dry\"\nprecipitation_factor = 0.7\n"
           "population = { FRA = 1.0e6, BEL = 2.0e6 }\n\n"
           "[[policy]]\nname = \"as built\"\n";
}

const nlohmann::json& row(const nlohmann::json& rows, const std::string& scenario,
                          const std::string& level, const std::string& item) {
    for (const auto& r : rows)
        if (r["scenario"] == scenario && r["level"] == level && r["item"] == item) return r;
    FAIL("no row " << scenario << " " << level << " " << item);
    return rows[0];
}

} // namespace

TEST_CASE("run stress tables: indicators per row, flow origin, change, threads") {
    ScratchDir dir("stress-run-outputs");
    write_file(dir / "study.toml", study());
    const auto rows =
        riparia::test::stress_rows_on_one_and_two_threads(dir.path().string(), dir / "study.toml");
    REQUIRE(!rows.empty());
    for (const auto& r : rows) {
        REQUIRE(r.contains("indicators"));
        for (const auto& [key, v] : r["indicators"].items()) {
            INFO(key);
            CHECK(v["p10"].get<double>() <= v["median"].get<double>());
            CHECK(v["median"].get<double>() <= v["p90"].get<double>());
            CHECK(!v["unit"].get<std::string>().empty());
            CHECK(!v["description"].get<std::string>().empty());
        }
    }
    const auto& fra = row(rows, "baseline", "unit", "FRA")["indicators"];
    const auto& bel = row(rows, "baseline", "unit", "BEL")["indicators"];
    CHECK(fra["dependency"]["median"].get<double>() == 0.0); // nothing flows into France
    const double bel_dependency = bel["dependency"]["median"].get<double>();
    CHECK(bel_dependency > 0.0);
    CHECK(bel_dependency < 1.0);
    // Two countries: all of Belgium's foreign water originates in France.
    CHECK(row(rows, "baseline", "pair", "FRA -> BEL")["indicators"]["dependency"]["median"] ==
          doctest::Approx(bel_dependency));
    for (const char* key :
         {"water_stress", "dry_season_stress", "aqueduct_score", "cv", "reliability",
          "upstream_impact", "dry_season_impact", "institutional_capacity"})
        CHECK_MESSAGE(bel.contains(key), key);
    CHECK(bel["dry_season_stress"]["median"].get<double>() >=
          bel["water_stress"]["median"].get<double>()); // less water, same months' demand
    CHECK(!bel.contains("per_capita"));                 // the demo basin states no population
    const auto& dry = row(rows, "dry", "unit", "BEL");
    CHECK(dry["indicators"]["per_capita"]["unit"] == "m3 per person per year");
    CHECK(dry["indicators"]["water_stress"].contains("change_from_baseline_median"));
    CHECK(dry["indicators"]["water_stress"]["change_from_baseline_median"].get<double>() > 0);
    CHECK(!bel["water_stress"].contains("change_from_baseline_median"));
    CHECK(dry["reasons"][0].get<std::string>().rfind("the 'dry' scenario cuts ", 0) == 0);
    const std::string csv = read_file(dir / "one/stress.csv");
    const std::string header = csv.substr(0, csv.find('\n'));
    for (const char* column :
         {",water_stress_ratio,", ",per_capita_m3,", ",dependency_share,",
          ",dry_season_impact_share,", ",reliability_share,", ",water_stress_ratio_change,"})
        CHECK_MESSAGE(header.find(column) != std::string::npos, column);
}
