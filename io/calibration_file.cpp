#include "io/calibration_file.hpp"

#include "io/toml_table.hpp"
#include "model/calendar.hpp"
#include "model/channel.hpp"
#include "model/gr4j.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <set>

namespace riparia::io {

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

bool read_bool(const TomlTable& t, const toml::table& table, const std::string& key, bool value) {
    const toml::node* node = table.get(key);
    if (!node) return value;
    if (!node->is_boolean())
        t.fail(key, fmt::format("found {}, expected true or false", toml_type_name(*node)));
    return node->as_boolean()->get();
}

std::string one_of(const TomlTable& t, const std::string& key, const std::string& fallback,
                   const std::vector<std::string>& allowed) {
    const std::string v = t.optional_string(key).value_or(fallback);
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed)
            list += (list.empty() ? "'" : ", '") + a + "'";
        t.fail(key, fmt::format("found '{}', expected one of {}", v, list));
    }
    return v;
}

// Model limits of each parameter: [low, high] of a valid value.
std::pair<double, double> parameter_limits(CalibratedParameter p) {
    switch (p) {
    case CalibratedParameter::x1:
    case CalibratedParameter::x3:
        return {1e-6, kInf};
    case CalibratedParameter::x2:
        return {-kInf, kInf};
    case CalibratedParameter::x4:
        return {model::kMinX4Days, model::kMaxX4Days};
    case CalibratedParameter::lag_days:
        return {0.0, model::kMaxLagDays};
    case CalibratedParameter::k_days:
        return {0.0, model::kMaxReservoirKDays};
    }
    return {-kInf, kInf};
}

ParameterRange read_range(const TomlTable& t, const toml::table& table, CalibratedParameter p) {
    const std::string key = parameter_key(p);
    const toml::array* a = table.get(key)->as_array();
    const bool numbers = a && a->size() == 2 && (*a)[0].is_number() && (*a)[1].is_number();
    if (!numbers) t.fail(key, "expected bounds [lower, upper] (two numbers)");
    const double lower = (*a)[0].value<double>().value_or(kNaN);
    const double upper = (*a)[1].value<double>().value_or(kNaN);
    if (!(lower < upper))
        t.fail(key, fmt::format("found [{}, {}], expected lower < upper", lower, upper));
    const auto [low, high] = parameter_limits(p);
    if (lower < low || upper > high) {
        t.fail(key, fmt::format("found [{}, {}], expected bounds within the model's range "
                                "[{}, {}]",
                                lower, upper, low, high));
    }
    return {p, lower, upper};
}

std::vector<std::string> string_list(const TomlTable& t, const toml::table& table,
                                     const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) t.fail_here(fmt::format("missing required key '{}' (a list of ids)", key));
    const toml::array* a = node->as_array();
    std::vector<std::string> out;
    if (a) {
        for (const auto& item : *a) {
            if (!item.is_string()) t.fail(key, "expected a list of sub-basin ids (strings)");
            out.push_back(item.as_string()->get());
        }
    }
    if (!a || out.empty()) t.fail(key, "expected a non-empty list of sub-basin ids");
    return out;
}

std::size_t subbasin_index(const TomlTable& t, const std::string& key, const model::Basin& basin,
                           const std::string& id) {
    const int index = basin.network.index_of(id);
    if (index < 0) t.fail(key, fmt::format("found '{}', expected a sub-basin id of the basin", id));
    return static_cast<std::size_t>(index);
}

CalibrationGroup read_group(const toml::table& table, const std::string& file, std::size_t n,
                            const model::Basin& basin) {
    std::vector<std::string> keys = {"name", "subbasins"};
    keys.insert(keys.end(), kCalibratedParameterKeys.begin(), kCalibratedParameterKeys.end());
    TomlTable t(table, file, fmt::format("group {}", n + 1), keys);
    CalibrationGroup g;
    g.name = t.required_string("name");
    TomlTable named(table, file, fmt::format("group '{}'", g.name));
    g.subbasin_ids = string_list(named, table, "subbasins");
    for (const auto& id : g.subbasin_ids)
        g.subbasins.push_back(subbasin_index(named, "subbasins", basin, id));
    for (std::size_t p = 0; p < kCalibratedParameterKeys.size(); ++p) {
        if (table.contains(kCalibratedParameterKeys[p]))
            g.parameters.push_back(read_range(named, table, static_cast<CalibratedParameter>(p)));
    }
    if (g.parameters.empty()) {
        named.fail_here("no parameter to fit; expected bounds for at least one of x1, x2, x3, "
                        "x4, lag_days, k_days");
    }
    return g;
}

// Upstream drainage area of a node (its own and everything draining to it), km2.
double drainage_area_km2(const model::Basin& basin, std::size_t node) {
    double area = basin.subbasins[node].area_km2;
    for (int up : basin.network.upstream(node))
        area += drainage_area_km2(basin, static_cast<std::size_t>(up));
    return area;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && s[b] == ' ')
        ++b;
    return s.substr(b);
}

// One "date,value" row: the key (day number, or year for an annual series) and the value.
std::pair<std::int64_t, double> parse_row(const std::string& file, int line_no,
                                          const std::string& line, bool annual) {
    const auto comma = line.find(',');
    auto bad = [&](const std::string& what) {
        return InputError(fmt::format("{}:{}: found '{}', expected {}", file, line_no, line, what));
    };
    if (comma == std::string::npos) throw bad("'date,value'");
    const std::string date = trimmed(line.substr(0, comma));
    const std::string text = trimmed(line.substr(comma + 1));
    std::int64_t key = 0;
    if (const auto d = calendar::parse_iso_date(date)) {
        key = annual ? d->year : calendar::day_number(*d);
    } else {
        int year = 0;
        const auto r = std::from_chars(date.data(), date.data() + date.size(), year);
        if (!annual || r.ec != std::errc() || r.ptr != date.data() + date.size())
            throw bad(annual ? "a year or a YYYY-MM-DD date" : "a YYYY-MM-DD date");
        key = year;
    }
    if (text.empty() || text == "NaN" || text == "nan" || text == "NA") return {key, kNaN};
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v) || v < 0)
        throw bad("a value >= 0 (empty or NaN for a missing value)");
    return {key, v};
}

void read_series_file(ObservedSeries& s) {
    std::ifstream in(s.file);
    if (!in) throw InputError(fmt::format("{}: cannot open the observed series", s.file));
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (trimmed(line).empty()) continue;
        if (line_no == 1 && line.rfind("date", 0) == 0) continue; // header
        const auto [key, value] = parse_row(s.file, line_no, trimmed(line), s.annual);
        if (!s.keys.empty() && key <= s.keys.back()) {
            throw InputError(fmt::format("{}:{}: date not after the previous row's, expected "
                                         "rows in increasing date order",
                                         s.file, line_no));
        }
        s.keys.push_back(key);
        s.values.push_back(value);
    }
}

// Keeps the observations inside the reported period (complete years for an annual series).
void clip_to_period(ObservedSeries& s, std::int64_t first_day, std::int64_t last_day) {
    const int first_year = calendar::date_of(first_day).year;
    const int last_year = calendar::date_of(last_day).year;
    ObservedSeries kept = s;
    kept.keys.clear();
    kept.values.clear();
    for (std::size_t i = 0; i < s.keys.size(); ++i) {
        const std::int64_t k = s.keys[i];
        const bool in = s.annual ? (k >= first_year && k <= last_year &&
                                    calendar::day_number({int(k), 1, 1}) >= first_day &&
                                    calendar::day_number({int(k), 12, 31}) <= last_day)
                                 : (k >= first_day && k <= last_day);
        if (!in || !std::isfinite(s.values[i])) continue;
        kept.keys.push_back(k);
        kept.values.push_back(s.values[i]);
    }
    if (kept.keys.size() < 2) {
        throw InputError(fmt::format(
            "{}: found {} observed value(s) in the study's reported period {} .. {}{}, expected "
            "at least 2",
            s.file, kept.keys.size(), calendar::to_iso(calendar::date_of(first_day)),
            calendar::to_iso(calendar::date_of(last_day)),
            s.annual ? " (complete calendar years)" : ""));
    }
    s = std::move(kept);
}

void read_series_target(const TomlTable& t, CalibrationTarget& target, const std::string& file,
                        const model::Basin& basin) {
    const std::string name = t.required_string("file");
    target.series.file = (fs::path(file).parent_path() / name).lexically_normal().string();
    const std::string unit = one_of(t, "unit", "m3s", {"m3s", "km3_per_year", "mm_per_day"});
    target.series.unit = unit == "m3s"            ? SeriesUnit::m3s
                         : unit == "km3_per_year" ? SeriesUnit::km3_per_year
                                                  : SeriesUnit::mm_per_day;
    target.series.annual = target.series.unit == SeriesUnit::km3_per_year;
    target.metric =
        one_of(t, "metric", "kge", {"kge", "nse"}) == "kge" ? SeriesMetric::kge : SeriesMetric::nse;
    read_series_file(target.series);
    if (target.series.unit == SeriesUnit::mm_per_day) {
        const double area = drainage_area_km2(basin, target.subbasin);
        for (double& v : target.series.values)
            v = v * area / 86.4; // mm/d over the drainage area -> m3/s (model/units.hpp)
    }
}

double positive(const TomlTable& t, const std::string& key) {
    const double v = t.required_number(key);
    if (!(v > 0)) t.fail(key, fmt::format("found {}, expected a number > 0", v));
    return v;
}

void read_scalar_target(const TomlTable& t, CalibrationTarget& target) {
    if (target.kind == TargetKind::annual_flow_cv) {
        target.value = positive(t, "value");
        return;
    }
    const bool km3 = t.has("value_km3"), m3s = t.has("value_m3s");
    if (km3 == m3s) t.fail_here("expected exactly one of 'value_km3' (km3/yr) or 'value_m3s'");
    target.value_in_km3 = km3;
    target.value = positive(t, km3 ? "value_km3" : "value_m3s");
}

CalibrationTarget read_target(const toml::table& table, const std::string& file, std::size_t n,
                              const model::Basin& basin) {
    TomlTable t(table, file, fmt::format("target {}", n + 1),
                {"kind", "subbasin", "value", "value_km3", "value_m3s", "weight", "source", "file",
                 "unit", "metric"});
    CalibrationTarget target;
    const std::string kind =
        one_of(t, "kind", "", {"mean_annual_flow", "annual_flow_cv", "series"});
    target.kind = kind == "mean_annual_flow" ? TargetKind::mean_annual_flow
                  : kind == "annual_flow_cv" ? TargetKind::annual_flow_cv
                                             : TargetKind::series;
    target.subbasin_id = t.required_string("subbasin");
    target.subbasin = subbasin_index(t, "subbasin", basin, target.subbasin_id);
    if (t.has("weight")) target.weight = positive(t, "weight");
    target.source = t.optional_string("source").value_or("");
    const bool series = target.kind == TargetKind::series;
    for (const char* key : series ? std::vector<const char*>{"value", "value_km3", "value_m3s"}
                                  : std::vector<const char*>{"file", "unit", "metric"}) {
        if (t.has(key)) t.fail(key, fmt::format("not used by a '{}' target", kind));
    }
    if (series) read_series_target(t, target, file, basin);
    if (!series) read_scalar_target(t, target);
    return target;
}

const toml::array* table_array(const CalibrationFile& f, const std::string& key,
                               const std::string& what) {
    const toml::node* node = f.root.get(key);
    const toml::array* a = node ? node->as_array() : nullptr;
    if (!a || a->empty() || !a->is_array_of_tables()) {
        throw InputError(
            fmt::format("{}: missing [[{}]]; expected at least one {}", f.path, key, what));
    }
    return a;
}

void check_disjoint(const CalibrationFile& f) {
    std::set<std::string> seen;
    for (const auto& g : f.groups) {
        for (const auto& id : g.subbasin_ids) {
            if (!seen.insert(id).second) {
                throw InputError(fmt::format("{}: group '{}' key 'subbasins': sub-basin '{}' is "
                                             "already in another group (or listed twice); "
                                             "expected each sub-basin in at most one group",
                                             f.path, g.name, id));
            }
        }
    }
}

} // namespace

const char* parameter_key(CalibratedParameter p) {
    return kCalibratedParameterKeys[static_cast<std::size_t>(p)];
}

const char* target_kind_name(TargetKind kind) {
    switch (kind) {
    case TargetKind::mean_annual_flow:
        return "mean_annual_flow";
    case TargetKind::annual_flow_cv:
        return "annual_flow_cv";
    case TargetKind::series:
        return "series";
    }
    return "?";
}

const char* metric_name(SeriesMetric metric) {
    return metric == SeriesMetric::kge ? "kge" : "nse";
}

CalibrationFile load_calibration_file(const std::string& path) {
    CalibrationFile f;
    f.path = path;
    f.root = parse_toml_file(path);
    TomlTable top(f.root, path, "calibration file", {"calibration", "group", "target"});
    const toml::table* table = top.optional_table("calibration");
    if (!table) top.fail_here("missing [calibration] table");
    TomlTable t(
        *table, path, "[calibration]",
        {"study", "management", "algorithm", "local", "max_evaluations", "seed", "members"});
    f.study_path =
        (fs::path(path).parent_path() / t.required_string("study")).lexically_normal().string();
    f.management = read_bool(t, *table, "management", false);
    f.algorithm = one_of(t, "algorithm", "crs2", {"crs2", "isres", "direct"});
    f.local = one_of(t, "local", "bobyqa", {"bobyqa", "neldermead", "none"});
    const auto evaluations = t.optional_integer("max_evaluations").value_or(2000);
    if (evaluations < 10 || evaluations > 10'000'000)
        t.fail("max_evaluations", fmt::format("found {}, expected 10 .. 10000000", evaluations));
    f.max_evaluations = static_cast<int>(evaluations);
    const auto seed = t.optional_integer("seed").value_or(1);
    if (seed < 0) t.fail("seed", fmt::format("found {}, expected an integer >= 0", seed));
    f.seed = static_cast<std::uint64_t>(seed);
    const auto members = t.optional_integer("members").value_or(1);
    if (members < 1 || members > 1000)
        t.fail("members", fmt::format("found {}, expected 1 .. 1000", members));
    f.members = static_cast<int>(members);
    return f;
}

void read_calibration_items(CalibrationFile& f, const model::Basin& basin, std::int64_t first_day,
                            std::int64_t last_day) {
    const toml::array* groups = table_array(f, "group", "group of sub-basins to calibrate");
    for (std::size_t n = 0; n < groups->size(); ++n)
        f.groups.push_back(read_group(*(*groups)[n].as_table(), f.path, n, basin));
    check_disjoint(f);
    const toml::array* targets = table_array(f, "target", "calibration target");
    for (std::size_t n = 0; n < targets->size(); ++n) {
        f.targets.push_back(read_target(*(*targets)[n].as_table(), f.path, n, basin));
        if (f.targets.back().kind == TargetKind::series) {
            clip_to_period(f.targets.back().series, first_day, last_day);
            if (f.members > 1) {
                throw InputError(fmt::format(
                    "{}: [[target]] {} is a series (day-by-day against observed weather) but "
                    "[calibration] members = {}: expected members = 1 with series targets",
                    f.path, n + 1, f.members));
            }
        }
    }
}

} // namespace riparia::io
