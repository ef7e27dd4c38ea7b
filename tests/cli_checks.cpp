#include "tests/cli_checks.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>

namespace riparia::test {

namespace fs = std::filesystem;

namespace {
std::string regex_escape(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(s, special, R"(\$&)");
}
} // namespace

// Substring test; a "<col>" in the fragment stands for a column number (one or more digits).
bool contains_fragment(const std::string& text, const std::string& fragment) {
    const std::string token = "<col>";
    if (fragment.find(token) == std::string::npos) return text.find(fragment) != std::string::npos;
    std::string pattern;
    std::size_t pos = 0, at;
    while ((at = fragment.find(token, pos)) != std::string::npos) {
        pattern += regex_escape(fragment.substr(pos, at - pos)) + "[0-9]+";
        pos = at + token.size();
    }
    pattern += regex_escape(fragment.substr(pos));
    return std::regex_search(text, std::regex(pattern));
}

std::vector<std::string> entries_of(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Names in `dir` that look like riparia's staging or swap folders (".out.partial", ".out.old-1").
std::vector<std::string> leftovers_in(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& name : entries_of(dir)) {
        if (name.find(".partial") != std::string::npos || name.find(".old-") != std::string::npos) {
            found.push_back(name);
        }
    }
    return found;
}

std::string describe(const CommandResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\n--- stdout:\n" + r.out + "--- stderr:\n" +
           r.err;
}

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

std::string gr4j(const std::string& x1, const std::string& x2, const std::string& x3,
                 const std::string& x4) {
    return "{ x1 = " + x1 + ", x2 = " + x2 + ", x3 = " + x3 + ", x4 = " + x4 + " }";
}

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

} // namespace riparia::test
