// End-to-end tests of the real `riparia` executable. A small valid study (two headwaters A and B
// flowing into C) is generated in a scratch folder: it checks, runs and writes exactly results.nc
// and run.json. Then each kind of bad input is injected into that study, one at a time: riparia
// must exit with code 2, say where (file and line or key) and what is wrong, and leave no output
// folder and no staging folder behind.
#include "model/calendar.hpp"
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
namespace calendar = riparia::calendar;
using riparia::test::CommandResult;
using riparia::test::contains_fragment;
using riparia::test::describe;
using riparia::test::entries_of;
using riparia::test::Fragments;
using riparia::test::gr4j;
using riparia::test::leftovers_in;
using riparia::test::number;
using riparia::test::quoted;
using riparia::test::run_riparia;
using riparia::test::ScratchDir;
using riparia::test::TomlLines;

namespace {

// ---------------------------------------------------------------------------------------------
// Fixture text

// Deterministic daily forcing from `first` to `last` (ISO dates) with the given value columns,
// a subset of "PET" in that order: P in wet and dry spells, E and T seasonal (T below 0 in winter).
std::string forcing_csv(const std::string& columns, const std::string& first,
                        const std::string& last) {
    std::string text = "date";
    for (char c : columns)
        text += std::string(",") + c;
    text += "\n";
    const auto d0 = calendar::day_number(*calendar::parse_iso_date(first));
    const auto d1 = calendar::day_number(*calendar::parse_iso_date(last));
    for (auto d = d0; d <= d1; ++d) {
        const auto k = static_cast<unsigned long>(d);
        const double season = std::sin(2 * 3.14159265358979 * static_cast<double>(d % 365) / 365.0);
        text += calendar::to_iso(calendar::date_of(d));
        for (char c : columns) {
            double v = 0;
            if (c == 'P')
                v = (k * 7919 % 100) < 35 ? 0.5 + static_cast<double>(k * 31 % 200) / 10 : 0;
            if (c == 'E') v = 2.0 + 1.5 * season;
            if (c == 'T') v = 5.0 + 12.0 * season + static_cast<double>(k % 5) - 2.0;
            text += "," + number(v);
        }
        text += "\n";
    }
    return text;
}

// The 1-based line of the first line of `text` that starts with `prefix` (occurrence n).
int line_of(const std::string& text, const std::string& prefix, int occurrence = 1) {
    int line = 1;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        if (text.compare(pos, prefix.size(), prefix) == 0 && --occurrence == 0) return line;
        const std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) break;
        pos = end + 1;
        ++line;
    }
    FAIL("fixture has no line starting with '" << prefix << "'");
    return -1;
}

// Replaces the CSV row of `date` by `row` (or removes it when `row` is empty).
void edit_row(std::string& csv, const std::string& date, const std::string& row) {
    const std::size_t at = csv.find("\n" + date + ",");
    REQUIRE(at != std::string::npos);
    const std::size_t end = csv.find('\n', at + 1);
    csv.replace(at + 1, end - at, row.empty() ? "" : row + "\n");
}

constexpr std::size_t kA = 0, kB = 1, kC = 2;

// A valid study: A (P,E; channel routing) and B (P,T only: Oudin PET) flow into C (P,E,T with a
// snow table), 2000-01-01 .. 2001-12-31 after 31 warm-up days.
struct Study {
    TomlLines study{"[study]",
                    {{"name", quoted("CLI end-to-end")},
                     {"basin", quoted("basin.toml")},
                     {"start", quoted("2000-01-01")},
                     {"end", quoted("2001-12-31")},
                     {"warmup_days", "31"}}};
    TomlLines basin{"[basin]", {{"name", quoted("Three sub-basins")}}};
    std::vector<TomlLines> subbasins = {
        {"[[subbasin]]",
         {{"id", quoted("A")},
          {"name", quoted("West headwater")},
          {"country", quoted("FRA")},
          {"area_km2", "120.0"},
          {"lat", "45.8"},
          {"lon", "6.1"},
          {"downstream", quoted("C")},
          {"forcing", quoted("forcing/a.csv")},
          {"gr4j", gr4j("320.0", "0.4", "85.0", "1.6")},
          {"routing", "{ lag_days = 1.5, k_days = 2.0 }"}}},
        {"[[subbasin]]",
         {{"id", quoted("B")},
          {"name", quoted("East headwater")},
          {"country", quoted("CHE")},
          {"area_km2", "80.0"},
          {"lat", "46.2"},
          {"lon", "7.0"},
          {"downstream", quoted("C")},
          {"forcing", quoted("forcing/b.csv")},
          {"gr4j", gr4j("250.0", "-0.3", "60.0", "1.2")},
          {"initial", "{ production_fill = 0.4, routing_fill = 0.6 }"}}},
        {"[[subbasin]]",
         {{"id", quoted("C")},
          {"name", quoted("Valley outlet")},
          {"country", quoted("FRA")},
          {"area_km2", "250.0"},
          {"lat", "45.2"},
          {"lon", "5.7"},
          {"elevation_m", "1450.0"},
          {"forcing", quoted("forcing/c.csv")},
          {"gr4j", gr4j("400.0", "0.8", "110.0", "2.4")},
          {"snow", "{ threshold_c = 0.0, melt_factor_mm_per_c_day = 3.0 }"}}},
    };
    std::map<std::string, std::string> files = {
        {"forcing/a.csv", forcing_csv("PE", "1999-12-01", "2001-12-31")},
        {"forcing/b.csv", forcing_csv("PT", "1999-12-01", "2001-12-31")},
        {"forcing/c.csv", forcing_csv("PET", "1999-12-01", "2001-12-31")},
    };

    TomlLines& sub(std::size_t index) { return subbasins.at(index); }

    std::string study_text() const { return study.render(); }
    std::string basin_text() const {
        std::string text = basin.render();
        for (const auto& s : subbasins)
            text += "\n" + s.render();
        return text;
    }
    // "study.toml:N:<col>:" for the line starting with `prefix` (see contains_fragment).
    std::string study_at(const std::string& prefix, int occurrence = 1) const {
        return "study.toml:" + std::to_string(line_of(study_text(), prefix, occurrence)) +
               ":<col>:";
    }
    std::string basin_at(const std::string& prefix, int occurrence = 1) const {
        return "basin.toml:" + std::to_string(line_of(basin_text(), prefix, occurrence)) +
               ":<col>:";
    }

    // Writes study.toml, basin.toml and the forcing files into `dir`; returns the study path.
    std::string write(const fs::path& dir) const {
        riparia::test::write_file((dir / "study.toml").string(), study_text());
        riparia::test::write_file((dir / "basin.toml").string(), basin_text());
        for (const auto& [name, content] : files) {
            riparia::test::write_file((dir / name).string(), content);
        }
        return (dir / "study.toml").string();
    }
};

// ---------------------------------------------------------------------------------------------
// Checks

std::size_t time_records(const std::string& results_nc) {
    std::size_t times = 0, nodes = 0;
    riparia::test::read_netcdf_variable(results_nc, "dis", &times, &nodes);
    CHECK(nodes == 3);
    return times;
}

using BadInput = riparia::test::BadInput<Study>;
void expect_all_refused(const std::vector<BadInput>& cases) {
    riparia::test::expect_all_refused(cases);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// A. The happy path

TEST_CASE("cli: check accepts the valid three-sub-basin study") {
    ScratchDir dir("cli-check");
    const std::string study = Study{}.write(dir.path());
    const CommandResult r = run_riparia({"check", study});
    INFO(describe(r));
    CHECK(r.exit_code == 0);
    CHECK(contains_fragment(r.out, ": ok"));
    CHECK(contains_fragment(r.out, "3 sub-basins, 1 outlet(s), 1 with snow"));
    CHECK(contains_fragment(r.out, "2000-01-01 .. 2001-12-31 after 31 warm-up days"));
    CHECK(entries_of(dir.path()) ==
          std::vector<std::string>{"basin.toml", "forcing", "study.toml"});
}

TEST_CASE("cli: run writes exactly results.nc and run.json, monthly by default") {
    ScratchDir dir("cli-run");
    const std::string study = Study{}.write(dir.path());
    const fs::path out = dir.path() / "out";
    const CommandResult r = run_riparia({"run", study, "--out", out.string(), "--quiet"});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty()); // --quiet: no summary
    REQUIRE(fs::is_directory(out));
    CHECK(entries_of(out) == std::vector<std::string>{"layers.gpkg", "report.html", "results.nc",
                                                      "run.json", "stress.csv", "stress.json",
                                                      "stress.tif"});
    CHECK(leftovers_in(dir.path()).empty());
    CHECK(time_records((out / "results.nc").string()) == 24);

    const std::string record = riparia::test::read_file((out / "run.json").string());
    CHECK(contains_fragment(record, "\"sha256\""));
    CHECK(contains_fragment(record, "\"water_balance\""));
}

TEST_CASE("cli: a reach loss fraction is read, recorded per basin and printed") {
    ScratchDir dir("cli-loss");
    Study s;
    s.sub(kA).set("routing", "{ lag_days = 1.5, k_days = 2.0, loss_fraction = 0.5 }");
    const std::string study = s.write(dir.path());
    const fs::path out = dir.path() / "out";
    const CommandResult r = run_riparia({"run", study, "--out", out.string()});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(contains_fragment(r.out, "reach losses "));
    const std::string record = riparia::test::read_file((out / "run.json").string());
    CHECK(contains_fragment(record, "\"reach_loss_hm3\""));
}

TEST_CASE("cli: run --daily writes one record per day of the study period") {
    ScratchDir dir("cli-daily");
    const std::string study = Study{}.write(dir.path());
    const fs::path out = dir.path() / "daily";
    const CommandResult r =
        run_riparia({"run", study, "--out", out.string(), "--daily", "--threads", "2", "--quiet"});
    INFO(describe(r));
    REQUIRE(r.exit_code == 0);
    CHECK(entries_of(out) == std::vector<std::string>{"layers.gpkg", "report.html", "results.nc",
                                                      "run.json", "stress.csv", "stress.json",
                                                      "stress.tif"});
    CHECK(leftovers_in(dir.path()).empty());
    std::size_t times = 0, nodes = 0;
    const auto q =
        riparia::test::read_netcdf_variable((out / "results.nc").string(), "dis", &times, &nodes);
    CHECK(times == 731); // 2000 is a leap year: 366 + 365, warm-up days not written
    CHECK(nodes == 3);
    CHECK(std::all_of(q.begin(), q.end(), [](double v) { return std::isfinite(v) && v >= 0; }));
    CHECK(std::any_of(q.begin(), q.end(), [](double v) { return v > 0; }));
}

TEST_CASE("cli: running again into the same --out replaces the earlier run") {
    ScratchDir dir("cli-rerun");
    const std::string study = Study{}.write(dir.path());
    const fs::path out = dir.path() / "out";
    const std::string results = (out / "results.nc").string();

    const CommandResult first = run_riparia({"run", study, "--out", out.string(), "--daily", "-q"});
    INFO("first run: " << describe(first));
    REQUIRE(first.exit_code == 0);
    REQUIRE(time_records(results) == 731);

    const CommandResult second = run_riparia({"run", study, "--out", out.string(), "-q"});
    INFO("second run: " << describe(second));
    CHECK(second.exit_code == 0);
    CHECK(entries_of(out) == std::vector<std::string>{"layers.gpkg", "report.html", "results.nc",
                                                      "run.json", "stress.csv", "stress.json",
                                                      "stress.tif"});
    CHECK(time_records(results) == 24); // the monthly run replaced the daily one
    CHECK(leftovers_in(dir.path()).empty());
}

TEST_CASE("cli: an existing non-empty --out without run.json is refused") {
    ScratchDir dir("cli-occupied");
    const std::string study = Study{}.write(dir.path());
    const fs::path out = dir.path() / "precious";
    riparia::test::write_file((out / "notes.txt").string(), "not a riparia run\n");

    const CommandResult r = run_riparia({"run", study, "--out", out.string(), "--quiet"});
    INFO(describe(r));
    CHECK(r.exit_code == 2);
    CHECK(contains_fragment(r.err, "precious"));
    CHECK(contains_fragment(r.err, "run.json"));
    CHECK(entries_of(out) == std::vector<std::string>{"notes.txt"});
    CHECK(riparia::test::read_file((out / "notes.txt").string()) == "not a riparia run\n");
    CHECK(leftovers_in(dir.path()).empty());
}

TEST_CASE("cli: --version and --help") {
    const CommandResult version = run_riparia({"--version"});
    INFO("--version: " << describe(version));
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("riparia ", 0) == 0);

    for (const auto& args :
         {std::vector<std::string>{"--help"}, std::vector<std::string>{"run", "--help"}}) {
        const CommandResult help = run_riparia(args);
        INFO("riparia " << args.front() << (args.size() > 1 ? " " + args[1] : "") << ": "
                        << describe(help));
        CHECK(help.exit_code == 0);
        for (const char* option : {"--out", "--daily", "--threads"}) {
            INFO("expected in the help: " << std::string(option));
            CHECK(contains_fragment(help.out, option));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// B. Bad inputs: exit 2, a message with place and problem, nothing written

TEST_CASE("cli: bad study files are refused") {
    expect_all_refused({
        {"malformed TOML in the study",
         [](Study& s) -> Fragments {
             s.study.set("start", "\"2000-01-01"); // unterminated string
             return {s.study_at("start ="), "malformed TOML"};
         }},
        {"unknown key in [study]",
         [](Study& s) -> Fragments {
             s.study.rename("start", "strat");
             return {s.study_at("strat ="), "unknown key 'strat'", "did you mean 'start'"};
         }},
        {"study without basin",
         [](Study& s) -> Fragments {
             s.study.erase("basin");
             return {s.study_at("[study]"), "[study]", "missing required key 'basin'"};
         }},
        {"start of the wrong type",
         [](Study& s) -> Fragments {
             s.study.set("start", "5");
             return {s.study_at("start ="), "key 'start'", "expected a date"};
         }},
        {"start after end",
         [](Study& s) -> Fragments {
             s.study.set("start", quoted("2001-06-01"));
             s.study.set("end", quoted("2001-01-01"));
             return {s.study_at("end ="), "key 'end'", "2001-01-01", "before start 2001-06-01"};
         }},
        {"invalid date",
         [](Study& s) -> Fragments {
             s.study.set("end", quoted("2001-02-30"));
             return {s.study_at("end ="), "key 'end'", "'2001-02-30'", "expected a valid date"};
         }},
    });
}

TEST_CASE("cli: bad basin files are refused") {
    expect_all_refused({
        {"malformed TOML in the basin",
         [](Study& s) -> Fragments {
             s.sub(kB).set("area_km2", "80.0.5");
             return {s.basin_at("area_km2 =", 2), "malformed TOML"};
         }},
        {"unknown key in a subbasin",
         [](Study& s) -> Fragments {
             s.sub(kA).rename("area_km2", "aera_km2");
             return {s.basin_at("aera_km2 ="), "subbasin 'A'", "unknown key 'aera_km2'",
                     "did you mean 'area_km2'"};
         }},
        {"unknown key in the gr4j inline table",
         [](Study& s) -> Fragments {
             s.sub(kB).set("gr4j", "{ x1 = 250.0, x2 = -0.3, x3 = 60.0, x4 = 1.2, x5 = 3.0 }");
             return {s.basin_at("gr4j =", 2), "subbasin 'B' gr4j", "unknown key 'x5'"};
         }},
        {"subbasin without area_km2",
         [](Study& s) -> Fragments {
             s.sub(kA).erase("area_km2");
             return {s.basin_at("[[subbasin]]", 1), "subbasin 'A'",
                     "missing required key 'area_km2'"};
         }},
        {"subbasin without gr4j",
         [](Study& s) -> Fragments {
             s.sub(kC).erase("gr4j");
             return {s.basin_at("[[subbasin]]", 3), "subbasin 'C'", "missing required key 'gr4j'"};
         }},
        {"area_km2 of the wrong type",
         [](Study& s) -> Fragments {
             s.sub(kA).set("area_km2", quoted("big"));
             return {s.basin_at("area_km2 ="), "subbasin 'A' key 'area_km2'",
                     "found a string, expected a number"};
         }},
        {"negative area",
         [](Study& s) -> Fragments {
             s.sub(kB).set("area_km2", "-80.0");
             return {s.basin_at("area_km2 =", 2), "subbasin 'B' key 'area_km2'", "found -80",
                     "expected an area > 0"};
         }},
        {"zero area",
         [](Study& s) -> Fragments {
             s.sub(kC).set("area_km2", "0.0");
             return {s.basin_at("area_km2 =", 3), "subbasin 'C' key 'area_km2'", "found 0,",
                     "expected an area > 0"};
         }},
        {"country not ISO alpha-3",
         [](Study& s) -> Fragments {
             s.sub(kB).set("country", quoted("Egypt"));
             return {s.basin_at("country =", 2), "subbasin 'B' key 'country'", "'Egypt'",
                     "ISO 3166 alpha-3"};
         }},
        {"latitude out of range",
         [](Study& s) -> Fragments {
             s.sub(kA).set("lat", "95.0");
             return {s.basin_at("lat ="), "subbasin 'A' key 'lat'", "found 95,", "[-90, 90]"};
         }},
        {"initial production_fill above 1",
         [](Study& s) -> Fragments {
             s.sub(kB).set("initial", "{ production_fill = 1.5, routing_fill = 0.6 }");
             return {s.basin_at("initial ="), "subbasin 'B' initial key 'production_fill'",
                     "found 1.5", "[0, 1]"};
         }},
        {"negative routing lag",
         [](Study& s) -> Fragments {
             s.sub(kA).set("routing", "{ lag_days = -1.0, k_days = 2.0 }");
             return {s.basin_at("routing ="), "subbasin 'A' routing key 'lag_days'", "found -1,",
                     "expected a lag in [0,"};
         }},
        {"routing loss_fraction above 0.95",
         [](Study& s) -> Fragments {
             s.sub(kA).set("routing", "{ lag_days = 1.5, k_days = 2.0, loss_fraction = 0.97 }");
             return {s.basin_at("routing ="), "subbasin 'A' routing key 'loss_fraction'",
                     "found 0.97,", "expected a fraction in [0, 0.95]"};
         }},
    });
}

TEST_CASE("cli: GR4J parameters out of range are refused") {
    expect_all_refused({
        {"x1 = 0",
         [](Study& s) -> Fragments {
             s.sub(kA).set("gr4j", gr4j("0.0", "0.4", "85.0", "1.6"));
             return {s.basin_at("gr4j ="), "subbasin 'A' gr4j key 'x1'", "found 0,", "> 0 mm"};
         }},
        {"x1 < 0",
         [](Study& s) -> Fragments {
             s.sub(kB).set("gr4j", gr4j("-50.0", "-0.3", "60.0", "1.2"));
             return {s.basin_at("gr4j =", 2), "subbasin 'B' gr4j key 'x1'", "found -50,", "> 0 mm"};
         }},
        {"x3 = 0",
         [](Study& s) -> Fragments {
             s.sub(kC).set("gr4j", gr4j("400.0", "0.8", "0", "2.4"));
             return {s.basin_at("gr4j =", 3), "subbasin 'C' gr4j key 'x3'", "found 0,", "> 0 mm"};
         }},
        {"x4 = 0.3",
         [](Study& s) -> Fragments {
             s.sub(kA).set("gr4j", gr4j("320.0", "0.4", "85.0", "0.3"));
             return {s.basin_at("gr4j ="), "subbasin 'A' gr4j key 'x4'", "found 0.3,",
                     "[0.5, 20] days"};
         }},
        {"x4 = 25",
         [](Study& s) -> Fragments {
             s.sub(kA).set("gr4j", gr4j("320.0", "0.4", "85.0", "25.0"));
             return {s.basin_at("gr4j ="), "subbasin 'A' gr4j key 'x4'", "found 25,",
                     "[0.5, 20] days"};
         }},
    });
}

TEST_CASE("cli: bad networks are refused") {
    expect_all_refused({
        {"a cycle A -> B -> A",
         [](Study& s) -> Fragments {
             s.sub(kA).set("downstream", quoted("B"));
             s.sub(kB).set("downstream", quoted("A"));
             return {"basin.toml:<col>:<col>:", "key 'downstream'", "cycle", "A -> B -> A"};
         }},
        {"downstream id not found",
         [](Study& s) -> Fragments {
             s.sub(kB).set("downstream", quoted("Nile"));
             return {s.basin_at("downstream =", 2), "subbasin 'B' key 'downstream'",
                     "downstream id 'Nile' is not a sub-basin"};
         }},
        {"duplicate id",
         [](Study& s) -> Fragments {
             s.sub(kB).set("id", quoted("A"));
             s.sub(kC).set("downstream", quoted("A")); // keep the rest a valid tree
             s.sub(kA).erase("downstream");
             return {s.basin_at("id =", 2), "key 'id'", "duplicate sub-basin id 'A'"};
         }},
    });
}

TEST_CASE("cli: bad forcing files are refused") {
    const std::string a = "forcing/a.csv", b = "forcing/b.csv", c = "forcing/c.csv";
    expect_all_refused({
        {"forcing file missing",
         [&](Study& s) -> Fragments {
             s.files.erase(b);
             return {"forcing/b.csv", "not found"};
         }},
        {"CSV with a missing day",
         [&](Study& s) -> Fragments {
             const int line = line_of(s.files[a], "2000-06-15,");
             edit_row(s.files[a], "2000-06-15", "");
             return {"a.csv:" + std::to_string(line) + ":", "found 2000-06-16",
                     "expected 2000-06-15", "missing day"};
         }},
        {"CSV with a non-numeric value",
         [&](Study& s) -> Fragments {
             const int line = line_of(s.files[c], "2000-03-10,");
             edit_row(s.files[c], "2000-03-10", "2000-03-10,1.20,abc,3.40");
             return {"c.csv:" + std::to_string(line) + ":", "column E", "'abc'",
                     "expected a number"};
         }},
        {"CSV with NaN",
         [&](Study& s) -> Fragments {
             const int line = line_of(s.files[b], "2001-01-31,");
             edit_row(s.files[b], "2001-01-31", "2001-01-31,NaN,2.00");
             return {"b.csv:" + std::to_string(line) + ":", "column P", "finite"};
         }},
        {"CSV with negative precipitation",
         [&](Study& s) -> Fragments {
             const int line = line_of(s.files[a], "2000-02-29,");
             edit_row(s.files[a], "2000-02-29", "2000-02-29,-1.5,2.00");
             return {"a.csv:" + std::to_string(line) + ":", "column P", "found -1.5",
                     "precipitation >= 0"};
         }},
        {"CSV not covering the study period",
         [&](Study& s) -> Fragments {
             s.files[b] = forcing_csv("PT", "1999-12-01", "2001-06-30");
             return {"b.csv", "covers 1999-12-01 .. 2001-06-30",
                     "expected at least 1999-12-01 .. 2001-12-31", "sub-basin 'B'"};
         }},
        {"CSV covering the study period but not the warm-up days",
         [&](Study& s) -> Fragments {
             s.files[c] = forcing_csv("PET", "2000-01-01", "2001-12-31");
             return {"c.csv", "covers 2000-01-01 .. 2001-12-31",
                     "expected at least 1999-12-01 .. 2001-12-31", "warmup_days", "sub-basin 'C'"};
         }},
        {"CSV with neither E nor T",
         [&](Study& s) -> Fragments {
             s.files[a] = forcing_csv("P", "1999-12-01", "2001-12-31");
             return {"a.csv:1:", "header 'date,P'", "expected columns"};
         }},
        {"snow table but no T column",
         [&](Study& s) -> Fragments {
             s.files[c] = forcing_csv("PE", "1999-12-01", "2001-12-31");
             return {"c.csv", "sub-basin 'C'", "snow", "T column"};
         }},
    });
}

TEST_CASE("cli: command-line errors exit with code 2") {
    ScratchDir dir("cli-args");
    const std::string study = Study{}.write(dir.path());
    const fs::path out = dir.path() / "out";
    const std::string missing = (dir.path() / "no-such-study.toml").string();
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
        {{"run", missing, "--out", out.string(), "--quiet"}, {"no-such-study.toml"}},
        {{"check", missing}, {"no-such-study.toml"}},
        {{"run", study, "--out", out.string(), "--bogus"}, {"--bogus"}},
        {{"run", study, "--out", out.string(), "--threads", "-3"}, {"--threads"}},
        {{"frobnicate", study}, {"frobnicate"}},
        {{}, {"subcommand"}},
    };
    for (const auto& [args, fragments] : cases) {
        std::string line = "riparia";
        for (const auto& a : args)
            line += " " + a;
        const CommandResult r = run_riparia(args);
        INFO(line << ": " << describe(r));
        CHECK(r.exit_code == 2);
        for (const auto& f : fragments) {
            INFO("expected in stderr: " << f);
            CHECK(contains_fragment(r.err, f));
        }
        CHECK_FALSE(fs::exists(out));
        CHECK(leftovers_in(dir.path()).empty());
    }
}
