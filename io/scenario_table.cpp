#include "io/ensemble_tables.hpp"
#include "io/suggest.hpp"

#include <fmt/format.h>

namespace riparia::io {

namespace {

// A number (every month) or an array of 12 numbers, each within [low, high].
std::array<double, 12> monthly_values(const TomlTable& t, const toml::table& table,
                                      const std::string& key, double low, double high,
                                      const char* what) {
    std::array<double, 12> v;
    const toml::node* node = table.get(key);
    auto check = [&](double x, const std::string& where) {
        if (!(x >= low && x <= high)) {
            t.fail(key,
                   fmt::format("found {}{}, expected {} in [{}, {}]", x, where, what, low, high));
        }
        return x;
    };
    if (node->is_number()) {
        v.fill(check(node->value<double>().value(), ""));
        return v;
    }
    const toml::array* list = node->as_array();
    if (!list || list->size() != 12) {
        t.fail(key, fmt::format("found {}{}, expected one number or a list of 12 monthly values "
                                "(January first)",
                                list ? fmt::format("a list of {} values", list->size())
                                     : std::string(toml_type_name(*node)),
                                ""));
    }
    for (std::size_t m = 0; m < 12; ++m) {
        const toml::node* x = list->get(m);
        if (!x->is_number()) {
            t.fail(key,
                   fmt::format("value {} is {}, expected a number", m + 1, toml_type_name(*x)));
        }
        v[m] = check(x->value<double>().value(), fmt::format(" (value {})", m + 1));
    }
    return v;
}

constexpr double kMaxFactor = 10.0, kMaxDeltaC = 20.0;

void read_delta(const TomlTable& t, const toml::table& table, std::array<double, 12>& factor,
                std::array<double, 12>& delta_c) {
    if (table.contains("precipitation_factor")) {
        factor = monthly_values(t, table, "precipitation_factor", 0.0, kMaxFactor,
                                "a precipitation factor");
    }
    if (table.contains("temperature_delta_c")) {
        delta_c = monthly_values(t, table, "temperature_delta_c", -kMaxDeltaC, kMaxDeltaC,
                                 "a temperature change in degC");
    }
}

void read_subbasin_deltas(const TomlTable& t, const BasinFile& basin, model::ClimateDelta& d) {
    const toml::table* per = t.optional_table("subbasin");
    if (!per) return;
    std::vector<std::string> ids;
    for (const auto& s : basin.basin.subbasins)
        ids.push_back(s.id);
    for (const auto& [key, node] : *per) {
        const std::string id(key.str());
        const int i = basin.basin.network.index_of(id);
        const TomlTable bad(*per, t.file(), t.context() + " subbasin");
        if (i < 0) {
            bad.fail(id, fmt::format("expected the id of a sub-basin of this basin{}",
                                     did_you_mean(id, ids)));
        }
        if (!node.is_table()) bad.fail(id, "expected a table {precipitation_factor, ...}");
        const TomlTable s(*node.as_table(), t.file(), t.context() + " subbasin " + id,
                          {"precipitation_factor", "temperature_delta_c"});
        read_delta(s, *node.as_table(), d.precip_factor[i], d.temperature_delta_c[i]);
    }
}

std::optional<model::Sector> sector_named(const std::string& name) {
    for (auto s : {model::Sector::irrigation, model::Sector::domestic, model::Sector::industry,
                   model::Sector::livestock, model::Sector::environment}) {
        if (name == model::sector_name(s)) return s;
    }
    return std::nullopt;
}

std::vector<std::string> countries_of(const BasinFile& basin) {
    std::vector<std::string> c;
    for (const auto& s : basin.basin.subbasins)
        if (std::find(c.begin(), c.end(), s.country) == c.end()) c.push_back(s.country);
    return c;
}

double growth_factor(const TomlTable& t, const std::string& key, const toml::node& node) {
    if (!node.is_number())
        t.fail(key, fmt::format("found {}, expected a factor", toml_type_name(node)));
    const double f = node.value<double>().value();
    if (!(f >= 0 && f <= 100))
        t.fail(key, fmt::format("found {}, expected a factor in [0, 100]", f));
    return f;
}

// A key of `t` that must name a country of the basin.
void require_country(const TomlTable& t, const std::string& country,
                     const std::vector<std::string>& countries) {
    if (std::find(countries.begin(), countries.end(), country) != countries.end()) return;
    t.fail(country, fmt::format("expected a country of this basin ({}){}",
                                fmt::join(countries, ", "), did_you_mean(country, countries)));
}

// demand_growth = { EGY = 1.2, SDN = { irrigation = 1.5 } }
void read_demand_growth(const TomlTable& t, const BasinFile& basin, ScenarioSpec& s) {
    const toml::table* growth = t.optional_table("demand_growth");
    if (!growth) return;
    const auto countries = countries_of(basin);
    const TomlTable g(*growth, t.file(), t.context() + " demand_growth");
    for (const auto& [key, node] : *growth) {
        const std::string country(key.str());
        require_country(g, country, countries);
        if (!node.is_table()) {
            s.demand_growth.push_back({country, std::nullopt, growth_factor(g, country, node)});
            continue;
        }
        const TomlTable by_sector(*node.as_table(), t.file(),
                                  t.context() + " demand_growth " + country);
        for (const auto& [sector_key, factor] : *node.as_table()) {
            const std::string name(sector_key.str());
            const auto sector = sector_named(name);
            if (!sector) {
                by_sector.fail(name, "expected a sector: irrigation, domestic, industry, "
                                     "livestock or environment" +
                                         did_you_mean(name, {"irrigation", "domestic", "industry",
                                                             "livestock", "environment"}));
            }
            s.demand_growth.push_back({country, sector, growth_factor(by_sector, name, factor)});
        }
    }
}

void read_population(const TomlTable& t, const BasinFile& basin, ScenarioSpec& s) {
    const toml::table* population = t.optional_table("population");
    if (!population) return;
    const auto countries = countries_of(basin);
    const TomlTable p(*population, t.file(), t.context() + " population");
    for (const auto& [key, node] : *population) {
        const std::string country(key.str());
        require_country(p, country, countries);
        const double people = node.value<double>().value_or(-1);
        if (!node.is_number() || people < 0) {
            p.fail(country, "expected a number of people >= 0");
        }
        s.population[country] = people;
    }
}

} // namespace

ScenarioSpec read_scenario(const TomlTable& t, const toml::table& table, const BasinFile& basin) {
    ScenarioSpec s;
    s.description = t.optional_string("description").value_or("");
    const std::size_t n = basin.basin.subbasins.size();
    s.climate = model::ClimateDelta::none(n);
    std::array<double, 12> factor = s.climate.precip_factor[0];
    std::array<double, 12> delta_c = s.climate.temperature_delta_c[0];
    read_delta(t, table, factor, delta_c);
    s.climate.precip_factor.assign(n, factor);
    s.climate.temperature_delta_c.assign(n, delta_c);
    read_subbasin_deltas(t, basin, s.climate);
    read_demand_growth(t, basin, s);
    read_population(t, basin, s);
    return s;
}

} // namespace riparia::io
