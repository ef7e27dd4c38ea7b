// Shared by the end-to-end CLI tests: fixture text, message fragments, leftover folders, and
// the bad-input harness (a mutation of a valid study must exit 2, name the place, leave nothing).
#pragma once

#include "tests/support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace riparia::test {

// Substring test; a "<col>" in the fragment stands for a column number (one or more digits).
bool contains_fragment(const std::string& text, const std::string& fragment);

std::vector<std::string> entries_of(const std::filesystem::path& dir);

// Names in `dir` that look like riparia's staging or swap folders (".out.partial", ".out.old-1").
std::vector<std::string> leftovers_in(const std::filesystem::path& dir);

// Exit code, stdout and stderr of a command, for failure messages.
std::string describe(const CommandResult& r);

// One TOML table as ordered `key = value` lines; values are raw TOML (strings carry their quotes).
struct TomlLines {
    std::string header;
    std::vector<std::pair<std::string, std::string>> entries;

    void set(const std::string& key, const std::string& value) {
        for (auto& [k, v] : entries) {
            if (k == key) {
                v = value;
                return;
            }
        }
        entries.emplace_back(key, value);
    }
    void erase(const std::string& key) {
        std::erase_if(entries, [&](const auto& e) { return e.first == key; });
    }
    // Renames a key in place (a typo), keeping its value.
    void rename(const std::string& key, const std::string& new_key) {
        for (auto& e : entries) {
            if (e.first == key) e.first = new_key;
        }
    }
    std::string render() const {
        std::string text = header + "\n";
        for (const auto& [k, v] : entries)
            text += k + " = " + v + "\n";
        return text;
    }
};

std::string quoted(const std::string& s);
std::string gr4j(const std::string& x1, const std::string& x2, const std::string& x3,
                 const std::string& x4);
std::string number(double v); // two decimals

// One bad input: a change to a valid study (any fixture type with write(dir) -> study path) and
// the fragments stderr must contain.
using Fragments = std::vector<std::string>;
template <typename Study> struct BadInput {
    std::string name;
    std::function<Fragments(Study&)> break_study; // edits the study, returns expected fragments
};

// Writes the broken study, runs `check` and `run` on it, and asserts exit code 2, every fragment
// in stderr, and no output or staging folder left behind.
template <typename Study> void expect_refused(const BadInput<Study>& bad) {
    ScratchDir dir("cli-bad");
    Study study;
    const Fragments fragments = bad.break_study(study);
    const std::string study_path = study.write(dir.path());
    const std::filesystem::path out = dir.path() / "out";
    const CommandResult check = run_riparia({"check", study_path});
    const CommandResult run = run_riparia({"run", study_path, "--out", out.string(), "--quiet"});
    for (const auto* r : {&check, &run}) {
        const char* command = r == &check ? "riparia check" : "riparia run";
        INFO(command << " on bad input '" << bad.name << "': " << describe(*r));
        CHECK(r->exit_code == 2);
        for (const auto& f : fragments) {
            INFO("expected in stderr: " << f);
            CHECK(contains_fragment(r->err, f));
        }
    }
    INFO("bad input '" << bad.name << "'");
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK(leftovers_in(dir.path()).empty());
}

template <typename Study> void expect_all_refused(const std::vector<BadInput<Study>>& cases) {
    for (const auto& bad : cases) {
        SUBCASE(bad.name.c_str()) {
            expect_refused(bad);
        }
    }
}

} // namespace riparia::test
