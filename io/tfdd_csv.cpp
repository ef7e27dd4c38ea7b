#include "io/tfdd_csv.hpp"

#include "io/input_error.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <sstream>

namespace riparia::io {

std::string latin1_to_utf8(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char ch : text) {
        if (ch < 0x80) {
            out.push_back(static_cast<char>(ch));
        } else {
            out.push_back(static_cast<char>(0xC0 | (ch >> 6)));
            out.push_back(static_cast<char>(0x80 | (ch & 0x3F)));
        }
    }
    return out;
}

namespace {

// Splits RFC 4180 text into records; `lines` gets the 1-based line of each record's start.
std::vector<std::vector<std::string>> split_records(const std::string& text,
                                                    std::vector<std::size_t>& lines) {
    std::vector<std::vector<std::string>> records(1);
    std::string field;
    bool quoted = false, record_open = false;
    std::size_t line = 1;
    lines.assign(1, 1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (ch == '"')
                quoted = false;
            else
                field += ch, line += ch == '\n';
        } else if (ch == '"') {
            quoted = record_open = true;
        } else if (ch == ',') {
            records.back().push_back(std::move(field)), field.clear(), record_open = true;
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            if (!record_open && field.empty()) {
                lines.back() = line;
                continue;
            } // blank line
            records.back().push_back(std::move(field)), field.clear();
            records.emplace_back(), lines.push_back(line), record_open = false;
        } else {
            field += ch, record_open = true;
        }
    }
    if (record_open || !field.empty()) records.back().push_back(std::move(field));
    if (records.back().empty()) records.pop_back(), lines.pop_back();
    return records;
}

} // namespace

CsvTable::CsvTable(const std::string& path, bool latin1) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot open the file", path));
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // UTF-8 byte-order mark
    if (latin1) text = latin1_to_utf8(text);
    auto records = split_records(text, lines_);
    if (records.empty())
        throw InputError(fmt::format("{}: empty file; expected a CSV header", path));
    header_ = std::move(records.front());
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != header_.size())
            throw InputError(fmt::format("{}:{}: found {} fields, expected {} as in the header",
                                         path, lines_[r], records[r].size(), header_.size()));
        rows_.push_back(std::move(records[r]));
    }
    lines_.erase(lines_.begin());
}

std::size_t CsvTable::column(const std::string& name, const std::string& expected) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name) return i;
    throw InputError(fmt::format("{}: missing column '{}'; expected {}", path_, name, expected));
}

double CsvTable::number(std::size_t row, std::size_t col, bool allow_empty) const {
    const std::string& s = rows_[row][col];
    if (s.empty() && allow_empty) return std::numeric_limits<double>::quiet_NaN();
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
        fail(row, col, "a number");
    return value;
}

void CsvTable::fail(std::size_t row, std::size_t col, const std::string& expected) const {
    throw InputError(fmt::format("{}:{}: column '{}': found '{}', expected {}", path_, lines_[row],
                                 header_[col], rows_[row][col], expected));
}

} // namespace riparia::io
