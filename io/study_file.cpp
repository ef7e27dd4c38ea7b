#include "io/study_file.hpp"

#include "io/input_error.hpp"
#include "io/toml_table.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace riparia::io {

namespace {

namespace fs = std::filesystem;

// Dates may be written as TOML dates (start = 1984-01-01) or strings ("1984-01-01").
calendar::Date read_date(const toml::table& table, const TomlTable& t, const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) t.fail_here(fmt::format("missing required key '{}' (a date YYYY-MM-DD)", key));
    if (node->is_date()) {
        const toml::date d = node->as_date()->get();
        return {d.year, d.month, d.day};
    }
    if (!node->is_string()) {
        t.fail(key, fmt::format("found {}, expected a date YYYY-MM-DD", toml_type_name(*node)));
    }
    const std::string text = node->as_string()->get();
    const auto date = calendar::parse_iso_date(text);
    if (!date) t.fail(key, fmt::format("found '{}', expected a valid date YYYY-MM-DD", text));
    return *date;
}

} // namespace

StudyFile load_study_file(const std::string& path) {
    std::error_code unreadable; // a path too long to look up is not found either
    if (!fs::is_regular_file(path, unreadable))
        throw InputError(fmt::format("{}: study file not found", path));
    const toml::table root = parse_toml_file(path);
    TomlTable top(root, path, "study file",
                  {"study", "forcing", "ensemble", "member", "scenario", "policy", "combination"});
    const toml::table* table = top.optional_table("study");
    if (!table) top.fail_here("missing required table [study]");
    TomlTable t(*table, path, "[study]", {"name", "basin", "start", "end", "warmup_days"});

    StudyFile study;
    study.path = path;
    study.name = t.optional_string("name").value_or(fs::path(path).stem().string());
    const std::string basin = t.required_string("basin");
    const fs::path basin_path(basin);
    study.basin_path =
        basin_path.is_absolute()
            ? basin_path.lexically_normal().string()
            : (fs::path(path).parent_path() / basin_path).lexically_normal().string();
    study.start = read_date(*table, t, "start");
    study.end = read_date(*table, t, "end");
    if (study.end < study.start) {
        t.fail("end", fmt::format("found {}, which is before start {}; expected end >= start",
                                  calendar::to_iso(study.end), calendar::to_iso(study.start)));
    }
    const auto warmup = t.optional_integer("warmup_days").value_or(0);
    if (warmup < 0 || warmup > 365 * 100) {
        t.fail("warmup_days", fmt::format("found {}, expected 0 .. 36500 days", warmup));
    }
    study.warmup_days = static_cast<int>(warmup);
    study.root = root;
    return study;
}

} // namespace riparia::io
