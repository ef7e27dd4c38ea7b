#include "io/run_layers.hpp"

#include "io/layer_geometry.hpp"
#include "io/layer_styles.hpp"
#include "io/stress_raster.hpp"
#include "model/equal_area_box.hpp"

#include <fstream>
#include <stdexcept>

namespace riparia::io {

namespace {

using nlohmann::json;

// The sub-basin polygons, and their unions per country (the basin-country units) and overall.
struct BasinShapes {
    std::vector<std::unique_ptr<OGRMultiPolygon>> subbasins;
    std::vector<std::string> countries; // in the order of their first sub-basin
    std::vector<std::unique_ptr<OGRMultiPolygon>> units;
    std::unique_ptr<OGRMultiPolygon> whole;

    const OGRMultiPolygon* unit(const std::string& code) const {
        for (std::size_t c = 0; c < countries.size(); ++c)
            if (countries[c] == code) return units[c].get();
        return nullptr;
    }
};

BasinShapes shapes_of(const BasinFile& b) {
    BasinShapes shapes;
    const auto& subbasins = b.basin.subbasins;
    for (std::size_t k = 0; k < subbasins.size(); ++k) {
        const model::Subbasin& s = subbasins[k];
        shapes.subbasins.push_back(
            b.subbasin_polygons.empty()
                ? to_ogr({model::equal_area_box(s.lat_deg, s.lon_deg, s.area_km2)})
                : to_ogr(b.subbasin_polygons[k]));
        if (std::find(shapes.countries.begin(), shapes.countries.end(), s.country) ==
            shapes.countries.end())
            shapes.countries.push_back(s.country);
    }
    std::vector<const OGRMultiPolygon*> all;
    for (const auto& country : shapes.countries) {
        std::vector<const OGRMultiPolygon*> parts;
        for (std::size_t k = 0; k < subbasins.size(); ++k)
            if (subbasins[k].country == country) parts.push_back(shapes.subbasins[k].get());
        shapes.units.push_back(union_of(parts));
        all.push_back(shapes.units.back().get());
    }
    shapes.whole = union_of(all);
    return shapes;
}

model::GeoPoint outlet_point(const model::Subbasin& s) {
    return s.outlet.value_or(model::GeoPoint{s.lat_deg, s.lon_deg});
}

std::unique_ptr<OGRPoint> outlet_geometry(const model::Subbasin& s) {
    const model::GeoPoint p = outlet_point(s);
    return point(p.lon_deg, p.lat_deg);
}

VectorLayer subbasin_layer(const BasinFile& b, const BasinShapes& shapes) {
    VectorLayer layer{"subbasins", wkbMultiPolygon, {}, {}, fill_qml("166,206,227")};
    layer.fields = {{"id", FieldKind::text},         {"name", FieldKind::text},
                    {"country", FieldKind::text},    {"area_km2", FieldKind::real},
                    {"downstream", FieldKind::text}, {"geometry_source", FieldKind::text}};
    const auto& subbasins = b.basin.subbasins;
    const std::string source = b.subbasin_polygons.empty() ? "schematic" : "file";
    for (std::size_t k = 0; k < subbasins.size(); ++k) {
        const model::Subbasin& s = subbasins[k];
        const int down = b.basin.network.downstream(k);
        layer.add(std::make_unique<OGRMultiPolygon>(*shapes.subbasins[k]),
                  {s.id, s.name, s.country, s.area_km2,
                   down < 0 ? FieldValue{} : FieldValue{subbasins[down].id}, source});
    }
    return layer;
}

// The numeric medians of a row's indicators (`indicators: {name: {median: x}}`) as NAME_median.
void add_indicators(VectorLayer& layer, const json& row, std::vector<FieldValue>& values) {
    const auto it = row.find("indicators");
    if (it == row.end() || !it->is_object()) return;
    for (const auto& [name, indicator] : it->items()) {
        if (!indicator.is_object() || !indicator.contains("median") ||
            !indicator["median"].is_number())
            continue;
        const std::size_t k = layer.field(name + "_median", FieldKind::real);
        if (values.size() <= k) values.resize(k + 1);
        values[k] = indicator["median"].get<double>();
    }
}

VectorLayer unit_layer(const BasinShapes& shapes, const json& rows) {
    VectorLayer layer{"units", wkbMultiPolygon, {}, {}, class_polygon_qml("class")};
    layer.fields = {{"scenario", FieldKind::text},  {"policy", FieldKind::text},
                    {"unit", FieldKind::text},      {"score_median", FieldKind::real},
                    {"score_p10", FieldKind::real}, {"score_p90", FieldKind::real},
                    {"class", FieldKind::integer},  {"share_at_risk", FieldKind::real},
                    {"flag", FieldKind::integer},   {"reasons", FieldKind::text},
                    {"members", FieldKind::integer}};
    for (const json& row : rows) {
        if (row.value("level", "") != "unit") continue;
        const std::string code = row.value("item", "");
        const OGRMultiPolygon* shape = shapes.unit(code);
        std::vector<FieldValue> values = {row.value("scenario", ""),
                                          row.value("policy", ""),
                                          code,
                                          row.value("score_median", 0.0),
                                          row.value("score_p10", 0.0),
                                          row.value("score_p90", 0.0),
                                          std::int64_t{row.value("class", 0)},
                                          row.value("share_at_risk", 0.0),
                                          std::int64_t{row.value("flag", false) ? 1 : 0},
                                          joined_reasons(row),
                                          std::int64_t{row.value("members", 0)}};
        add_indicators(layer, row, values);
        layer.add(shape ? std::make_unique<OGRMultiPolygon>(*shape) : nullptr, std::move(values));
    }
    return layer;
}

VectorLayer river_layer(const BasinFile& b) {
    VectorLayer layer{"rivers", wkbLineString, {}, {}, line_qml("31,120,180", 0.8)};
    layer.fields = {{"from_id", FieldKind::text}, {"to_id", FieldKind::text}};
    const auto& subbasins = b.basin.subbasins;
    for (std::size_t k = 0; k < subbasins.size(); ++k) {
        const int down = b.basin.network.downstream(k);
        if (down < 0) continue;
        const model::GeoPoint from = outlet_point(subbasins[k]);
        const model::GeoPoint to = outlet_point(subbasins[down]);
        auto line = std::make_unique<OGRLineString>();
        line->addPoint(from.lon_deg, from.lat_deg);
        line->addPoint(to.lon_deg, to.lat_deg);
        layer.add(std::move(line), {subbasins[k].id, subbasins[down].id});
    }
    return layer;
}

VectorLayer reservoir_layer(const BasinFile& b) {
    VectorLayer layer{"reservoirs", wkbPoint, {}, {}, marker_qml("square", "31,78,121", 3.0)};
    layer.fields = {{"id", FieldKind::text},
                    {"name", FieldKind::text},
                    {"subbasin", FieldKind::text},
                    {"capacity_hm3", FieldKind::real},
                    {"dead_storage_hm3", FieldKind::real},
                    {"initial_storage_hm3", FieldKind::real},
                    {"max_release_m3s", FieldKind::real},
                    {"rule", FieldKind::text}};
    for (const model::ReservoirSpec& r : b.basin.management.reservoirs) {
        const model::Subbasin& s = b.basin.subbasins[static_cast<std::size_t>(r.node)];
        layer.add(
            outlet_geometry(s),
            {r.id, r.name, s.id, r.capacity_hm3, r.dead_storage_hm3, r.initial_storage_hm3,
             r.max_release_m3s,
             std::string(r.rule == model::RuleKind::hanasaki ? "hanasaki" : "monthly_target")});
    }
    return layer;
}

// The sub-basin whose outlet is the first crossing from country `from` into country `to`.
int border_node(const BasinFile& b, const std::string& from, const std::string& to) {
    const auto& subbasins = b.basin.subbasins;
    for (std::size_t k = 0; k < subbasins.size(); ++k) {
        const int down = b.basin.network.downstream(k);
        if (down >= 0 && subbasins[k].country == from && subbasins[down].country == to)
            return static_cast<int>(k);
    }
    return -1;
}

VectorLayer border_layer(const BasinFile& b) {
    VectorLayer layer{"border_points", wkbPoint, {}, {}, marker_qml("diamond", "255,127,0", 3.5)};
    layer.fields = {{"node_id", FieldKind::text},
                    {"from_country", FieldKind::text},
                    {"to_country", FieldKind::text}};
    const auto& subbasins = b.basin.subbasins;
    for (std::size_t k = 0; k < subbasins.size(); ++k) {
        const int down = b.basin.network.downstream(k);
        if (down < 0 || subbasins[k].country == subbasins[down].country) continue;
        layer.add(outlet_geometry(subbasins[k]),
                  {subbasins[k].id, subbasins[k].country, subbasins[down].country});
    }
    return layer;
}

// Where a flagged row is pinned: inside the basin or the unit; for a pair "UP -> DOWN", the
// river's crossing from UP into DOWN, else half-way between the two units.
std::unique_ptr<OGRPoint> flag_point(const BasinFile& b, const BasinShapes& shapes,
                                     const json& row) {
    const std::string level = row.value("level", ""), item = row.value("item", "");
    if (level == "unit" && shapes.unit(item)) return inside_point(*shapes.unit(item));
    const auto arrow = item.find(" -> ");
    if (level != "pair" || arrow == std::string::npos) return inside_point(*shapes.whole);
    const std::string up = item.substr(0, arrow), down = item.substr(arrow + 4);
    const int node = border_node(b, up, down);
    if (node >= 0) return outlet_geometry(b.basin.subbasins[static_cast<std::size_t>(node)]);
    if (!shapes.unit(up) || !shapes.unit(down)) return inside_point(*shapes.whole);
    const auto p = inside_point(*shapes.unit(up)), q = inside_point(*shapes.unit(down));
    return point(0.5 * (p->getX() + q->getX()), 0.5 * (p->getY() + q->getY()));
}

VectorLayer flag_layer(const BasinFile& b, const BasinShapes& shapes, const json& rows) {
    VectorLayer layer{"flags", wkbPoint, {}, {}, marker_qml("triangle", "215,25,28", 4.5)};
    layer.fields = {{"scenario", FieldKind::text},      {"policy", FieldKind::text},
                    {"level", FieldKind::text},         {"item", FieldKind::text},
                    {"score_median", FieldKind::real},  {"class", FieldKind::integer},
                    {"share_at_risk", FieldKind::real}, {"reasons", FieldKind::text}};
    for (const json& row : rows) {
        if (!row.value("flag", false)) continue;
        layer.add(flag_point(b, shapes, row),
                  {row.value("scenario", ""), row.value("policy", ""), row.value("level", ""),
                   row.value("item", ""), row.value("score_median", 0.0),
                   std::int64_t{row.value("class", 0)}, row.value("share_at_risk", 0.0),
                   joined_reasons(row)});
    }
    return layer;
}

} // namespace

std::string joined_reasons(const json& row) {
    std::string text;
    for (const auto& reason : row.value("reasons", json::array()))
        text += (text.empty() ? "" : "; ") + reason.get<std::string>();
    return text;
}

std::vector<VectorLayer> run_layers(const BasinFile& basin, const json& stress_rows) {
    const BasinShapes shapes = shapes_of(basin);
    std::vector<VectorLayer> layers;
    layers.push_back(subbasin_layer(basin, shapes));
    layers.push_back(unit_layer(shapes, stress_rows));
    layers.push_back(river_layer(basin));
    layers.push_back(reservoir_layer(basin));
    layers.push_back(border_layer(basin));
    layers.push_back(flag_layer(basin, shapes, stress_rows));
    return layers;
}

void write_run_layers(const BasinFile& basin, const std::string& stress_json_path,
                      const std::string& gpkg_path, const std::string& tif_path) {
    std::ifstream in(stress_json_path);
    if (!in) throw std::runtime_error(stress_json_path + ": cannot be read");
    const json stress = json::parse(in);
    write_geopackage(gpkg_path, run_layers(basin, stress.at("rows")));
    write_class_raster(gpkg_path, "units", tif_path);
}

} // namespace riparia::io
