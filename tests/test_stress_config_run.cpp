// `riparia run --stress-config FILE`: the run's stress score takes its weights and thresholds from
// the file. The shipped config/stress.toml holds the built-in values (the same stress.json
// either way), an edited one changes the scores, and a bad one is refused before anything runs.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

using namespace riparia::test;

namespace {

CommandResult run_demo(const std::string& out, const std::string& config) {
    std::vector<std::string> args = {"run", source_dir() + "/basins/demo/study.toml", "--out", out,
                                     "--quiet"};
    if (!config.empty()) {
        args.push_back("--stress-config");
        args.push_back(config);
    }
    return run_riparia(args);
}

} // namespace

TEST_CASE("run --stress-config: the shipped file is the default, an edited one changes scores") {
    ScratchDir dir("stress-config-run");
    const std::string shipped = source_dir() + "/config/stress.toml";
    const CommandResult plain = run_demo(dir / "plain", "");
    REQUIRE_MESSAGE(plain.exit_code == 0, describe(plain));
    const CommandResult with_file = run_demo(dir / "shipped", shipped);
    REQUIRE_MESSAGE(with_file.exit_code == 0, describe(with_file));
    CHECK(read_file(dir / "plain/stress.json") == read_file(dir / "shipped/stress.json"));
    const auto record = nlohmann::json::parse(read_file(dir / "shipped/run.json"));
    bool listed = false;
    for (const auto& input : record["inputs"])
        listed = listed || input["role"] == "stress_config";
    CHECK(listed);

    // Every class one higher than the shipped breakpoints would give.
    std::string edited = read_file(shipped);
    const std::string breakpoints = "class_breakpoints = [1.0, 2.0, 3.0, 4.0]";
    REQUIRE(edited.find(breakpoints) != std::string::npos);
    edited.replace(edited.find(breakpoints), breakpoints.size(),
                   "class_breakpoints = [0.0001, 0.0002, 0.0003, 0.0004]");
    write_file(dir / "edited.toml", edited);
    const CommandResult changed = run_demo(dir / "edited", dir / "edited.toml");
    REQUIRE_MESSAGE(changed.exit_code == 0, describe(changed));
    const auto rows = nlohmann::json::parse(read_file(dir / "edited/stress.json"))["rows"];
    REQUIRE(!rows.empty());
    for (const auto& row : rows) {
        if (row["score_median"].get<double>() > 0.0004) CHECK(row["class"] == 5);
    }
}

TEST_CASE("run --stress-config: a bad file is refused and leaves no output") {
    ScratchDir dir("stress-config-bad");
    write_file(dir / "bad.toml", "[weights]\nhazrd = 1.0\n");
    const CommandResult r = run_demo(dir / "out", dir / "bad.toml");
    CHECK_MESSAGE(r.exit_code == 2, describe(r));
    CHECK_MESSAGE(contains_fragment(r.err, "bad.toml"), describe(r));
    CHECK_MESSAGE(contains_fragment(r.err, "hazrd"), describe(r));
    CHECK(!std::filesystem::exists(dir / "out"));
    CHECK(leftovers_in(dir.path()).empty());
}
