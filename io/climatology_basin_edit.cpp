#include "io/climatology_basin_edit.hpp"

#include "io/input_error.hpp"
#include "io/toml_table.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace riparia::io {

namespace {

std::string joined(const std::array<double, 12>& values, const char* format) {
    std::string text;
    for (std::size_t m = 0; m < 12; ++m)
        text += (m ? ", " : "") + fmt::format(fmt::runtime(format), values[m] + 0.0);
    return text;
}

// One edit: replace [begin, end) (line index, byte offset) with `text`; an insertion has
// begin == end at the start of a line and `text` ends with a newline.
struct Edit {
    std::size_t line0, byte0, line1, byte1;
    std::string text;
};

// Byte offset of a 1-based column counted in UTF-8 code points (as toml++ reports them).
std::size_t byte_of_column(const std::string& line, std::size_t column) {
    std::size_t byte = 0;
    for (std::size_t c = 1; c < column && byte < line.size(); ++c) {
        ++byte;
        while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80)
            ++byte;
    }
    return byte;
}

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::vector<std::string> lines;
    std::string line;
    std::istringstream text(buffer.str());
    while (std::getline(text, line))
        lines.push_back(line);
    if (!buffer.str().empty() && buffer.str().back() == '\n') lines.push_back("");
    return lines;
}

Edit edit_for(const std::vector<std::string>& lines, const toml::table& sub,
              const std::string& path, const std::string& id, const std::string& text) {
    for (auto&& [key, value] : sub) {
        if (key.str() != "climate") continue;
        if (!value.is_table() || !value.as_table()->is_inline()) {
            throw InputError(fmt::format(
                "{}:{}: subbasin '{}' key 'climate': found a table section, expected an inline "
                "table `climate = {{ ... }}` that can be rewritten in place",
                path, key.source().begin.line, id));
        }
        const auto b = key.source().begin, e = value.source().end;
        const std::size_t l0 = b.line - 1, l1 = e.line - 1;
        return {l0, byte_of_column(lines[l0], b.column), l1, byte_of_column(lines[l1], e.column),
                text};
    }
    for (auto&& [key, value] : sub) {
        if (key.str() != "gr4j") continue;
        const std::size_t after = value.source().end.line; // 0-based index of the next line
        const std::string& gr4j_line = lines[key.source().begin.line - 1];
        const std::string indent = gr4j_line.substr(0, gr4j_line.find_first_not_of(" \t"));
        const std::string eol = !gr4j_line.empty() && gr4j_line.back() == '\r' ? "\r" : "";
        return {after, 0, after, 0, indent + text + eol + "\n"};
    }
    throw InputError(fmt::format("{}: subbasin '{}': found no 'gr4j' key, expected one (the "
                                 "climate line is inserted after it)",
                                 path, id));
}

void write_atomically(const std::string& path, const std::string& content) {
    const std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            std::remove(temp.c_str());
            throw InputError(
                fmt::format("{}: cannot be written, expected a writable folder", temp));
        }
    }
    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error) {
        std::remove(temp.c_str());
        throw InputError(fmt::format("{}: cannot be replaced: {}", path, error.message()));
    }
}

} // namespace

std::string climate_inline_toml(const model::MonthlyClimate& c) {
    return fmt::format("climate = {{ precip_mm = [{}], wet_day_fraction = [{}], temperature_c = "
                       "[{}] }}",
                       joined(c.precip_mm, "{:.1f}"), joined(c.wet_day_fraction, "{:.3f}"),
                       joined(c.temperature_c, "{:.1f}"));
}

void rewrite_basin_climate(const std::string& basin_path,
                           const std::map<std::string, std::string>& climate_lines) {
    const toml::table root = parse_toml_file(basin_path);
    std::vector<std::string> lines = read_lines(basin_path);
    std::vector<Edit> edits;
    std::map<std::string, bool> seen;
    if (const toml::array* subs = root["subbasin"].as_array()) {
        for (const toml::node& node : *subs) {
            const toml::table* sub = node.as_table();
            const auto id = sub ? (*sub)["id"].value<std::string>() : std::nullopt;
            if (!id || !climate_lines.count(*id)) continue;
            edits.push_back(edit_for(lines, *sub, basin_path, *id, climate_lines.at(*id)));
            seen[*id] = true;
        }
    }
    for (const auto& [id, text] : climate_lines) {
        if (!seen.count(id)) {
            throw InputError(fmt::format("{}: found no [[subbasin]] with id '{}', expected one "
                                         "to write its climate into",
                                         basin_path, id));
        }
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        return std::tie(a.line0, a.byte0) > std::tie(b.line0, b.byte0);
    });
    std::string content;
    for (std::size_t k = 0; k < lines.size(); ++k)
        content += lines[k] + (k + 1 < lines.size() ? "\n" : "");
    // Offsets of line starts in `content`, then apply the edits from the end backwards.
    std::vector<std::size_t> start{0};
    for (std::size_t k = 0; k < content.size(); ++k)
        if (content[k] == '\n') start.push_back(k + 1);
    start.push_back(content.size());
    for (const Edit& e : edits) {
        const std::size_t from = start[std::min(e.line0, start.size() - 1)] + e.byte0;
        const std::size_t to = start[std::min(e.line1, start.size() - 1)] + e.byte1;
        std::string text = e.text;
        if (from == content.size() && !content.empty() && content.back() != '\n') {
            text = "\n" + text.substr(0, text.size() - 1); // insertion after an unended last line
        }
        content.replace(from, to - from, text);
    }
    write_atomically(basin_path, content);
}

} // namespace riparia::io
