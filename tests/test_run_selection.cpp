// riparia run --scenario/--policy/--no-pristine through the real executable, on the demo basin
// driven by the weather generator (2 scenarios x 3 policies with pristine x 2 members, 3 years):
// the selected runs are bit-identical to the same runs of the whole study, results.nc and
// run.json hold only the selection, the pristine run of each selected scenario stays unless
// --no-pristine, shards of a selection merge into the unsharded selection, and --resume or merge
// refuse another selection.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riparia::test::contains_fragment;
using riparia::test::describe;
using riparia::test::read_file;
using riparia::test::read_netcdf_variable;
using riparia::test::run_riparia;
using riparia::test::ScratchDir;
using riparia::test::write_file;

namespace {

const char* const kStudy = R"([study]
name = "selection test"
basin = "basin.toml"
start = "1990-01-01"
end = "1992-12-31"
warmup_days = 365

[forcing]
source = "generator"

[ensemble]
members = 2
seed = 5
pristine = true

[[scenario]]
name = "baseline"

[[scenario]]
name = "dry"
precipitation_factor = 0.8
temperature_delta_c = 2.0

[[policy]]
name = "as built"

[[policy]]
name = "bigger dam"
remove = ["BE1_eflow"]
[[policy.reservoir]]
id = "LAC"
capacity_hm3 = 240.0
area = { storage_hm3 = [0.0, 240.0], area_km2 = [0.0, 15.0] }
)";

struct Study {
    ScratchDir dir{"run-selection"};
    explicit Study(const std::string& extra = "") {
        write_file(dir / "basin.toml", riparia::test::demo_basin_with_climatology());
        write_file(dir / "study.toml", kStudy + extra);
    }
    std::string path() const { return dir / "study.toml"; }
    riparia::test::CommandResult run(const std::string& out, std::vector<std::string> options) {
        std::vector<std::string> args = {"run", path(), "--out", dir / out, "--quiet"};
        args.insert(args.end(), options.begin(), options.end());
        return run_riparia(args);
    }
    nlohmann::json json(const std::string& file) const {
        return nlohmann::json::parse(read_file(dir / file));
    }
};

std::vector<std::string> names(const nlohmann::json& list) {
    std::vector<std::string> out;
    for (const auto& x : list)
        out.push_back(x["name"].get<std::string>());
    return out;
}

// run.json's per-run summaries by "scenario/policy/member", without timings and run numbers.
std::map<std::string, nlohmann::json> summaries(const nlohmann::json& record) {
    std::map<std::string, nlohmann::json> out;
    for (nlohmann::json run : record["ensemble"]["runs"]) {
        const std::string key = run["scenario"].get<std::string>() + "/" +
                                run["policy"].get<std::string>() + "/" +
                                run["member"].get<std::string>();
        run.erase("timings_s");
        run.erase("run");
        out[key] = run;
    }
    return out;
}

bool same_bits(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

// Values of var(scenario, policy, member, time, node) of `part` equal those of `whole` at the
// mapped scenario and policy indices.
void check_same_values(const std::string& whole_nc, const std::string& part_nc,
                       const std::string& variable, std::size_t members,
                       const std::vector<std::size_t>& scenario_in_whole,
                       const std::vector<std::size_t>& policy_in_whole,
                       std::size_t whole_policies) {
    const auto whole = read_netcdf_variable(whole_nc, variable);
    const auto part = read_netcdf_variable(part_nc, variable);
    const std::size_t part_runs = scenario_in_whole.size() * policy_in_whole.size() * members;
    REQUIRE(part.size() % part_runs == 0);
    const std::size_t block = part.size() / part_runs; // time x node of one run
    REQUIRE(whole.size() % block == 0);
    std::size_t differ = 0;
    for (std::size_t s = 0; s < scenario_in_whole.size(); ++s)
        for (std::size_t p = 0; p < policy_in_whole.size(); ++p)
            for (std::size_t m = 0; m < members; ++m) {
                const std::size_t from =
                    ((scenario_in_whole[s] * whole_policies + policy_in_whole[p]) * members + m) *
                    block;
                const std::size_t to = ((s * policy_in_whole.size() + p) * members + m) * block;
                for (std::size_t k = 0; k < block; ++k)
                    differ += same_bits(whole[from + k], part[to + k]) ? 0 : 1;
            }
    INFO(variable);
    CHECK(differ == 0);
}

} // namespace

TEST_CASE("run selection: the selected runs are bit-identical to the same runs of the whole "
          "study; results.nc and run.json hold only them, with the scenario's pristine run") {
    Study study;
    const auto whole = study.run("whole", {});
    REQUIRE_MESSAGE(whole.exit_code == 0, describe(whole));
    const auto part = study.run("part", {"--scenario", "dry", "--policy", "bigger dam"});
    REQUIRE_MESSAGE(part.exit_code == 0, describe(part));

    const nlohmann::json record = study.json("part/run.json");
    CHECK(names(record["ensemble"]["scenarios"]) == std::vector<std::string>{"dry"});
    CHECK(names(record["ensemble"]["policies"]) ==
          std::vector<std::string>{"bigger dam", "pristine"});
    const auto& selection = record["options"]["selection"];
    CHECK(selection["scenarios"] == nlohmann::json({"dry"}));
    CHECK(selection["policies"] == nlohmann::json({"bigger dam"}));
    CHECK(selection["no_pristine"] == false);
    CHECK(selection["runs"] == nlohmann::json({"dry/bigger dam", "dry/pristine"}));
    CHECK(study.json("whole/run.json")["options"]["selection"]["runs"].size() == 6);

    // whole: scenarios (baseline, dry) x policies (as built, bigger dam, pristine).
    for (const char* variable : {"dis", "runoff", "precipitation", "aet", "routing_store"})
        check_same_values(study.dir / "whole/results.nc", study.dir / "part/results.nc", variable,
                          2, {1}, {1, 2}, 3);
    const auto part_runs = summaries(record);
    const auto whole_runs = summaries(study.json("whole/run.json"));
    CHECK(part_runs.size() == 4);
    for (const auto& [label, run] : part_runs) {
        INFO(label);
        REQUIRE(whole_runs.count(label) == 1);
        CHECK(run == whole_runs.at(label)); // statistics, management, water balance, seed
    }
}

TEST_CASE("run selection: without the baseline scenario or the as-is policy, the stress rows "
          "compare with nothing left out and run.json and the terminal say so") {
    Study study;
    const auto r = run_riparia({"run", study.path(), "--out", study.dir / "out", "--scenario",
                                "dry", "--policy", "bigger dam"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(contains_fragment(r.out, "note: the selection leaves out the study's baseline "
                                   "scenario 'baseline'"));
    CHECK(contains_fragment(r.out, "note: the selection leaves out the study's as-is policy "
                                   "'as built'"));
    const auto notes = study.json("out/run.json")["notes"].dump();
    CHECK(contains_fragment(notes, "no change-from-baseline terms"));
    CHECK(fs::exists(study.dir.path() / "out/report.html"));
    const auto rows = study.json("out/stress.json")["rows"];
    REQUIRE(!rows.empty());
    for (const auto& row : rows) {
        CHECK(row["scenario"] == "dry");
        CHECK(row["policy"] == "bigger dam"); // pristine is the counterfactual, not scored
        CHECK_FALSE(row.dump().find("change_from_baseline") != std::string::npos);
    }
    // The whole study compares dry with baseline: the same rows there have the terms.
    const auto whole = study.run("whole", {});
    REQUIRE_MESSAGE(whole.exit_code == 0, describe(whole));
    CHECK(study.json("whole/stress.json").dump().find("change_from_baseline") != std::string::npos);
    // compare reads a selected run folder against the whole one.
    const auto c = run_riparia({"compare", study.dir / "whole", study.dir / "out"});
    CHECK_MESSAGE(c.exit_code == 0, describe(c));
}

TEST_CASE("run selection: --no-pristine leaves the pristine runs out; --policy pristine runs "
          "only them") {
    Study study;
    const auto r = study.run("out", {"--policy", "as built", "--no-pristine"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    const auto record = study.json("out/run.json");
    CHECK(record["options"]["selection"]["runs"] ==
          nlohmann::json({"baseline/as built", "dry/as built"}));
    CHECK(contains_fragment(record["notes"].dump(), "--no-pristine: the stress rows have no "
                                                    "upstream-impact terms"));
    const auto natural = study.run("natural", {"--policy", "pristine", "--scenario", "dry"});
    REQUIRE_MESSAGE(natural.exit_code == 0, describe(natural));
    CHECK(study.json("natural/run.json")["options"]["selection"]["runs"] ==
          nlohmann::json({"dry/pristine"}));
}

TEST_CASE("run selection: unknown names, contradictory options and a selection without runs "
          "exit 2 naming the option, the name and the study's names") {
    Study study("\n[[combination]]\nscenario = \"baseline\"\npolicy = \"as built\"\n"
                "[[combination]]\nscenario = \"dry\"\npolicy = \"bigger dam\"\n");
    struct Case {
        std::vector<std::string> options;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--scenario", "dryy"},
         "--scenario: found 'dryy', expected one of the study's scenarios: baseline, dry (did "
         "you mean 'dry'?)"},
        {{"--policy", "asbuilt"},
         "--policy: found 'asbuilt', expected one of the study's policies: as built, bigger dam, "
         "pristine"},
        {{"--scenario", "baseline", "--policy", "bigger dam"},
         "--scenario/--policy: found no run of the study with scenario 'baseline' and policy "
         "'bigger dam'; expected at least one of its pairs: baseline/as built, dry/bigger dam"},
        {{"--policy", "pristine", "--no-pristine"},
         "--no-pristine: found it with --policy pristine; expected one or the other"},
    };
    for (const auto& c : cases) {
        const auto r = study.run("out", c.options);
        INFO(describe(r));
        CHECK(r.exit_code == 2);
        CHECK(contains_fragment(r.err, study.path() + ": " + c.message));
        CHECK_FALSE(fs::exists(study.dir.path() / "out"));
        CHECK(riparia::test::leftovers_in(study.dir.path()).empty());
    }
}

TEST_CASE("run selection: shards of a selection merge into the unsharded selection; merge and "
          "--resume refuse another selection") {
    Study study;
    const std::vector<std::string> only = {"--scenario", "dry", "--policy", "as built"};
    auto with = [](std::vector<std::string> a, std::vector<std::string> b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    for (const auto& [out, options] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"single", only},
             {"s0", with(only, {"--shard", "0/2"})},
             {"s1", with(only, {"--shard", "1/2"})},
             {"other1", {"--scenario", "dry", "--shard", "1/2"}}}) {
        const auto r = study.run(out, options);
        REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    }
    const auto merged =
        run_riparia({"merge", "--out", study.dir / "merged", study.dir / "s0", study.dir / "s1"});
    REQUIRE_MESSAGE(merged.exit_code == 0, describe(merged));
    for (const char* variable : {"dis", "reservoir_storage", "demand_deficit"}) {
        const auto a = read_netcdf_variable(study.dir / "single/results.nc", variable);
        const auto b = read_netcdf_variable(study.dir / "merged/results.nc", variable);
        REQUIRE(a.size() == b.size());
        std::size_t differ = 0;
        for (std::size_t k = 0; k < a.size(); ++k)
            differ += same_bits(a[k], b[k]) ? 0 : 1;
        CHECK_MESSAGE(differ == 0, variable);
    }
    CHECK(study.json("merged/run.json")["options"]["selection"]["runs"] ==
          nlohmann::json({"dry/as built", "dry/pristine"}));

    const auto mixed = run_riparia(
        {"merge", "--out", study.dir / "mixed", study.dir / "s0", study.dir / "other1"});
    CHECK(mixed.exit_code == 2);
    CHECK(contains_fragment(mixed.err, study.dir / "other1" +
                                           ": a shard of another --scenario/--policy selection"));

    // An interrupted run of the selection (its fingerprint, no run done yet): --resume goes on
    // with the same selection and refuses another.
    const std::string fingerprint = study.json("s0/shard.json")["fingerprint"];
    for (const char* folder : {".a.partial/runs", ".b.partial/runs"}) {
        fs::create_directories(study.dir.path() / folder);
        write_file(study.dir / folder + "/fingerprint", fingerprint + "\n");
    }
    const auto other = study.run("a", {"--scenario", "dry", "--resume"});
    CHECK(other.exit_code == 2);
    CHECK(contains_fragment(other.err, "the interrupted run was made from other inputs or "
                                       "options"));
    const auto same = study.run("b", with(only, {"--resume"}));
    CHECK_MESSAGE(same.exit_code == 0, describe(same));
}
