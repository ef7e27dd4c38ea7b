// `riparia calibrate` with `[calibration] members = N`: mean and CV targets are compared with the
// average over the first N weather-generator members. Checked against the members' mean annual
// flows that `riparia run` reports independently in run.json, and bad values of `members`.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace riparia::test;

namespace {

// The demo basin without management, each sub-basin with a monthly climatology.
void write_generator_basin(const std::string& path) {
    const std::string demo = read_file(source_dir() + "/basins/demo/basin.toml");
    const std::string climate =
        "climate = { precip_mm = [90,80,75,70,70,65,60,55,65,75,90,95], "
        "wet_day_fraction = [0.55,0.5,0.5,0.45,0.45,0.4,0.35,0.35,0.4,0.45,0.55,0.55], "
        "temperature_c = [3,4,7,10,14,17,19,19,16,12,7,4] }";
    std::string text, line;
    std::istringstream in(demo);
    bool management = false;
    while (std::getline(in, line)) {
        // Stop at the first management table: natural flows are what the targets describe.
        management = management || line.rfind("[[reservoir", 0) == 0 ||
                     line.rfind("[[demand", 0) == 0 || line.rfind("[[environmental", 0) == 0 ||
                     line.rfind("[[agreement", 0) == 0;
        if (!management) text += (line.rfind("forcing =", 0) == 0 ? climate : line) + "\n";
    }
    write_file(path, text);
}

void write_study(const ScratchDir& dir) {
    write_generator_basin(dir / "basin.toml");
    write_file(dir / "study.toml",
               "[study]\nname = \"members\"\nbasin = \"basin.toml\"\nstart = \"2001-01-01\"\n"
               "end = \"2006-12-31\"\nwarmup_days = 365\n\n[forcing]\nsource = \"generator\"\n\n"
               "[ensemble]\nmembers = 3\nseed = 5\n");
}

void write_calibration(const ScratchDir& dir, int members, const std::string& extra_target) {
    write_file(dir / "cal.toml",
               fmt::format("[calibration]\nstudy = \"study.toml\"\nmax_evaluations = 10\n"
                           "local = \"none\"\nmembers = {}\n\n[[group]]\nname = \"all\"\n"
                           "subbasins = [\"FR1\", \"FR3\"]\nx1 = [100.0, 900.0]\n\n"
                           "[[target]]\nkind = \"mean_annual_flow\"\nsubbasin = \"BE1\"\n"
                           "value_km3 = 1.0\n{}",
                           members, extra_target));
}

// Mean over the members of each member's mean annual outflow of `node` (complete years only),
// from the run summaries of `riparia run`.
std::vector<double> member_means(const std::string& run_json, const std::string& node) {
    const auto record = nlohmann::json::parse(read_file(run_json));
    std::vector<double> means;
    for (const auto& run : record["ensemble"]["runs"]) {
        const auto& stats = run["statistics"];
        double sum = 0;
        int years = 0;
        for (std::size_t y = 0; y < stats["days"].size(); ++y) {
            if (stats["days"][y].get<int>() < 365) continue;
            sum += stats["outflow_km3"][node][y].get<double>();
            ++years;
        }
        means.push_back(sum / years);
    }
    return means;
}

double calibrated_before(const std::string& calibration_json) {
    const auto result = nlohmann::json::parse(read_file(calibration_json));
    return result["targets"][0]["before"].get<double>();
}

} // namespace

TEST_CASE("calibrate: members = N compares mean targets with the members' average") {
    ScratchDir dir("calibration-members");
    write_study(dir);
    const CommandResult run =
        run_riparia({"run", dir / "study.toml", "--out", dir / "run", "--quiet"});
    REQUIRE_MESSAGE(run.exit_code == 0, describe(run));
    const std::vector<double> means = member_means(dir / "run/run.json", "BE1");
    REQUIRE(means.size() == 3);
    // The members differ (otherwise averaging them would prove nothing).
    CHECK(means[0] != doctest::Approx(means[1]).epsilon(1e-6));

    write_calibration(dir, 3, "");
    const CommandResult three =
        run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "cal3", "--quiet"});
    REQUIRE_MESSAGE(three.exit_code == 0, describe(three));
    const double average = (means[0] + means[1] + means[2]) / 3.0;
    CHECK(calibrated_before(dir / "cal3/calibration.json") ==
          doctest::Approx(average).epsilon(1e-9));

    write_calibration(dir, 1, "");
    const CommandResult one =
        run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "cal1", "--quiet"});
    REQUIRE_MESSAGE(one.exit_code == 0, describe(one));
    CHECK(calibrated_before(dir / "cal1/calibration.json") ==
          doctest::Approx(means[0]).epsilon(1e-9));

    // The objective does not depend on the thread count.
    const CommandResult threaded = run_riparia(
        {"calibrate", dir / "cal.toml", "--out", dir / "cal1t", "--quiet", "--threads", "2"});
    REQUIRE_MESSAGE(threaded.exit_code == 0, describe(threaded));
    write_calibration(dir, 3, "");
    const CommandResult three_threaded = run_riparia(
        {"calibrate", dir / "cal.toml", "--out", dir / "cal3t", "--quiet", "--threads", "2"});
    REQUIRE_MESSAGE(three_threaded.exit_code == 0, describe(three_threaded));
    CHECK(read_file(dir / "cal3t/calibration.json").find("\"after\"") != std::string::npos);
    const auto a = nlohmann::json::parse(read_file(dir / "cal3/calibration.json"));
    const auto b = nlohmann::json::parse(read_file(dir / "cal3t/calibration.json"));
    CHECK(a["objective"] == b["objective"]);
    CHECK(a["groups"] == b["groups"]);
}

TEST_CASE("calibrate: bad members") {
    ScratchDir dir("calibration-members-bad");
    write_study(dir);
    struct Case {
        int members;
        std::string extra, fragment;
    };
    const std::vector<Case> cases = {
        {0, "", "found 0, expected 1 .. 1000"},
        {4, "", "members = 4 but the study"},
        {2,
         "\n[[target]]\nkind = \"series\"\nsubbasin = \"BE1\"\nfile = \"obs.csv\"\nunit = "
         "\"m3s\"\nmetric = \"kge\"\n",
         "expected members = 1 with series targets"},
    };
    write_file(dir / "obs.csv", "date,value\n2002-01-01,10\n2002-01-02,11\n");
    for (const Case& c : cases) {
        write_calibration(dir, c.members, c.extra);
        const CommandResult r =
            run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "out", "--quiet"});
        CHECK_MESSAGE(r.exit_code == 2, describe(r));
        CHECK_MESSAGE(contains_fragment(r.err, c.fragment), describe(r));
        CHECK_MESSAGE(contains_fragment(r.err, "cal.toml"), describe(r));
    }
}
