#include "app/calibration_basin_update.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace riparia::app {

namespace {

// Seven significant digits: well below parameter uncertainty, and readable.
std::string gr4j_line(const model::Gr4jParams& p) {
    return fmt::format("gr4j = {{ x1 = {:.7g}, x2 = {:.7g}, x3 = {:.7g}, x4 = {:.7g} }}", p.x1_mm,
                       p.x2_mm_day, p.x3_mm, p.x4_days);
}
std::string routing_line(const model::RoutingParams& r) {
    const std::string loss =
        r.loss_fraction > 0 ? fmt::format(", loss_fraction = {:.7g}", r.loss_fraction) : "";
    return fmt::format("routing = {{ lag_days = {:.7g}, k_days = {:.7g}{} }}", r.lag_days, r.k_days,
                       loss);
}

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw io::InputError(fmt::format("{}: cannot open the basin file", path));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

void write_lines(const std::string& path, const std::vector<std::string>& lines) {
    const std::string tmp = path + ".calibrate.tmp";
    {
        std::ofstream out(tmp);
        for (const auto& line : lines)
            out << line << '\n';
        if (!out) throw std::runtime_error(fmt::format("{}: cannot write", tmp));
    }
    std::filesystem::rename(tmp, path);
}

// Replaces `key = { ... }` on line `at`, keeping its indent and any trailing comment.
void replace_inline(const std::string& path, std::vector<std::string>& lines, std::size_t at,
                    const std::string& key, const std::string& text) {
    std::string& line = lines[at];
    const auto open = line.find('{');
    const auto close = line.rfind('}');
    if (close == std::string::npos || close < open) {
        throw io::InputError(fmt::format("{}:{}: '{}' spans several lines; expected a one-line "
                                         "inline table {} = {{ ... }} to rewrite",
                                         path, at + 1, key, key));
    }
    const std::string indent = line.substr(0, line.find_first_not_of(" \t"));
    line = indent + text + line.substr(close + 1);
}

struct Block {
    std::size_t first = 0, last = 0; // lines of a [[subbasin]] table, header included
    std::string id;
};

std::vector<Block> subbasin_blocks(const std::vector<std::string>& lines) {
    static const std::regex header(R"(^\s*\[\[\s*subbasin\s*\]\]\s*(#.*)?$)");
    static const std::regex any_header(R"(^\s*\[)");
    static const std::regex id_line(R"(^\s*id\s*=\s*\"([^\"]*)\")");
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!std::regex_search(lines[i], header)) continue;
        Block b{i, i, ""};
        std::smatch m;
        for (std::size_t j = i + 1; j < lines.size() && !std::regex_search(lines[j], any_header);
             ++j) {
            b.last = j;
            if (b.id.empty() && std::regex_search(lines[j], m, id_line)) b.id = m[1];
        }
        blocks.push_back(b);
    }
    return blocks;
}

// The line of `key = {` inside a block, or npos.
std::size_t find_key(const std::vector<std::string>& lines, const Block& b,
                     const std::string& key) {
    const std::regex pattern("^\\s*" + key + "\\s*=\\s*\\{");
    for (std::size_t j = b.first + 1; j <= b.last; ++j) {
        if (std::regex_search(lines[j], pattern)) return j;
    }
    return std::string::npos;
}

} // namespace

void update_basin_parameters(const std::string& path, const model::Basin& calibrated,
                             const std::vector<ParameterLines>& edits) {
    std::vector<std::string> lines = read_lines(path);
    std::map<std::string, Block> blocks;
    for (const Block& b : subbasin_blocks(lines))
        blocks[b.id] = b;
    std::vector<std::pair<std::size_t, std::string>> inserts; // after line, text
    for (const ParameterLines& e : edits) {
        const model::Subbasin& s = calibrated.subbasins[e.subbasin];
        const auto at = blocks.find(s.id);
        const std::size_t gr4j =
            at == blocks.end() ? std::string::npos : find_key(lines, at->second, "gr4j");
        if (gr4j == std::string::npos) {
            throw io::InputError(fmt::format("{}: sub-basin '{}': found no line 'gr4j = {{ ... }}' "
                                             "in its [[subbasin]] table; expected a one-line "
                                             "inline table to rewrite",
                                             path, s.id));
        }
        replace_inline(path, lines, gr4j, "gr4j", gr4j_line(s.gr4j));
        if (!e.routing) continue;
        const std::size_t routing = find_key(lines, at->second, "routing");
        if (routing != std::string::npos) {
            replace_inline(path, lines, routing, "routing", routing_line(s.routing));
        } else {
            const std::string indent = lines[gr4j].substr(0, lines[gr4j].find_first_not_of(" \t"));
            inserts.emplace_back(gr4j, indent + routing_line(s.routing));
        }
    }
    std::sort(inserts.rbegin(), inserts.rend()); // from the bottom: earlier indices stay valid
    for (const auto& [after, text] : inserts)
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(after) + 1, text);
    write_lines(path, lines);
}

} // namespace riparia::app
