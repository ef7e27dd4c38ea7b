// The bad-input catalogue: every folder of tests/bad_inputs holds one malformed input and a
// case.toml saying how to run riparia on it and what it must answer. Each case is copied to a
// scratch folder (its *.cdl files turned into NetCDF by ncgen), its setup commands run (they must
// succeed), then its command: the exit code must be the expected one (2, invalid input), stderr
// one line "error: ..." holding the message fragment (no stack trace, no "terminate called"), and
// no output or staging folder may be left behind.
#include "io/toml_table.hpp"
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using riparia::io::TomlTable;
using namespace riparia::test;

using Command = std::vector<std::string>;

struct BadInputCase {
    std::string name;
    fs::path folder;
    Command command;            // riparia's arguments, relative to the case folder
    std::vector<Command> setup; // run first, each must exit 0 (e.g. the shards a merge reads)
    long long exit_code = 2;
    std::string message; // fragment expected in stderr; "<col>" stands for a column number
    std::string why;     // what the case is about
};

fs::path catalogue_dir() {
    return fs::path(source_dir()) / "tests" / "bad_inputs";
}

Command read_command(const TomlTable& t, const toml::node& node, const std::string& key) {
    const toml::array* words = node.as_array();
    if (!words || words->empty()) t.fail(key, "expected a non-empty array of strings");
    Command command;
    for (const toml::node& word : *words) {
        if (!word.is_string()) t.fail(key, "expected an array of strings");
        command.push_back(word.as_string()->get());
    }
    return command;
}

BadInputCase read_case(const fs::path& folder) {
    const std::string path = (folder / "case.toml").string();
    const toml::table root = riparia::io::parse_toml_file(path);
    const TomlTable t(root, path, "case", {"command", "setup", "exit_code", "message", "why"});
    BadInputCase c;
    c.name = folder.filename().string();
    c.folder = folder;
    if (!root.contains("command")) t.fail_here("missing key 'command'");
    c.command = read_command(t, *root.get("command"), "command");
    if (const toml::node* setup = root.get("setup")) {
        if (!setup->is_array()) t.fail("setup", "expected an array of commands");
        for (const toml::node& command : *setup->as_array())
            c.setup.push_back(read_command(t, command, "setup"));
    }
    c.exit_code = t.optional_integer("exit_code").value_or(2);
    c.message = t.required_string("message");
    c.why = t.required_string("why");
    return c;
}

std::vector<BadInputCase> catalogue() {
    std::vector<BadInputCase> cases;
    for (const auto& entry : fs::directory_iterator(catalogue_dir())) {
        if (entry.is_directory()) cases.push_back(read_case(entry.path()));
    }
    std::sort(cases.begin(), cases.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return cases;
}

// "{out}" becomes the output path, "{shared}" the shared data folder.
Command substituted(Command command, const fs::path& out) {
    const auto replace = [](std::string& word, const std::string& from, const std::string& to) {
        std::size_t at = word.find(from);
        while (at != std::string::npos) {
            word.replace(at, from.size(), to);
            at = word.find(from, at + to.size());
        }
    };
    for (auto& word : command) {
        replace(word, "{out}", out.string());
        replace(word, "{shared}", shared_data("."));
    }
    return command;
}

// Every *.cdl of the folder becomes the NetCDF file of the same name (ncgen, netcdf-bin).
void generate_netcdf(const fs::path& folder) {
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.path().extension() != ".cdl") continue;
        fs::path nc = entry.path();
        nc.replace_extension(".nc");
        const std::string command =
            "ncgen -o '" + nc.string() + "' '" + entry.path().string() + "' 2>&1";
        INFO("ncgen on " << entry.path());
        REQUIRE(std::system(command.c_str()) == 0);
    }
}

void check_case(const BadInputCase& c) {
    INFO("bad input '" << c.name << "' (" << c.why << ")");
    ScratchDir scratch("bad-input");
    const fs::path copy = scratch.path() / "case", out = scratch.path() / "out";
    fs::copy(c.folder, copy, fs::copy_options::recursive);
    fs::remove(copy / "case.toml");
    generate_netcdf(copy);
    const Command in_case_folder{"env", "-C", copy.string()};
    for (const auto& setup : c.setup) {
        const CommandResult r = run_riparia_under(in_case_folder, substituted(setup, out));
        INFO("setup command: " << describe(r));
        REQUIRE(r.exit_code == 0);
    }
    const CommandResult r = run_riparia_under(in_case_folder, substituted(c.command, out));
    INFO(describe(r));
    CHECK(r.exit_code == c.exit_code);
    INFO("expected in stderr: " << c.message);
    CHECK(contains_fragment(r.err, c.message));
    // One message: a single line starting "error: " (no "terminate called", no stack trace).
    CHECK(r.err.rfind("error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.back() == '\n');
    // Nothing left behind: no output folder, no staging or swap folder beside it.
    CHECK_FALSE(fs::exists(out));
    CHECK(leftovers_in(scratch.path()).empty());
    CHECK(leftovers_in(copy).empty());
}

// The cases are spread over a few test cases so that ctest -j runs them in parallel.
constexpr std::size_t kBatches = 6;

void check_batch(std::size_t batch) {
    const auto cases = catalogue();
    for (std::size_t k = batch; k < cases.size(); k += kBatches)
        check_case(cases[k]);
}

} // namespace

TEST_CASE("bad inputs: the catalogue covers every reader and each case says why") {
    const auto cases = catalogue();
    CHECK(cases.size() >= 60);
    for (const char* family : {"study-", "basin-", "csv-", "netcdf-", "geojson-", "screen-",
                               "calibrate-", "delineate-", "merge-", "compare-"}) {
        INFO("cases named " << family << "*");
        CHECK(std::any_of(cases.begin(), cases.end(),
                          [&](const auto& c) { return c.name.rfind(family, 0) == 0; }));
    }
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(c.exit_code == 2);
        CHECK_FALSE(c.message.empty());
        CHECK_FALSE(c.why.empty());
    }
}

TEST_CASE("bad inputs: batch 1 of 6") {
    check_batch(0);
}
TEST_CASE("bad inputs: batch 2 of 6") {
    check_batch(1);
}
TEST_CASE("bad inputs: batch 3 of 6") {
    check_batch(2);
}
TEST_CASE("bad inputs: batch 4 of 6") {
    check_batch(3);
}
TEST_CASE("bad inputs: batch 5 of 6") {
    check_batch(4);
}
TEST_CASE("bad inputs: batch 6 of 6") {
    check_batch(5);
}
