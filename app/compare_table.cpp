#include "app/compare_table.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <vector>

namespace riparia::app {

using Json = nlohmann::json;
using Cells = std::vector<std::string>;

namespace {

// Characters on the terminal: UTF-8 code points ("Δ" is two bytes, one column).
std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string padded(const std::string& s, std::size_t width, bool right) {
    const std::string pad(width - std::min(width, columns(s)), ' ');
    return right ? pad + s : s + pad;
}

// Columns padded to their widest cell; text columns left-aligned, from `first_number` on right.
std::string aligned(const std::vector<Cells>& lines, std::size_t first_number) {
    std::vector<std::size_t> width;
    for (const auto& cells : lines) {
        width.resize(std::max(width.size(), cells.size()), 0);
        for (std::size_t c = 0; c < cells.size(); ++c)
            width[c] = std::max(width[c], columns(cells[c]));
    }
    std::string out;
    for (const auto& cells : lines) {
        std::string line = " ";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            line += " " + padded(cells[c], width[c], c >= first_number);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

std::string number(const Json& v, const char* format = "{:.3f}") {
    return v.is_number() ? fmt::format(fmt::runtime(format), v.get<double>()) : "-";
}

std::string text(const Json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string change(const Json& v) {
    return number(v, "{:+.3f}");
}

std::string row_label(const Json& r) {
    return fmt::format("{} / {} / {} {}", r["scenario"].get<std::string>(),
                       r["policy"].get<std::string>(), r["level"].get<std::string>(),
                       r["item"].get<std::string>());
}

std::string flags_section(const Json& flags) {
    std::string out;
    for (const auto& [key, title] :
         {std::pair{"appearing", "flags appearing (false in A, true in B)"},
          std::pair{"disappearing", "flags disappearing (true in A, false in B)"}}) {
        const Json& list = flags[key];
        out += fmt::format("{}: {}\n", title, list.empty() ? "none" : std::to_string(list.size()));
        for (const auto& f : list)
            out += fmt::format("  {}: {}\n", row_label(f), f["flag"].get<std::string>());
    }
    return out;
}

std::string stress_section(const Json& stress) {
    std::vector<Cells> lines = {{"scenario", "policy", "level", "item", "A score (0-5)",
                                 "B score (0-5)", "Δ score", "A P10-P90", "B P10-P90", "Δ P10",
                                 "Δ P90", "Δ class", "Δ at risk (pp)"}};
    for (const auto& r : stress["rows"]) {
        const Json& s = r["score"];
        lines.push_back(
            {text(r["scenario"]), text(r["policy"]), text(r["level"]), text(r["item"]),
             number(s["a"]["median"]), number(s["b"]["median"]), change(s["difference"]["median"]),
             number(s["a"]["p10"], "{:.2f}") + "-" + number(s["a"]["p90"], "{:.2f}"),
             number(s["b"]["p10"], "{:.2f}") + "-" + number(s["b"]["p90"], "{:.2f}"),
             change(s["difference"]["p10"]), change(s["difference"]["p90"]),
             fmt::format("{:+d}", r["class"]["difference"].get<int>()),
             fmt::format("{:+.1f}", 100 * r["share_at_risk"]["difference"].get<double>())});
    }
    return fmt::format("stress rows, B - A, largest change of the median score first ({} matched; "
                       "{} only in A, {} only in B)\n  {}\n",
                       stress["rows"].size(), stress["only_in_a"].size(),
                       stress["only_in_b"].size(), stress["spread"].get<std::string>()) +
           aligned(lines, 4);
}

double relative(const Json& i) {
    const Json& d = i["difference"]["median"];
    const Json& a = i["a"]["median"];
    if (!d.is_number() || d.get<double>() == 0) return 0;
    const double base = a.is_number() ? std::abs(a.get<double>()) : 0;
    return base > 0 ? std::abs(d.get<double>()) / base : std::numeric_limits<double>::infinity();
}

std::string indicator_section(const Json& stress) {
    std::vector<std::pair<double, Cells>> changed;
    std::size_t unchanged = 0;
    for (const auto& r : stress["rows"]) {
        for (const auto& [name, i] : r["indicators"].items()) {
            const double rel = relative(i);
            if (rel == 0) {
                ++unchanged;
                continue;
            }
            changed.push_back({rel,
                               {row_label(r), name, text(i["unit"]), number(i["a"]["median"]),
                                number(i["b"]["median"]), change(i["difference"]["median"]),
                                change(i["difference"]["p10"]), change(i["difference"]["p90"]),
                                std::isinf(rel) ? "new" : fmt::format("{:+.1f}", 100 * rel)}});
        }
    }
    std::stable_sort(changed.begin(), changed.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<Cells> lines = {{"row", "indicator", "unit", "A median", "B median", "Δ median",
                                 "Δ P10", "Δ P90", "|Δ| / A (%)"}};
    for (auto& [rel, cells] : changed)
        lines.push_back(std::move(cells));
    return fmt::format("indicators, B - A of the members' median, largest relative change first "
                       "({} changed, {} unchanged)\n",
                       changed.size(), unchanged) +
           (changed.empty() ? std::string() : aligned(lines, 3));
}

std::string headline_section(const Json& headline) {
    std::string out = fmt::format("run.json headline figures per scenario and policy, B - A ({})\n",
                                  headline["note"].get<std::string>());
    for (const auto& g : headline["groups"]) {
        out += fmt::format("  {} / {}: members A {}, B {}; {}\n", g["scenario"].get<std::string>(),
                           g["policy"].get<std::string>(), g["members_a"].get<std::size_t>(),
                           g["members_b"].get<std::size_t>(), g["method"].get<std::string>());
        std::vector<Cells> lines = {{"figure", "id", "where", "unit", "A median", "B median",
                                     "Δ median", "Δ P10", "Δ P90"}};
        for (const auto& f : g["figures"]) {
            lines.push_back({text(f["figure"]), text(f["id"]), text(f["label"]), text(f["unit"]),
                             number(f["a_median"]), number(f["b_median"]),
                             change(f["difference"]["median"]), change(f["difference"]["p10"]),
                             change(f["difference"]["p90"])});
        }
        out += aligned(lines, 4);
    }
    return out;
}

} // namespace

std::string comparison_table(const Json& c) {
    const std::string basin = c["basin"]["a"] == c["basin"]["b"]
                                  ? c["basin"]["a"].get<std::string>()
                                  : fmt::format("A {}, B {}", c["basin"]["a"].get<std::string>(),
                                                c["basin"]["b"].get<std::string>());
    return fmt::format("riparia compare: A = {} (reference), B = {}; basin {}\n\n",
                       c["a"].get<std::string>(), c["b"].get<std::string>(), basin) +
           flags_section(c["stress"]["flags"]) + "\n" + stress_section(c["stress"]) + "\n" +
           indicator_section(c["stress"]) + "\n" + headline_section(c["headline"]);
}

} // namespace riparia::app
