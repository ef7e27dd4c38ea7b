// [[demand]] and [[environmental_flow]] tables of basin.toml.
#include "io/management_tables.hpp"

#include <algorithm>
#include <numeric>

namespace riparia::io::management {

const std::vector<std::string> kDemandKeys = {"id",
                                              "country",
                                              "subbasin",
                                              "sector",
                                              "annual_volume_hm3",
                                              "monthly_profile",
                                              "consumptive_fraction",
                                              "return_subbasin",
                                              "priority"};
const std::vector<std::string> kFlowKeys = {"id", "subbasin", "flow_m3s", "priority"};

namespace {

model::Sector read_sector(const TomlTable& t) {
    const std::string s = t.required_string("sector");
    static const std::vector<std::string> names = {"irrigation", "domestic", "industry",
                                                   "livestock", "environment"};
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (s == names[k]) return static_cast<model::Sector>(k);
    }
    t.fail("sector", fmt::format("found '{}', expected one of irrigation, domestic, industry, "
                                 "livestock, environment{}",
                                 s, did_you_mean(s, names)));
}

// 12 non-negative shares of the annual volume summing to 1; by default in proportion to the
// number of days in each month (a flat daily demand).
std::array<double, 12> read_profile(const toml::table& table, const TomlTable& t) {
    if (!t.has("monthly_profile")) {
        static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        std::array<double, 12> flat{};
        for (int m = 0; m < 12; ++m)
            flat[m] = days[m] / 365.0;
        return flat;
    }
    const toml::node* node = table.get("monthly_profile");
    if (!node->is_array() || node->as_array()->size() != 12) {
        t.fail("monthly_profile",
               "expected an array of 12 shares (January to December) summing to 1");
    }
    const auto profile = monthly_values(table, t, "monthly_profile");
    const double sum = std::accumulate(profile.begin(), profile.end(), 0.0);
    if (std::fabs(sum - 1.0) > 1e-6) {
        t.fail("monthly_profile", fmt::format("the 12 shares sum to {:.6g}, expected 1", sum));
    }
    return profile;
}

// The return node must be the withdrawal node or downstream of it (water does not flow uphill).
int read_return_node(const TomlTable& t, const Context& c, int node) {
    if (!t.has("return_subbasin")) return node;
    const int target = node_of(t, c, "return_subbasin");
    for (int v = node; v >= 0; v = c.basin.network.downstream(static_cast<std::size_t>(v))) {
        if (v == target) return target;
        // docs/allocation.md: a return may not pass a reservoir (at the withdrawal sub-basin or
        // between it and the return sub-basin).
        if (std::find(c.reservoir_nodes.begin(), c.reservoir_nodes.end(), v) !=
            c.reservoir_nodes.end()) {
            t.fail("return_subbasin",
                   fmt::format("the return to '{}' would pass the reservoir at '{}'; expected "
                               "the withdrawal sub-basin, or one downstream with no reservoir "
                               "on the way (withdraw below the dam instead)",
                               c.basin.subbasins[target].id, c.basin.subbasins[v].id));
        }
    }
    t.fail("return_subbasin",
           fmt::format("'{}' is not the withdrawal sub-basin or downstream of it",
                       c.basin.subbasins[target].id));
}

} // namespace

model::DemandSpec read_demand(const toml::table& table, const std::string& label,
                              const Context& c) {
    const TomlTable t(table, c.path, label, kDemandKeys);
    model::DemandSpec d;
    d.id = t.required_string("id");
    d.country = country_of(t, c, t.required_string("country"), "country");
    d.node = node_of(t, c, "subbasin");
    d.sector = read_sector(t);
    d.annual_volume_hm3 = non_negative(t, "annual_volume_hm3");
    d.monthly_share = read_profile(table, t);
    d.consumptive_fraction = t.optional_number("consumptive_fraction").value_or(1.0);
    if (d.consumptive_fraction < 0 || d.consumptive_fraction > 1) {
        t.fail("consumptive_fraction",
               fmt::format("found {}, expected a fraction in [0, 1]", d.consumptive_fraction));
    }
    // Checked even when all is consumed: an upstream return sub-basin is wrong either way.
    const int return_node = read_return_node(t, c, d.node);
    d.return_node = d.consumptive_fraction < 1 ? return_node : -1;
    if (!t.has("priority")) t.fail_here("missing required key 'priority' (an integer >= 1)");
    d.priority = priority_of(t, "priority", 1);
    return d;
}

model::EnvironmentalFlowSpec read_environmental_flow(const toml::table& table,
                                                     const std::string& label, const Context& c) {
    const TomlTable t(table, c.path, label, kFlowKeys);
    model::EnvironmentalFlowSpec f;
    f.id = t.required_string("id");
    f.node = node_of(t, c, "subbasin");
    f.flow_m3s = monthly_values(table, t, "flow_m3s");
    if (!t.has("priority")) t.fail_here("missing required key 'priority' (an integer >= 1)");
    f.priority = priority_of(t, "priority", 1);
    return f;
}

} // namespace riparia::io::management
