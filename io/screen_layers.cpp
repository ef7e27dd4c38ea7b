#include "io/screen_layers.hpp"

#include "io/layer_geometry.hpp"
#include "io/layer_styles.hpp"
#include "io/polygons.hpp"
#include "io/run_layers.hpp"
#include "io/stress_raster.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace riparia::io {

using nlohmann::json;

VectorLayer screen_basin_layer(const std::string& basins_path, const json& rows) {
    std::vector<std::string> codes;
    for (const json& row : rows) {
        const std::string code = row.value("bcode", "");
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    const std::vector<model::MultiPolygon> polygons =
        read_subbasin_polygons(basins_path, "BCODE", codes);
    VectorLayer layer{"basins", wkbMultiPolygon, {}, {}, class_polygon_qml("class")};
    layer.fields = {{"scenario", FieldKind::text}, {"bcode", FieldKind::text},
                    {"name", FieldKind::text},     {"score", FieldKind::real},
                    {"class", FieldKind::integer}, {"share_at_risk", FieldKind::real},
                    {"flag", FieldKind::integer},  {"worst", FieldKind::text},
                    {"reasons", FieldKind::text}};
    for (const json& row : rows) {
        const std::string code = row.value("bcode", "");
        const auto at = std::find(codes.begin(), codes.end(), code) - codes.begin();
        layer.add(to_ogr(polygons[static_cast<std::size_t>(at)]),
                  {row.value("scenario", ""), code, row.value("name", ""), row.value("score", 0.0),
                   std::int64_t{row.value("class", 0)}, row.value("share_members_at_risk", 0.0),
                   std::int64_t{row.value("flag", false) ? 1 : 0}, row.value("worst", ""),
                   joined_reasons(row)});
    }
    return layer;
}

void write_screen_layers(const std::string& basins_path, const std::string& stress_json_path,
                         const std::string& gpkg_path, const std::string& tif_path) {
    std::ifstream in(stress_json_path);
    if (!in) throw std::runtime_error(stress_json_path + ": cannot be read");
    const json stress = json::parse(in);
    std::vector<VectorLayer> layers;
    layers.push_back(screen_basin_layer(basins_path, stress.at("rows")));
    write_geopackage(gpkg_path, layers);
    write_class_raster(gpkg_path, "basins", tif_path);
}

} // namespace riparia::io
