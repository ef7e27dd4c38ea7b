// End-to-end tests of `riparia calibrate` on a synthetic study: headwaters A and B drain to the
// outlet C, with CSV forcing written here. "Observed" discharge is made by `riparia run --daily`
// with known GR4J parameters; the basin is then perturbed and calibrated back, and the
// recovered parameters, the fit of the targets, --update-basin and bad calibration files are
// checked.
#include "model/calendar.hpp"
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace calendar = riparia::calendar;
using namespace riparia::test;

namespace {

constexpr const char* kFirst = "2000-01-01";
constexpr const char* kLast = "2003-12-31";

// Deterministic daily weather, a different rain pattern per sub-basin.
std::string forcing_csv(unsigned salt) {
    std::string text = "date,P,E\n";
    const auto d0 = calendar::day_number(*calendar::parse_iso_date("1999-01-01"));
    const auto d1 = calendar::day_number(*calendar::parse_iso_date(kLast));
    for (auto d = d0; d <= d1; ++d) {
        const auto k = static_cast<unsigned long>(d) * 2654435761UL + salt * 40503UL;
        const double season = std::sin(2 * 3.14159265358979 * static_cast<double>(d % 365) / 365.0);
        const bool wet = (k >> 7) % 100 < static_cast<unsigned long>(30 + 15 * season);
        const double p = wet ? 0.5 + static_cast<double>((k >> 11) % 300) / 10.0 : 0.0;
        text += fmt::format("{},{:.2f},{:.2f}\n", calendar::to_iso(calendar::date_of(d)), p,
                            2.5 + 1.8 * season);
    }
    return text;
}

struct Params {
    double x1, x2, x3, x4;
};
constexpr Params kTrue{350.0, -0.8, 90.0, 1.7};
constexpr Params kPerturbed{800.0, 0.5, 200.0, 3.0};

std::string gr4j_of(const Params& p) {
    return fmt::format("{{ x1 = {}, x2 = {}, x3 = {}, x4 = {} }}", p.x1, p.x2, p.x3, p.x4);
}

std::string basin_toml(const Params& p) {
    auto sub = [&](const char* id, double area, const char* down, const char* routing) {
        std::string t = fmt::format("[[subbasin]]\nid = \"{}\"\nname = \"{} reach\"\ncountry = "
                                    "\"AAA\"\narea_km2 = {}\nlat = 45.0\nlon = 6.0\n",
                                    id, id, area);
        if (*down) t += fmt::format("downstream = \"{}\"\n", down);
        t += fmt::format("forcing = \"forcing/{}.csv\"\n# the parameters of {}\ngr4j = {}\n", id,
                         id, gr4j_of(p));
        if (*routing) t += std::string(routing) + "\n";
        return t + "\n";
    };
    return "# synthetic calibration basin\n[basin]\nname = \"calibration check\"\n\n" +
           sub("A", 500.0, "C", "") +
           sub("B", 800.0, "C", "routing = { lag_days = 1.0, k_days = 2.0 }") +
           sub("C", 400.0, "", "");
}

// Writes the study with the given parameters; returns the study path.
std::string write_study(const ScratchDir& dir, const Params& p) {
    std::filesystem::create_directories(dir.path() / "forcing");
    write_file(dir / "forcing/A.csv", forcing_csv(1));
    write_file(dir / "forcing/B.csv", forcing_csv(2));
    write_file(dir / "forcing/C.csv", forcing_csv(3));
    write_file(dir / "basin.toml", basin_toml(p));
    write_file(dir / "study.toml",
               fmt::format("[study]\nname = \"calibration\"\nbasin = \"basin.toml\"\nstart = "
                           "\"{}\"\nend = \"{}\"\nwarmup_days = 365\n",
                           kFirst, kLast));
    return dir / "study.toml";
}

// Runs the true basin and writes the outlet's daily discharge as obs.csv; returns its mean.
double write_observations(const ScratchDir& dir) {
    const std::string study = write_study(dir, kTrue);
    const CommandResult r = run_riparia({"run", study, "--out", dir / "truth", "--daily", "-q"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    std::size_t times = 0, nodes = 0;
    const auto q = read_netcdf_variable(dir / "truth/results.nc", "dis", &times, &nodes);
    REQUIRE(nodes == 3);
    const auto d0 = calendar::day_number(*calendar::parse_iso_date(kFirst));
    std::string csv = "date,value\n";
    double sum = 0;
    for (std::size_t t = 0; t < times; ++t) {
        const double v = q[t * nodes + 2]; // C
        sum += v;
        csv += fmt::format("{},{:.9g}\n", calendar::to_iso(calendar::date_of(d0 + std::int64_t(t))),
                           v);
    }
    write_file(dir / "obs.csv", csv);
    return sum / static_cast<double>(times);
}

const char* kGroupAll = R"(
[[group]]
name = "all"
subbasins = ["A", "B", "C"]
x1 = [50, 1500]
x2 = [-3, 3]
x3 = [10, 500]
x4 = [0.5, 5]
)";

std::string calibration_toml(const std::string& groups, const std::string& targets,
                             int evaluations) {
    return fmt::format("[calibration]\nstudy = \"study.toml\"\nalgorithm = \"crs2\"\n"
                       "max_evaluations = {}\nseed = 1\n{}{}",
                       evaluations, groups, targets);
}

const char* kSeriesTarget = R"(
[[target]]
kind = "series"
subbasin = "C"
file = "obs.csv"
unit = "m3s"
metric = "kge"
source = "riparia run with the true parameters"
)";

nlohmann::json read_json(const std::string& path) {
    return nlohmann::json::parse(read_file(path));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("calibrate: a KGE series target recovers the GR4J parameters") {
    ScratchDir dir("calibrate-recover");
    write_observations(dir);
    write_study(dir, kPerturbed);
    write_file(dir / "cal.toml", calibration_toml(kGroupAll, kSeriesTarget, 3000));
    const CommandResult r = run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "out"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto j = read_json(dir / "out/calibration.json");
    const auto& p = j["groups"][0]["parameters"];
    INFO(j.dump(1));
    CHECK(p["x1"].get<double>() == doctest::Approx(kTrue.x1).epsilon(0.03));
    CHECK(p["x2"].get<double>() == doctest::Approx(kTrue.x2).epsilon(0.03));
    CHECK(p["x3"].get<double>() == doctest::Approx(kTrue.x3).epsilon(0.03));
    CHECK(p["x4"].get<double>() == doctest::Approx(kTrue.x4).epsilon(0.03));
    CHECK(j["targets"][0]["after"].get<double>() > 0.99);
    CHECK(j["targets"][0]["before"].get<double>() < 0.99);
    CHECK(j["evaluations"].get<int>() <= 3000);
    CHECK(j["seed"].get<int>() == 1);
}

TEST_CASE("calibrate: a mean annual flow target is met within 1 %") {
    ScratchDir dir("calibrate-mean");
    write_study(dir, kTrue);
    // Reach a flow 15 % below the basin's own by fitting the groundwater exchange X2 alone.
    write_file(dir / "cal0.toml",
               calibration_toml("[[group]]\nname = \"all\"\nsubbasins = [\"A\", \"B\", \"C\"]\n"
                                "x2 = [-3, 3]\n",
                                "[[target]]\nkind = \"mean_annual_flow\"\nsubbasin = \"C\"\n"
                                "value_km3 = 1.0\n",
                                20));
    const CommandResult r0 =
        run_riparia({"calibrate", dir / "cal0.toml", "--out", dir / "o0", "-q"});
    REQUIRE_MESSAGE(r0.exit_code == 0, describe(r0));
    const double natural = read_json(dir / "o0/calibration.json")["targets"][0]["before"];
    const double target = 0.85 * natural;
    write_file(dir / "cal.toml",
               calibration_toml("[[group]]\nname = \"all\"\nsubbasins = [\"A\", \"B\", \"C\"]\n"
                                "x2 = [-3, 3]\n",
                                fmt::format("[[target]]\nkind = \"mean_annual_flow\"\nsubbasin = "
                                            "\"C\"\nvalue_km3 = {}\nsource = \"test\"\n",
                                            target),
                                200));
    const CommandResult r = run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "out"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto j = read_json(dir / "out/calibration.json");
    INFO(j.dump(1));
    CHECK(j["targets"][0]["after"].get<double>() == doctest::Approx(target).epsilon(0.01));
    CHECK(j["targets"][0]["source"] == "test");
    CHECK(contains_fragment(r.out, "mean_annual_flow"));
    CHECK(leftovers_in(dir / "out").empty());
    // Deterministic: the same file and seed give the same parameters.
    const CommandResult again =
        run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "o2", "-q"});
    REQUIRE_MESSAGE(again.exit_code == 0, describe(again));
    CHECK(read_json(dir / "o2/calibration.json")["groups"] == j["groups"]);
}

TEST_CASE("calibrate: --update-basin rewrites exactly the parameter lines") {
    ScratchDir dir("calibrate-update");
    write_study(dir, kTrue);
    const std::string before = read_file(dir / "basin.toml");
    write_file(dir / "cal.toml",
               calibration_toml("[[group]]\nname = \"heads\"\nsubbasins = [\"A\", \"B\"]\n"
                                "x1 = [100, 900]\nk_days = [0.5, 10]\n",
                                "[[target]]\nkind = \"annual_flow_cv\"\nsubbasin = \"C\"\n"
                                "value = 0.3\n",
                                40));
    const CommandResult r =
        run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "out", "--update-basin", "-q"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto p = read_json(dir / "out/calibration.json")["groups"][0]["parameters"];
    const double x1 = p["x1"], k = p["k_days"];
    const std::string gr4j_line =
        fmt::format("gr4j = {{ x1 = {:.7g}, x2 = -0.8, x3 = 90, x4 = 1.7 }}", x1);
    // Expected: A's gr4j line replaced and a routing line added after it (A had none, lag kept
    // at 0); B's gr4j and routing lines replaced; everything else, comments included, kept.
    std::vector<std::string> expected;
    std::string current;
    for (const std::string& line : lines_of(before)) {
        if (line.rfind("id = ", 0) == 0) current = line;
        const bool head = current == "id = \"A\"" || current == "id = \"B\"";
        if (head && line.rfind("gr4j = ", 0) == 0) {
            expected.push_back(gr4j_line);
            if (current == "id = \"A\"")
                expected.push_back(fmt::format("routing = {{ lag_days = 0, k_days = {:.7g} }}", k));
        } else if (head && line.rfind("routing = ", 0) == 0) {
            expected.push_back(fmt::format("routing = {{ lag_days = 1, k_days = {:.7g} }}", k));
        } else {
            expected.push_back(line);
        }
    }
    CHECK(lines_of(read_file(dir / "basin.toml")) == expected);
    CHECK(leftovers_in(dir.path()).empty());
    const CommandResult check = run_riparia({"check", dir / "study.toml"});
    CHECK_MESSAGE(check.exit_code == 0, describe(check));
}

TEST_CASE("calibrate: bad calibration files exit 2 and name the place") {
    ScratchDir dir("calibrate-bad");
    write_study(dir, kTrue);
    write_file(dir / "obs.csv", "date,value\n2000-01-01,1.0\n2000-01-02,2.0\n2000-01-03,x\n");
    const std::string mean =
        "[[target]]\nkind = \"mean_annual_flow\"\nsubbasin = \"C\"\nvalue_km3 = 1.0\n";
    struct Case {
        std::string name, groups, targets;
        std::vector<std::string> fragments;
    };
    const std::vector<Case> cases = {
        {"unknown sub-basin",
         "[[group]]\nname = \"g\"\nsubbasins = [\"A\", \"NOPE\"]\nx1 = [1, 2]\n",
         mean,
         {"cal.toml:<col>:<col>", "group 'g' key 'subbasins'", "'NOPE'",
          "expected a sub-basin id"}},
        {"bounds reversed",
         "[[group]]\nname = \"g\"\nsubbasins = [\"A\"]\nx1 = [900, 100]\n",
         mean,
         {"cal.toml:", "key 'x1'", "found [900, 100]", "lower < upper"}},
        {"x4 outside the model",
         "[[group]]\nname = \"g\"\nsubbasins = [\"A\"]\nx4 = [0.1, 4]\n",
         mean,
         {"key 'x4'", "model's range"}},
        {"unknown kind",
         kGroupAll,
         "[[target]]\nkind = \"flux\"\nsubbasin = \"C\"\nvalue = 1.0\n",
         {"cal.toml:", "target 1 key 'kind'", "'flux'", "'mean_annual_flow'"}},
        {"unknown metric",
         kGroupAll,
         "[[target]]\nkind = \"series\"\nsubbasin = \"C\"\nfile = \"obs.csv\"\nmetric = \"rmse\"\n",
         {"target 1 key 'metric'", "'rmse'", "'kge'"}},
        {"bad series row",
         kGroupAll,
         "[[target]]\nkind = \"series\"\nsubbasin = \"C\"\nfile = \"obs.csv\"\n",
         {"obs.csv:4:", "'2000-01-03,x'", "expected a value"}},
        {"unknown target sub-basin",
         kGroupAll,
         "[[target]]\nkind = \"annual_flow_cv\"\nsubbasin = \"Z\"\nvalue = 0.2\n",
         {"target 1 key 'subbasin'", "'Z'"}},
        {"misspelt key",
         kGroupAll,
         "[[target]]\nkind = \"annual_flow_cv\"\nsubbasin = \"C\"\nvalue = 0.2\nweigth = 2\n",
         {"weigth", "weight"}},
        {"no groups", "", mean, {"cal.toml", "[[group]]"}},
    };
    for (const Case& c : cases) {
        SUBCASE(c.name.c_str()) {
            write_file(dir / "cal.toml", calibration_toml(c.groups, c.targets, 50));
            const CommandResult r =
                run_riparia({"calibrate", dir / "cal.toml", "--out", dir / "out"});
            INFO(describe(r));
            CHECK(r.exit_code == 2);
            for (const auto& f : c.fragments) {
                INFO("expected in stderr: " << f);
                CHECK(contains_fragment(r.err, f));
            }
            CHECK_FALSE(std::filesystem::exists(dir / "out"));
        }
    }
}
