// Reading one TOML table with errors that say where: "basin.toml:12:14: subbasin 'A' key
// 'area_km2': found -5, expected a number > 0". Unknown keys are rejected with a hint.
#pragma once

#include "io/input_error.hpp"

#include <optional>
#include <string>
#include <toml++/toml.h>
#include <vector>

namespace riparia::io {

// "a string", "an integer", ... for messages that say what was found.
const char* toml_type_name(const toml::node& node);

// Parses a TOML file; syntax errors become InputError with file, line and column.
toml::table parse_toml_file(const std::string& path);

class TomlTable {
  public:
    // `context` names the table in messages ("[study]", "subbasin 'A'"). Throws on unknown keys.
    TomlTable(const toml::table& table, std::string file, std::string context,
              const std::vector<std::string>& allowed_keys);
    // Without a key check: for tables whose keys are names (countries, sub-basin ids) or are
    // checked by another reader.
    TomlTable(const toml::table& table, std::string file, std::string context)
        : table_(table), file_(std::move(file)), context_(std::move(context)) {}

    bool has(const std::string& key) const { return table_.contains(key); }
    std::string required_string(const std::string& key) const;
    std::optional<std::string> optional_string(const std::string& key) const;
    double required_number(const std::string& key) const;
    std::optional<double> optional_number(const std::string& key) const;
    std::optional<std::int64_t> optional_integer(const std::string& key) const;
    // A nested table (inline or not); nullptr when absent, error when of another type.
    const toml::table* optional_table(const std::string& key) const;

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const;
    [[noreturn]] void fail_here(const std::string& problem) const;
    const std::string& file() const { return file_; }
    const std::string& context() const { return context_; }

  private:
    std::string where(const toml::source_region& region) const;
    [[noreturn]] void wrong_type(const std::string& key, const char* expected) const;

    const toml::table& table_;
    std::string file_, context_;
};

} // namespace riparia::io
