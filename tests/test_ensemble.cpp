// Scenarios, policies and members through the real `riparia` executable, on the demo basin (real
// airGR weather): results.nc gets the (scenario, policy, member) dimensions with their labels; a
// scenario's precipitation factor and demand growth show up exactly in the outputs; a policy edits,
// adds and removes by id; the pristine counterfactual has no management; threads, shards and MPI
// ranks give the same numbers as one thread; and bad scenario or policy tables exit 2 with the
// place named.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riparia::test::contains_fragment;
using riparia::test::describe;
using riparia::test::entries_of;
using riparia::test::leftovers_in;
using riparia::test::read_file;
using riparia::test::read_netcdf_variable;
using riparia::test::run_riparia;
using riparia::test::ScratchDir;
using riparia::test::write_file;

namespace {

const double kDryFactor[12] = {0.8, 0.8, 0.8, 0.85, 0.85, 0.9, 0.9, 0.9, 0.85, 0.85, 0.8, 0.8};

std::string demo_basin() {
    return riparia::test::source_dir() + "/basins/demo/basin.toml";
}

// Two scenarios x (two policies + pristine) x one member over 1990-1993.
std::string ensemble_study(const std::string& extra = "") {
    return "[study]\nname = \"ensemble test\"\nbasin = \"" + demo_basin() +
           "\"\nstart = \"1990-01-01\"\nend = \"1993-12-31\"\nwarmup_days = 365\n\n"
           "[ensemble]\npristine = true\n\n"
           "[[scenario]]\nname = \"baseline\"\n\n"
           "[[scenario]]\nname = \"dry\"\n"
           "precipitation_factor = [0.8, 0.8, 0.8, 0.85, 0.85, 0.9, 0.9, 0.9, 0.85, 0.85, 0.8, "
           "0.8]\n"
           "temperature_delta_c = 2.0\n"
           "demand_growth = { FRA = 1.25, BEL = { domestic = 1.5, irrigation = 3.0 } }\n"
           "population = { FRA = 1.0e6, BEL = 2.0e6 }\n\n"
           "[[policy]]\nname = \"as built\"\n\n"
           "[[policy]]\nname = \"bigger dam, new demand\"\n"
           "remove = [\"BE1_eflow\"]\n"
           "[[policy.reservoir]]\nid = \"LAC\"\ncapacity_hm3 = 240.0\n"
           "area = { storage_hm3 = [0.0, 240.0], area_km2 = [0.0, 15.0] }\n"
           "[[policy.demand]]\nid = \"FR3_industry\"\nnew = true\ncountry = \"FRA\"\n"
           "subbasin = \"FR3\"\nsector = \"industry\"\nannual_volume_hm3 = 20.0\n"
           "consumptive_fraction = 0.1\npriority = 2\n" +
           extra;
}

struct Ensemble {
    std::vector<double> values;
    std::size_t scenarios = 2, policies = 3, members = 1, times = 48, width = 0;
    double at(std::size_t s, std::size_t p, std::size_t m, std::size_t t, std::size_t k) const {
        return values[(((s * policies + p) * members + m) * times + t) * width + k];
    }
};

Ensemble read(const std::string& file, const std::string& variable, std::size_t width) {
    Ensemble e;
    e.values = read_netcdf_variable(file, variable);
    e.width = width;
    return e;
}

} // namespace

TEST_CASE("ensemble: results.nc has scenario, policy and member dimensions with their labels") {
    ScratchDir dir("ensemble");
    write_file(dir / "study.toml", ensemble_study());
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(entries_of(dir.path() / "out") ==
          std::vector<std::string>{"layers.gpkg", "report.html", "results.nc", "run.json",
                                   "stress.csv", "stress.json", "stress.tif"});
    const std::string file = dir / "out/results.nc";
    const auto discharge = read(file, "dis", 4);
    CHECK(discharge.values.size() == 2 * 3 * 1 * 48 * 4);
    const std::string header = riparia::test::read_file(file); // labels are stored as strings
    for (const char* label : {"baseline", "dry", "as built", "bigger dam, new demand", "pristine"})
        CHECK(header.find(label) != std::string::npos);
    const std::string record = read_file(dir / "out/run.json");
    CHECK(record.find("\"ensemble\"") != std::string::npos);
    CHECK(record.find("\"population\"") != std::string::npos);
    CHECK(record.find("\"outflow_km3\"") != std::string::npos);
    CHECK(record.find("\"withdrawals_by_country\"") != std::string::npos);
}

TEST_CASE("ensemble: the summary gives flows at the borders and shortages by country") {
    ScratchDir dir("ensemble-summary");
    write_file(dir / "study.toml", ensemble_study());
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(contains_fragment(r.out, "scenario dry / policy as built (1 members)"));
    CHECK(contains_fragment(r.out, "flows at the borders, km3/yr"));
    CHECK(contains_fragment(r.out, "FR2            FRA->BEL"));
    CHECK(contains_fragment(r.out, "BE1            BEL outlet"));
    CHECK(contains_fragment(r.out, "shortage by country"));
    CHECK(contains_fragment(r.out, "agreement border_min_flow"));
}

TEST_CASE("ensemble: the scenario's monthly precipitation factor and demand growth are exact") {
    ScratchDir dir("ensemble-delta");
    write_file(dir / "study.toml", ensemble_study());
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const std::string file = dir / "out/results.nc";
    const auto p = read(file, "precipitation", 4);
    for (std::size_t t = 0; t < 48; ++t) {
        for (std::size_t k = 0; k < 4; ++k) {
            const double base = p.at(0, 0, 0, t, k), dry = p.at(1, 0, 0, t, k);
            CHECK(dry == doctest::Approx(kDryFactor[t % 12] * base).epsilon(1e-12));
        }
    }
    // Demands: FR1_irrigation (FRA) x 1.25, BE1_domestic (BEL, domestic) x 1.5; the request
    // follows the annual volume exactly. The union of demands adds FR3_industry (policy 2 only).
    const auto request = read(file, "demand_request", 3);
    for (std::size_t t = 0; t < 48; ++t) {
        CHECK(request.at(1, 0, 0, t, 0) == doctest::Approx(1.25 * request.at(0, 0, 0, t, 0)));
        CHECK(request.at(1, 0, 0, t, 1) == doctest::Approx(1.5 * request.at(0, 0, 0, t, 1)));
        CHECK(std::isnan(request.at(0, 0, 0, t, 2))); // "as built" has no FR3_industry
        CHECK(request.at(0, 1, 0, t, 2) > 0);
        CHECK(request.at(1, 1, 0, t, 2) == doctest::Approx(1.25 * request.at(0, 1, 0, t, 2)));
    }
}

TEST_CASE("ensemble: a policy edits by id and the pristine counterfactual has no management") {
    ScratchDir dir("ensemble-policy");
    write_file(dir / "study.toml", ensemble_study());
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const std::string file = dir / "out/results.nc";
    const auto storage = read(file, "reservoir_storage", 1);
    double most_as_built = 0, most_bigger = 0;
    for (std::size_t t = 0; t < 48; ++t) {
        most_as_built = std::max(most_as_built, storage.at(0, 0, 0, t, 0));
        most_bigger = std::max(most_bigger, storage.at(0, 1, 0, t, 0));
        CHECK(std::isnan(storage.at(0, 2, 0, t, 0))); // pristine: no reservoir
    }
    CHECK(most_as_built <= 120.0 + 1e-9);
    CHECK(most_bigger > 120.0); // the edited capacity is in use
    const auto eflow = read(file, "environmental_flow_required", 1);
    CHECK(eflow.at(0, 0, 0, 0, 0) == doctest::Approx(4.0));
    CHECK(std::isnan(eflow.at(0, 1, 0, 0, 0))); // removed by the policy
    // Pristine: no withdrawals, so the outlet's discharge is the natural one: at least that of
    // the managed runs over the whole period (consumption only takes water away).
    const auto q = read(file, "dis", 4);
    double natural = 0, managed = 0;
    for (std::size_t t = 0; t < 48; ++t) {
        natural += q.at(0, 2, 0, t, 3);
        managed += q.at(0, 0, 0, t, 3);
    }
    CHECK(natural > managed);
}

TEST_CASE("ensemble: one thread, two threads and two shards merged give identical numbers") {
    ScratchDir dir("ensemble-threads");
    write_file(dir / "study.toml", ensemble_study());
    const std::string study = dir / "study.toml";
    auto run = [&](std::vector<std::string> args) {
        const auto r = run_riparia(args);
        REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    };
    run({"run", study, "--out", dir / "one", "--threads", "1", "--quiet"});
    run({"run", study, "--out", dir / "two", "--threads", "2", "--quiet"});
    run({"run", study, "--out", dir / "s0", "--shard", "0/2", "--quiet"});
    run({"run", study, "--out", dir / "s1", "--shard", "1/2", "--quiet"});
    run({"merge", "--out", dir / "merged", dir / "s1", dir / "s0", "--quiet"});
    for (const char* variable : {"dis", "reservoir_storage", "demand_withdrawal",
                                 "agreement_delivered", "aet", "routing_store"}) {
        INFO(variable);
        const auto one = read_netcdf_variable(dir / "one/results.nc", variable);
        for (const char* other : {"two", "merged"}) {
            const auto values =
                read_netcdf_variable(dir / (std::string(other) + "/results.nc"), variable);
            REQUIRE(values.size() == one.size());
            bool identical = true;
            for (std::size_t k = 0; k < one.size(); ++k) {
                const bool both_nan = std::isnan(one[k]) && std::isnan(values[k]);
                identical = identical && (both_nan || one[k] == values[k]);
            }
            CHECK_MESSAGE(identical, other);
        }
    }
}

TEST_CASE("ensemble: 1, 2 and 4 MPI ranks write the numbers one process writes") {
    ScratchDir dir("ensemble-mpi");
    write_file(dir / "study.toml", ensemble_study());
    const std::string study = dir / "study.toml";
    const auto single = run_riparia({"run", study, "--out", dir / "single", "--quiet"});
    REQUIRE_MESSAGE(single.exit_code == 0, describe(single));
    for (int ranks : {1, 2, 4}) {
        INFO(ranks << " ranks");
        const std::string out = dir / ("mpi" + std::to_string(ranks));
        const auto r = riparia::test::run_riparia_mpi(ranks, {"run", study, "--out", out});
        REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
        CHECK(contains_fragment(r.out, "x " + std::to_string(ranks) + " rank(s)"));
        CHECK(entries_of(out) == std::vector<std::string>{"layers.gpkg", "report.html",
                                                          "results.nc", "run.json", "stress.csv",
                                                          "stress.json", "stress.tif"});
        for (const char* variable : {"dis", "reservoir_storage", "demand_deficit"}) {
            const auto a = read_netcdf_variable(dir / "single/results.nc", variable);
            const auto b = read_netcdf_variable(out + "/results.nc", variable);
            REQUIRE(a.size() == b.size());
            std::size_t differ = 0;
            for (std::size_t k = 0; k < a.size(); ++k)
                differ += (a[k] == b[k] || (std::isnan(a[k]) && std::isnan(b[k]))) ? 0 : 1;
            CHECK_MESSAGE(differ == 0, variable);
        }
    }
    // An input error is reported once, by rank 0, and every rank exits 2.
    write_file(dir / "bad.toml", ensemble_study("\n[[policy]]\nname = \"p\"\nremove = [\"X\"]\n"));
    const auto bad =
        riparia::test::run_riparia_mpi(2, {"run", dir / "bad.toml", "--out", dir / "o"});
    CHECK(bad.exit_code == 2);
    const std::string marker = "key 'remove': found 'X'";
    const auto first = bad.err.find(marker);
    CHECK(first != std::string::npos);
    CHECK(bad.err.find(marker, first + 1) == std::string::npos);
}

TEST_CASE("ensemble: an explicit list of combinations runs only those") {
    ScratchDir dir("ensemble-list");
    write_file(dir / "study.toml",
               ensemble_study("\n[[combination]]\nscenario = \"dry\"\npolicy = \"pristine\"\n"));
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(contains_fragment(r.out, "1 run(s)"));
    const auto q = read(dir / "out/results.nc", "dis", 4);
    CHECK(std::isnan(q.at(0, 0, 0, 0, 0)));
    CHECK_FALSE(std::isnan(q.at(1, 2, 0, 0, 0)));
}

TEST_CASE("ensemble: bad scenario, policy and shard inputs exit 2 naming the place") {
    struct Case {
        std::string name, extra, fragment;
    };
    const std::vector<Case> cases = {
        {"factor list of 11",
         "\n[[scenario]]\nname = \"s3\"\nprecipitation_factor = [1,1,1,1,1,1,1,1,1,1,1]\n",
         "scenario 's3' key 'precipitation_factor': found a list of 11 values, expected one number "
         "or a list of 12 monthly values"},
        {"negative factor", "\n[[scenario]]\nname = \"s3\"\nprecipitation_factor = -1\n",
         "expected a precipitation factor in [0, 10]"},
        {"unknown country", "\n[[scenario]]\nname = \"s3\"\ndemand_growth = { EGY = 1.2 }\n",
         "key 'EGY': expected a country of this basin"},
        {"unknown sector",
         "\n[[scenario]]\nname = \"s3\"\ndemand_growth = { FRA = { irigation = 1.2 } }\n",
         "did you mean 'irrigation'"},
        {"unknown sub-basin",
         "\n[[scenario]]\nname = \"s3\"\nsubbasin = { FR9 = { temperature_delta_c = 1 } }\n",
         "key 'FR9': expected the id of a sub-basin of this basin"},
        {"remove unknown id", "\n[[policy]]\nname = \"p3\"\nremove = [\"LAK\"]\n",
         "policy 'p3' key 'remove': found 'LAK', expected the id of a reservoir, demand, "
         "environmental flow or agreement of the basin (did you mean 'LAC'?)"},
        {"edit unknown id",
         "\n[[policy]]\nname = \"p3\"\n[[policy.reservoir]]\nid = \"LAK\"\ncapacity_hm3 = 1.0\n",
         "found 'LAK', expected the id of a reservoir of the basin (did you mean 'LAC'?)"},
        {"edit with a bad value",
         "\n[[policy]]\nname = \"p3\"\n[[policy.demand]]\nid = "
         "\"FR1_irrigation\"\nannual_volume_hm3 = -5.0\n",
         "policy 'p3': with this policy's edits: "},
        {"duplicate scenario name", "\n[[scenario]]\nname = \"dry\"\n", "'dry' is used twice"},
        {"members with csv forcing", "", "every member would be the same"},
        {"unknown combination", "\n[[combination]]\nscenario = \"wet\"\npolicy = \"as built\"\n",
         "found 'wet', expected the name of a [[scenario]]"},
        {"unknown forcing source", "\n[forcing]\nsource = \"gribfile\"\n",
         "[forcing] key 'source': found 'gribfile'"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        ScratchDir dir("ensemble-bad");
        std::string text = ensemble_study(c.extra);
        if (c.name == "members with csv forcing") {
            text.replace(text.find("pristine = true"), 15, "pristine = true\nmembers = 3");
        }
        write_file(dir / "study.toml", text);
        for (const char* command : {"check", "run"}) {
            std::vector<std::string> args = {command, dir / "study.toml"};
            if (std::string(command) == "run") args.insert(args.end(), {"--out", dir / "out"});
            const auto r = run_riparia(args);
            CHECK_MESSAGE(r.exit_code == 2, describe(r));
            CHECK_MESSAGE(contains_fragment(r.err, c.fragment), describe(r));
        }
        CHECK_FALSE(fs::exists(dir.path() / "out"));
        CHECK(leftovers_in(dir.path()).empty());
    }
    ScratchDir dir("ensemble-shard");
    write_file(dir / "study.toml", ensemble_study());
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--shard", "2/2"});
    CHECK(r.exit_code == 2);
    CHECK(contains_fragment(r.err, "--shard: found '2/2', expected i/N with 0 <= i < N"));
    const auto m = run_riparia({"merge", "--out", dir / "m", dir.path().string()});
    CHECK(m.exit_code == 2);
    CHECK(contains_fragment(m.err, "not a shard folder (no shard.json)"));
}

TEST_CASE("ensemble: a dam with a filling policy is not there before its filling starts") {
    // Policy: LAC is built later — it starts at its dead storage and fills from 1992 in 2 years.
    ScratchDir dir("ensemble-filling");
    write_file(dir / "study.toml",
               ensemble_study("\n[[policy]]\nname = \"built in 1992\"\n[[policy.reservoir]]\n"
                              "id = \"LAC\"\ninitial_storage_hm3 = 10.0\n"
                              "filling = { start = \"1992-01-01\", years = 2 }\n"));
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    // Policies: as built, bigger dam, built in 1992, pristine (4); months 0..23 are 1990-1991.
    Ensemble storage = read(dir / "out/results.nc", "reservoir_storage", 1);
    Ensemble evaporation = read(dir / "out/results.nc", "reservoir_evaporation", 1);
    storage.policies = evaporation.policies = 4;
    for (std::size_t t = 0; t < 24; ++t) {
        INFO("month " << t);
        CHECK(storage.at(0, 2, 0, t, 0) == doctest::Approx(10.0).epsilon(1e-12));
        CHECK(evaporation.at(0, 2, 0, t, 0) == 0.0);
    }
    CHECK(storage.at(0, 2, 0, 40, 0) > 30.0); // filling from 1992
}

TEST_CASE("ensemble: stress.csv scores the basin, its countries and the border pair per run set") {
    ScratchDir dir("ensemble-stress");
    write_file(dir / "study.toml", ensemble_study());
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(contains_fragment(r.out, "conflict stress (score 0-5"));
    const std::string csv = read_file(dir / "out/stress.csv");
    CHECK(csv.rfind("scenario,policy,level,item,score_median,score_p10,score_p90,class,members,"
                    "share_at_risk,flag,",
                    0) == 0);
    // 2 scenarios x 2 scored policies (pristine is the counterfactual, not scored).
    for (const char* scenario : {"\"baseline\"", "\"dry\""}) {
        for (const char* policy : {"\"as built\"", "\"bigger dam, new demand\""}) {
            const std::string prefix = std::string(scenario) + "," + policy + ",";
            CHECK(csv.find(prefix + "basin,") != std::string::npos);
            CHECK(csv.find(prefix + "unit,\"BEL\"") != std::string::npos);
            CHECK(csv.find(prefix + "unit,\"FRA\"") != std::string::npos);
        }
    }
    CHECK(csv.find("\"pristine\"") == std::string::npos);
    CHECK(csv.find("BEL receives") != std::string::npos); // BEL depends on water from FRA
    const std::string json = read_file(dir / "out/stress.json");
    CHECK(json.find("\"share_at_risk\"") != std::string::npos);
}
