// Checks shared by the end-to-end CLI tests: message fragments, leftover folders.
#pragma once

#include "tests/support.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace riparia::test {

// Substring test; a "<col>" in the fragment stands for a column number (one or more digits).
bool contains_fragment(const std::string& text, const std::string& fragment);

std::vector<std::string> entries_of(const std::filesystem::path& dir);

// Names in `dir` that look like riparia's staging or swap folders (".out.tmp-123", ".out.old-1").
std::vector<std::string> leftovers_in(const std::filesystem::path& dir);

// Exit code, stdout and stderr of a command, for failure messages.
std::string describe(const CommandResult& r);

} // namespace riparia::test
