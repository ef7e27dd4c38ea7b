#include "io/toml_table.hpp"

#include "io/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::io {

toml::table parse_toml_file(const std::string& path) {
    try {
        return toml::parse_file(path);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        if (begin.line == 0) throw InputError(fmt::format("{}: {}", path, error.description()));
        throw InputError(fmt::format("{}:{}:{}: malformed TOML: {}", path, begin.line, begin.column,
                                     error.description()));
    }
}

const char* toml_type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    default:
        return "nothing";
    }
}

TomlTable::TomlTable(const toml::table& table, std::string file, std::string context,
                     const std::vector<std::string>& allowed_keys)
    : table_(table), file_(std::move(file)), context_(std::move(context)) {
    for (const auto& [key, node] : table_) {
        const std::string name(key.str());
        if (std::find(allowed_keys.begin(), allowed_keys.end(), name) != allowed_keys.end()) {
            continue;
        }
        std::string expected;
        for (const auto& k : allowed_keys)
            expected += (expected.empty() ? "" : ", ") + k;
        throw InputError(fmt::format("{}: {}: unknown key '{}'{}; expected one of: {}",
                                     where(key.source()), context_, name,
                                     did_you_mean(name, allowed_keys), expected));
    }
}

std::string TomlTable::where(const toml::source_region& region) const {
    // A node copied from another file (a policy's edit merged into the basin) names its own file.
    const std::string& file = region.path && !region.path->empty() ? *region.path : file_;
    if (region.begin.line == 0) return file;
    return fmt::format("{}:{}:{}", file, region.begin.line, region.begin.column);
}

void TomlTable::fail(const std::string& key, const std::string& problem) const {
    const toml::node* node = table_.get(key);
    const std::string place = node ? where(node->source()) : where(table_.source());
    throw InputError(fmt::format("{}: {} key '{}': {}", place, context_, key, problem));
}

void TomlTable::fail_here(const std::string& problem) const {
    throw InputError(fmt::format("{}: {}: {}", where(table_.source()), context_, problem));
}

void TomlTable::wrong_type(const std::string& key, const char* expected) const {
    const toml::node* node = table_.get(key);
    fail(key, fmt::format("found {}, expected {}", toml_type_name(*node), expected));
}

std::optional<std::string> TomlTable::optional_string(const std::string& key) const {
    const toml::node* node = table_.get(key);
    if (!node) return std::nullopt;
    if (!node->is_string()) wrong_type(key, "a string");
    return node->as_string()->get();
}

std::string TomlTable::required_string(const std::string& key) const {
    auto value = optional_string(key);
    if (!value) fail_here(fmt::format("missing required key '{}' (a string)", key));
    return *value;
}

std::optional<double> TomlTable::optional_number(const std::string& key) const {
    const toml::node* node = table_.get(key);
    if (!node) return std::nullopt;
    double value;
    if (node->is_integer()) {
        value = static_cast<double>(node->as_integer()->get());
    } else if (node->is_floating_point()) {
        value = node->as_floating_point()->get();
    } else {
        wrong_type(key, "a number");
    }
    if (!std::isfinite(value)) fail(key, fmt::format("found {}, expected a finite number", value));
    return value;
}

double TomlTable::required_number(const std::string& key) const {
    auto value = optional_number(key);
    if (!value) fail_here(fmt::format("missing required key '{}' (a number)", key));
    return *value;
}

std::optional<std::int64_t> TomlTable::optional_integer(const std::string& key) const {
    const toml::node* node = table_.get(key);
    if (!node) return std::nullopt;
    if (!node->is_integer()) wrong_type(key, "an integer");
    return node->as_integer()->get();
}

const toml::table* TomlTable::optional_table(const std::string& key) const {
    const toml::node* node = table_.get(key);
    if (!node) return nullptr;
    if (!node->is_table()) wrong_type(key, "a table");
    return node->as_table();
}

} // namespace riparia::io
