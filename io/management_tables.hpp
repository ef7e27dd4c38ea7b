// Shared by the readers of basin.toml's management tables (internal to io/).
#pragma once

#include "io/input_error.hpp"
#include "io/suggest.hpp"
#include "io/toml_table.hpp"
#include "model/basin.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace riparia::io::management {

struct Context {
    const std::string& path;
    const model::Basin& basin;
    std::vector<std::string> ids;
    std::set<std::string> countries;
    std::vector<int> reservoir_nodes; // filled as [[reservoir]] tables are read (before demands)
};

template <typename F>
inline void for_each_table(const toml::table& root, const Context& c, const std::string& key,
                           F&& read) {
    const toml::node* list = root.get(key);
    if (!list || (list->is_array() && list->as_array()->empty())) return; // a policy removed all
    if (!list->is_array_of_tables()) {
        TomlTable(root, c.path, "basin file").fail(key, fmt::format("expected [[{}]] tables", key));
    }
    int index = 0;
    for (const toml::node& node : *list->as_array()) {
        ++index;
        const toml::table& table = *node.as_table();
        const toml::node* id = table.get("id");
        const std::string label = id && id->is_string()
                                      ? fmt::format("{} '{}'", key, id->as_string()->get())
                                      : fmt::format("{} #{}", key, index);
        read(table, label);
    }
}

inline int node_of(const TomlTable& t, const Context& c, const std::string& key,
                   bool required = true) {
    const auto id = required ? std::optional(t.required_string(key)) : t.optional_string(key);
    if (!id) return -1;
    const int node = c.basin.network.index_of(*id);
    if (node < 0) {
        t.fail(key, fmt::format("found '{}', expected the id of a sub-basin of this basin{}", *id,
                                did_you_mean(*id, c.ids)));
    }
    return node;
}

inline int priority_of(const TomlTable& t, const std::string& key, int fallback) {
    if (!t.has(key)) return fallback;
    const auto p = t.optional_integer(key);
    if (*p < 1 || *p > 1000000) t.fail(key, fmt::format("found {}, expected an integer >= 1", *p));
    return static_cast<int>(*p);
}

inline double non_negative(const TomlTable& t, const std::string& key) {
    const double v = t.required_number(key);
    if (v < 0) t.fail(key, fmt::format("found {}, expected a value >= 0", v));
    return v;
}

// A number (the same every month) or an array of 12 non-negative numbers.
inline std::array<double, 12> monthly_values(const toml::table& table, const TomlTable& t,
                                             const std::string& key) {
    std::array<double, 12> values{};
    const toml::node* node = table.get(key);
    if (!node) t.fail_here(fmt::format("missing required key '{}' (a number or 12 numbers)", key));
    if (node->is_number()) {
        values.fill(t.required_number(key));
    } else if (node->is_array() && node->as_array()->size() == 12) {
        for (std::size_t m = 0; m < 12; ++m) {
            const toml::node& v = *node->as_array()->get(m);
            if (!v.is_number())
                t.fail(key,
                       fmt::format("value {} is {}, expected a number", m + 1, toml_type_name(v)));
            values[m] = v.value<double>().value();
        }
    } else {
        t.fail(key, "expected a number or an array of 12 numbers (January to December)");
    }
    for (double v : values) {
        if (!std::isfinite(v) || v < 0)
            t.fail(key, fmt::format("found {}, expected values >= 0", v));
    }
    return values;
}

inline std::string country_of(const TomlTable& t, const Context& c, const std::string& code,
                              const std::string& key) {
    if (!c.countries.count(code)) {
        std::vector<std::string> known(c.countries.begin(), c.countries.end());
        t.fail(key, fmt::format("found '{}', expected a country of this basin's sub-basins ({}){}",
                                code, fmt::join(known, ", "), did_you_mean(code, known)));
    }
    return code;
}

extern const std::vector<std::string> kReservoirKeys, kDemandKeys, kFlowKeys, kAgreementKeys;

model::ReservoirSpec read_reservoir(const toml::table& table, const std::string& label,
                                    const Context& c);
model::DemandSpec read_demand(const toml::table& table, const std::string& label, const Context& c);
model::EnvironmentalFlowSpec read_environmental_flow(const toml::table& table,
                                                     const std::string& label, const Context& c);
model::AgreementSpec read_agreement(const toml::table& table, const std::string& label,
                                    const Context& c);

} // namespace riparia::io::management
