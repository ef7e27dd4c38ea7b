#include "io/forcing_csv.hpp"

#include "io/input_error.hpp"
#include "model/calendar.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

namespace riparia::io {

namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        std::string_view field =
            line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
        while (!field.empty() && (field.front() == ' ' || field.front() == '"'))
            field.remove_prefix(1);
        while (!field.empty() && (field.back() == ' ' || field.back() == '"'))
            field.remove_suffix(1);
        fields.push_back(field);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return fields;
}

struct Columns {
    int date = -1, precip = -1, pet = -1, temperature = -1;
    std::size_t count = 0;
};

Columns read_header(const std::string& path, std::string_view line, ForcingSeries& series) {
    Columns c;
    const auto names = split_fields(line);
    c.count = names.size();
    for (std::size_t k = 0; k < names.size(); ++k) {
        const auto& n = names[k];
        const int column = static_cast<int>(k);
        if (n == "date")
            c.date = column;
        else if (n == "P")
            c.precip = column;
        else if (n == "E")
            c.pet = column;
        else if (n == "T")
            c.temperature = column;
        else
            series.ignored_columns.emplace_back(n);
    }
    if (c.date < 0 || c.precip < 0 || (c.pet < 0 && c.temperature < 0)) {
        throw InputError(fmt::format("{}:1: header '{}': expected columns date,P,E or date,P,T "
                                     "(P and E in mm/d, T in degC)",
                                     path, line));
    }
    return c;
}

double parse_value(const std::string& path, std::size_t line_no, std::string_view column,
                   std::string_view text) {
    double value = 0;
    const char* first = text.data();
    const char* last = first + text.size();
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (text.empty()) {
        throw InputError(fmt::format("{}:{}: column {}: found an empty value, expected a number",
                                     path, line_no, column));
    }
    if (ec != std::errc{} || ptr != last) {
        throw InputError(fmt::format("{}:{}: column {}: found '{}', expected a number", path,
                                     line_no, column, text));
    }
    if (!std::isfinite(value)) {
        throw InputError(fmt::format("{}:{}: column {}: found {}, expected a finite number "
                                     "(missing values are not allowed)",
                                     path, line_no, column, text));
    }
    return value;
}

std::int64_t parse_day(const std::string& path, std::size_t line_no, std::string_view text) {
    const auto date = calendar::parse_iso_date(text);
    if (!date) {
        throw InputError(fmt::format("{}:{}: column date: found '{}', expected a date YYYY-MM-DD",
                                     path, line_no, text));
    }
    return calendar::day_number(*date);
}

void check_consecutive(const std::string& path, std::size_t line_no, std::int64_t day,
                       std::int64_t expected) {
    if (day == expected) return;
    const std::string found = calendar::to_iso(calendar::date_of(day));
    const std::string want = calendar::to_iso(calendar::date_of(expected));
    const char* why = day > expected ? "a missing day" : "dates must increase by one day";
    throw InputError(fmt::format("{}:{}: column date: found {}, expected {} ({})", path, line_no,
                                 found, want, why));
}

void parse_row(const std::string& path, std::size_t line_no, std::string_view line,
               const Columns& c, ForcingSeries& s) {
    const auto fields = split_fields(line);
    if (fields.size() != c.count) {
        throw InputError(fmt::format("{}:{}: found {} fields, expected {} as in the header", path,
                                     line_no, fields.size(), c.count));
    }
    const std::int64_t day = parse_day(path, line_no, fields[c.date]);
    if (s.precip_mm.empty())
        s.first_day = day;
    else
        check_consecutive(path, line_no, day, s.last_day() + 1);
    const double p = parse_value(path, line_no, "P", fields[c.precip]);
    if (p < 0) {
        throw InputError(fmt::format("{}:{}: column P: found {}, expected precipitation >= 0 mm/d",
                                     path, line_no, fields[c.precip]));
    }
    s.precip_mm.push_back(p);
    if (c.pet >= 0) {
        const double e = parse_value(path, line_no, "E", fields[c.pet]);
        if (e < 0) {
            throw InputError(fmt::format("{}:{}: column E: found {}, expected PET >= 0 mm/d", path,
                                         line_no, fields[c.pet]));
        }
        s.pet_mm.push_back(e);
    }
    if (c.temperature >= 0) {
        const double t = parse_value(path, line_no, "T", fields[c.temperature]);
        if (t < -90 || t > 60) {
            throw InputError(fmt::format("{}:{}: column T: found {}, expected an air temperature "
                                         "in [-90, 60] degC",
                                         path, line_no, fields[c.temperature]));
        }
        s.temperature_c.push_back(t);
    }
}

} // namespace

ForcingSeries read_forcing_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: forcing file not found or not readable", path));
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    ForcingSeries series;
    series.path = path;
    Columns columns;
    std::size_t line_no = 0, pos = 0;
    bool header_seen = false;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (!header_seen) {
            columns = read_header(path, line, series);
            header_seen = true;
            continue;
        }
        parse_row(path, line_no, line, columns, series);
    }
    if (!header_seen)
        throw InputError(fmt::format("{}: empty file, expected a header date,P,E", path));
    if (series.precip_mm.empty())
        throw InputError(fmt::format("{}: no data rows after the header", path));
    return series;
}

CsvForcing::CsvForcing(const model::Basin& basin, const std::vector<std::string>& paths,
                       std::int64_t first_day, std::int64_t last_day) {
    std::map<std::string, std::size_t> loaded;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        auto [it, inserted] = loaded.emplace(paths[i], series_.size());
        if (inserted) series_.push_back(read_forcing_csv(paths[i]));
        series_of_.push_back(it->second);
        const ForcingSeries& s = series_[it->second];
        const model::Subbasin& sb = basin.subbasins[i];
        if (s.first_day > first_day || s.last_day() < last_day) {
            throw InputError(fmt::format(
                "{}: covers {} .. {}, expected at least {} .. {} (study start minus warmup_days "
                "to end) for sub-basin '{}'",
                s.path, calendar::to_iso(calendar::date_of(s.first_day)),
                calendar::to_iso(calendar::date_of(s.last_day())),
                calendar::to_iso(calendar::date_of(first_day)),
                calendar::to_iso(calendar::date_of(last_day)), sb.id));
        }
        if (sb.snow && s.temperature_c.empty()) {
            throw InputError(fmt::format("{}: sub-basin '{}' has a snow table, which needs a T "
                                         "column (degC); found none",
                                         s.path, sb.id));
        }
    }
}

bool CsvForcing::has_pet(std::size_t i) const {
    return !series_[series_of_[i]].pet_mm.empty();
}

bool CsvForcing::has_temperature(std::size_t i) const {
    return !series_[series_of_[i]].temperature_c.empty();
}

void CsvForcing::fill(const model::ForcingBlock& block) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < series_of_.size(); ++i) {
        const ForcingSeries& s = series_[series_of_[i]];
        const auto offset = static_cast<std::size_t>(block.first_day - s.first_day);
        for (int d = 0; d < block.days; ++d) {
            const std::size_t at = static_cast<std::size_t>(d) * block.stride + i;
            const std::size_t k = offset + static_cast<std::size_t>(d);
            block.precip_mm[at] = s.precip_mm[k];
            block.pet_mm[at] = s.pet_mm.empty() ? nan : s.pet_mm[k];
            block.temperature_c[at] = s.temperature_c.empty() ? nan : s.temperature_c[k];
        }
    }
}

} // namespace riparia::io
