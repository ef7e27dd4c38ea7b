#include "tests/report_study.hpp"

#include "tests/cli_checks.hpp"

#include <doctest/doctest.h>
#include <set>

namespace riparia::test {

std::string run_report_study(const ScratchDir& dir) {
    const std::string basin = source_dir() + "/basins/demo/basin.toml";
    write_file(dir / "study.toml",
               "[study]\nname = \"report test\"\nbasin = \"" + basin +
                   "\"\nstart = \"1990-01-01\"\nend = \"1993-12-31\"\nwarmup_days = 365\n\n"
                   "[ensemble]\npristine = true\n\n"
                   "[[scenario]]\nname = \"baseline\"\n\n"
                   "[[scenario]]\nname = \"dry\"\nprecipitation_factor = 0.8\n"
                   "demand_growth = { FRA = 1.5 }\n\n"
                   "[[policy]]\nname = \"as built\"\n\n"
                   "[[policy]]\nname = \"more irrigation\"\n"
                   "[[policy.demand]]\nid = \"FR1_irrigation\"\nannual_volume_hm3 = 60.0\n");
    const std::string out = dir / "out";
    const auto r = run_riparia({"run", dir / "study.toml", "--out", out, "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    return out;
}

nlohmann::json embedded_report_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    const auto start = page.find(open);
    REQUIRE(start != std::string::npos);
    const auto end = page.find("</script>", start);
    REQUIRE(end != std::string::npos);
    return nlohmann::json::parse(page.substr(start + open.size(), end - start - open.size()));
}

std::vector<std::string> stress_units(const std::string& stress_json_path) {
    std::set<std::string> units;
    const nlohmann::json stress = nlohmann::json::parse(read_file(stress_json_path));
    for (const auto& row : stress["rows"]) {
        if (row["level"] == "unit") units.insert(row["item"].get<std::string>());
    }
    return {units.begin(), units.end()};
}

} // namespace riparia::test
