#include "io/basin_file.hpp"

#include "io/climate_table.hpp"
#include "io/input_error.hpp"
#include "io/management_file.hpp"
#include "io/polygons.hpp"
#include "io/toml_table.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>

namespace riparia::io {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kSubbasinKeys = {
    "id",   "name",    "country", "area_km2", "lat",         "lon",     "downstream", "forcing",
    "gr4j", "initial", "routing", "snow",     "elevation_m", "climate", "outlet"};

std::string resolve(const std::string& file, const std::string& relative) {
    const fs::path p(relative);
    if (p.is_absolute()) return p.lexically_normal().string();
    return (fs::path(file).parent_path() / p).lexically_normal().string();
}

double number_in(const TomlTable& t, const std::string& key, double low, double high,
                 const char* expected) {
    const double v = t.required_number(key);
    if (v < low || v > high) t.fail(key, fmt::format("found {}, expected {}", v, expected));
    return v;
}

model::Gr4jParams read_gr4j(const TomlTable& t) {
    const toml::table* table = t.optional_table("gr4j");
    if (!table) t.fail_here("missing required key 'gr4j' (a table {x1, x2, x3, x4})");
    TomlTable g(*table, t.file(), t.context() + " gr4j", {"x1", "x2", "x3", "x4"});
    model::Gr4jParams p{g.required_number("x1"), g.required_number("x2"), g.required_number("x3"),
                        g.required_number("x4")};
    if (p.x1_mm <= 0) g.fail("x1", fmt::format("found {}, expected a capacity > 0 mm", p.x1_mm));
    if (p.x3_mm <= 0) g.fail("x3", fmt::format("found {}, expected a capacity > 0 mm", p.x3_mm));
    if (p.x4_days < model::kMinX4Days || p.x4_days > model::kMaxX4Days) {
        g.fail("x4", fmt::format("found {}, expected a unit hydrograph base in [{}, {}] days",
                                 p.x4_days, model::kMinX4Days, model::kMaxX4Days));
    }
    return p;
}

void read_initial(const TomlTable& t, model::Subbasin& s) {
    const toml::table* table = t.optional_table("initial");
    if (!table) return;
    TomlTable init(*table, t.file(), t.context() + " initial", {"production_fill", "routing_fill"});
    if (init.has("production_fill")) {
        s.production_fill = number_in(init, "production_fill", 0, 1, "a fraction of X1 in [0, 1]");
    }
    if (init.has("routing_fill")) {
        s.routing_fill = number_in(init, "routing_fill", 0, 1, "a fraction of X3 in [0, 1]");
    }
}

void read_routing(const TomlTable& t, model::Subbasin& s) {
    const toml::table* table = t.optional_table("routing");
    if (!table) return;
    TomlTable r(*table, t.file(), t.context() + " routing",
                {"lag_days", "k_days", "loss_fraction"});
    if (r.has("lag_days")) {
        s.routing.lag_days =
            number_in(r, "lag_days", 0, model::kMaxLagDays,
                      fmt::format("a lag in [0, {}] days", model::kMaxLagDays).c_str());
    }
    if (r.has("k_days")) {
        s.routing.k_days = number_in(
            r, "k_days", 0, model::kMaxReservoirKDays,
            fmt::format("a time constant in [0, {}] days", model::kMaxReservoirKDays).c_str());
    }
    if (r.has("loss_fraction")) {
        s.routing.loss_fraction =
            number_in(r, "loss_fraction", 0, model::kMaxLossFraction,
                      fmt::format("a fraction in [0, {}]", model::kMaxLossFraction).c_str());
    }
}

void read_snow(const TomlTable& t, model::Subbasin& s) {
    const toml::table* table = t.optional_table("snow");
    if (!table) return;
    TomlTable sn(*table, t.file(), t.context() + " snow",
                 {"threshold_c", "transition_width_c", "melt_threshold_c",
                  "melt_factor_mm_per_c_day", "initial_swe_mm"});
    model::SnowParams p;
    p.threshold_c = sn.optional_number("threshold_c").value_or(p.threshold_c);
    p.melt_threshold_c = sn.optional_number("melt_threshold_c").value_or(p.melt_threshold_c);
    if (sn.has("transition_width_c")) {
        p.transition_width_c =
            number_in(sn, "transition_width_c", 0, 20, "a width in [0, 20] degC");
    }
    if (sn.has("melt_factor_mm_per_c_day")) {
        p.melt_factor_mm_per_c_day =
            number_in(sn, "melt_factor_mm_per_c_day", 0, 20, "a degree-day factor in [0, 20]");
    }
    if (sn.has("initial_swe_mm")) {
        p.initial_swe_mm = number_in(sn, "initial_swe_mm", 0, 1e5, "a snow pack in [0, 1e5] mm");
    }
    s.snow = p;
}

std::string read_country(const TomlTable& t) {
    const std::string code = t.required_string("country");
    const bool ok = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
                        return std::isupper(static_cast<unsigned char>(c));
                    });
    if (!ok)
        t.fail("country", fmt::format("found '{}', expected an ISO 3166 alpha-3 code such as "
                                      "'EGY'",
                                      code));
    return code;
}

// [basin]: name, description, population = { ISO3 = people }, population_year.
void read_header(const TomlTable& t, model::Basin& basin) {
    basin.name = t.required_string("name");
    basin.description = t.optional_string("description").value_or("");
    if (const auto year = t.optional_integer("population_year")) {
        if (*year < 1900 || *year > 2100) {
            t.fail("population_year", fmt::format("found {}, expected a year 1900 .. 2100", *year));
        }
        basin.population_year = static_cast<int>(*year);
    }
    const toml::table* population = t.optional_table("population");
    if (!population) return;
    const TomlTable p(*population, t.file(), "[basin] population");
    for (const auto& [key, node] : *population) {
        const std::string country(key.str());
        const double people = node.value<double>().value_or(-1);
        if (!node.is_number() || people < 0) {
            p.fail(country, "expected a number of people >= 0");
        }
        basin.population[country] = people;
    }
}

// [basin] geometry: the sub-basin polygons (one feature per sub-basin, field "id"), for the
// map layers of a run.
void read_geometry(const TomlTable& t, const std::vector<std::string>& ids, BasinFile& result) {
    const auto relative = t.optional_string("geometry");
    if (!relative) return;
    result.geometry_path = resolve(t.file(), *relative);
    if (!fs::is_regular_file(result.geometry_path)) {
        t.fail("geometry", fmt::format("file '{}' not found (resolved to {}), expected sub-basin "
                                       "polygons (GeoJSON, GeoPackage or Shapefile)",
                                       *relative, result.geometry_path));
    }
    result.subbasin_polygons = read_subbasin_polygons(result.geometry_path, "id", ids);
}

model::Subbasin read_subbasin(const TomlTable& t, std::string& forcing, std::string& downstream) {
    model::Subbasin s;
    s.id = t.required_string("id");
    if (s.id.empty()) t.fail("id", "found an empty string, expected an identifier");
    s.name = t.optional_string("name").value_or(s.id);
    s.country = read_country(t);
    s.area_km2 = t.required_number("area_km2");
    if (s.area_km2 <= 0)
        t.fail("area_km2", fmt::format("found {}, expected an area > 0", s.area_km2));
    s.lat_deg = number_in(t, "lat", -90, 90, "a latitude in [-90, 90] degrees");
    s.lon_deg = number_in(t, "lon", -180, 360, "a longitude in [-180, 360] degrees");
    s.elevation_m = t.optional_number("elevation_m");
    if (const toml::table* outlet = t.optional_table("outlet")) {
        const TomlTable o(*outlet, t.file(), t.context() + " outlet", {"lat", "lon"});
        s.outlet =
            model::GeoPoint{number_in(o, "lat", -90, 90, "a latitude in [-90, 90] degrees"),
                            number_in(o, "lon", -180, 360, "a longitude in [-180, 360] degrees")};
    }
    downstream = t.optional_string("downstream").value_or("");
    forcing = t.optional_string("forcing").value_or(""); // required by the csv forcing source
    s.gr4j = read_gr4j(t);
    read_initial(t, s);
    read_routing(t, s);
    read_snow(t, s);
    s.climate = read_climate(t);
    return s;
}

} // namespace

BasinFile load_basin_file(const std::string& path) {
    std::error_code unreadable; // a path too long to look up is not found either
    if (!fs::is_regular_file(path, unreadable)) {
        throw InputError(fmt::format("{}: basin file not found", path));
    }
    const toml::table root = parse_toml_file(path);
    TomlTable top(root, path, "basin file",
                  {"basin", "subbasin", "reservoir", "demand", "environmental_flow", "agreement"});
    BasinFile result;
    result.path = path;
    const toml::table* header = top.optional_table("basin");
    if (!header) top.fail_here("missing required table [basin] with key 'name'");
    read_header(TomlTable(*header, path, "[basin]",
                          {"name", "description", "population", "population_year", "geometry"}),
                result.basin);

    const toml::node* list = root.get("subbasin");
    if (!list) top.fail_here("no [[subbasin]] tables: a basin needs at least one sub-basin");
    if (!list->is_array_of_tables())
        top.fail("subbasin", "expected an array of [[subbasin]] tables");
    std::vector<std::string> ids, downstream_ids;
    std::vector<TomlTable> tables;
    int index = 0;
    for (const toml::node& node : *list->as_array()) {
        ++index;
        const toml::table& table = *node.as_table();
        const auto* id_node = table.get("id");
        const std::string label = id_node && id_node->is_string()
                                      ? fmt::format("subbasin '{}'", id_node->as_string()->get())
                                      : fmt::format("subbasin #{}", index);
        tables.emplace_back(table, path, label, kSubbasinKeys);
        std::string forcing, downstream;
        result.basin.subbasins.push_back(read_subbasin(tables.back(), forcing, downstream));
        result.forcing_paths.push_back(forcing.empty() ? "" : resolve(path, forcing));
        if (!forcing.empty() && !fs::is_regular_file(result.forcing_paths.back(), unreadable)) {
            tables.back().fail("forcing", fmt::format("file '{}' not found (resolved to {})",
                                                      forcing, result.forcing_paths.back()));
        }
        ids.push_back(result.basin.subbasins.back().id);
        downstream_ids.push_back(downstream);
    }
    try {
        result.basin.network = model::Network(ids, downstream_ids);
    } catch (const model::NetworkError& error) {
        const TomlTable& t = tables[error.node()];
        if (error.kind() == model::NetworkError::Kind::duplicate_id) {
            const TomlTable by_position(*list->as_array()->get(error.node())->as_table(), path,
                                        fmt::format("subbasin #{}", error.node() + 1),
                                        kSubbasinKeys);
            by_position.fail("id", error.what());
        }
        t.fail("downstream", error.what());
    }
    read_geometry(TomlTable(*header, path, "[basin]"), ids, result);
    result.basin.management = read_management(root, path, result.basin);
    result.root = root;
    return result;
}

} // namespace riparia::io
