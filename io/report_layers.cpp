#include "io/report_layers.hpp"

#include "io/input_error.hpp"

#include <cmath>
#include <fmt/format.h>
#include <gdal.h>
#include <memory>
#include <ogr_api.h>
#include <set>

namespace riparia::io {

namespace {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
struct FeatureDestroyer {
    void operator()(void* f) const { OGR_F_Destroy(f); }
};

Ring thinned_ring(OGRGeometryH ring, double tolerance_deg) {
    Ring out;
    const int n = OGR_G_GetPointCount(ring);
    for (int i = 0; i < n; ++i) {
        const LonLat p{OGR_G_GetX(ring, i), OGR_G_GetY(ring, i)};
        const bool ends = i == 0 || i == n - 1;
        if (!ends && std::hypot(p[0] - out.back()[0], p[1] - out.back()[1]) < tolerance_deg) {
            continue;
        }
        out.push_back(p);
    }
    return out;
}

// Every ring of a (Multi)Polygon, walking nested geometries.
void collect_rings(OGRGeometryH g, double tolerance_deg, std::vector<Ring>& rings) {
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbLinearRing || type == wkbLineString) {
        Ring r = thinned_ring(g, tolerance_deg);
        if (r.size() >= 4) rings.push_back(std::move(r));
        return;
    }
    for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
        collect_rings(OGR_G_GetGeometryRef(g, i), tolerance_deg, rings);
    }
}

OGRLayerH layer_named(GDALDatasetH ds, const std::string& path, const std::string& name) {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, name.c_str());
    if (!layer) {
        throw InputError(fmt::format("{}: no layer '{}'; expected the GeoPackage riparia run "
                                     "writes (docs/outputs.md)",
                                     path, name));
    }
    return layer;
}

int field_index(OGRLayerH layer, const std::string& path, const std::string& layer_name,
                const std::string& field) {
    const int index = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), field.c_str());
    if (index < 0) {
        throw InputError(fmt::format("{}: layer '{}' has no field '{}'; expected the fields of "
                                     "docs/outputs.md",
                                     path, layer_name, field));
    }
    return index;
}

std::vector<UnitOutline> read_units(GDALDatasetH ds, const std::string& path, double tolerance) {
    OGRLayerH layer = layer_named(ds, path, "units");
    const int unit_field = field_index(layer, path, "units", "unit");
    std::vector<UnitOutline> units;
    std::set<std::string> seen;
    OGR_L_ResetReading(layer);
    while (auto f = std::unique_ptr<void, FeatureDestroyer>(OGR_L_GetNextFeature(layer))) {
        const std::string unit = OGR_F_GetFieldAsString(f.get(), unit_field);
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g || !seen.insert(unit).second) continue;
        UnitOutline outline{unit, {}};
        collect_rings(g, tolerance, outline.rings);
        units.push_back(std::move(outline));
    }
    return units;
}

std::vector<BorderPoint> read_border_points(GDALDatasetH ds, const std::string& path) {
    std::vector<BorderPoint> points;
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, "border_points");
    if (!layer) return points;
    const int node = field_index(layer, path, "border_points", "node_id");
    const int from = field_index(layer, path, "border_points", "from_country");
    const int to = field_index(layer, path, "border_points", "to_country");
    OGR_L_ResetReading(layer);
    while (auto f = std::unique_ptr<void, FeatureDestroyer>(OGR_L_GetNextFeature(layer))) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g || wkbFlatten(OGR_G_GetGeometryType(g)) != wkbPoint) continue;
        points.push_back({OGR_F_GetFieldAsString(f.get(), node),
                          OGR_F_GetFieldAsString(f.get(), from),
                          OGR_F_GetFieldAsString(f.get(), to),
                          {OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)}});
    }
    return points;
}

} // namespace

ReportLayers read_report_layers(const std::string& gpkg_path, double tolerance_deg) {
    GDALAllRegister();
    std::unique_ptr<void, DatasetCloser> ds(GDALOpenEx(
        gpkg_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) {
        throw InputError(fmt::format("{}: cannot be opened as a GeoPackage; expected the "
                                     "layers.gpkg riparia run writes",
                                     gpkg_path));
    }
    return {read_units(ds.get(), gpkg_path, tolerance_deg),
            read_border_points(ds.get(), gpkg_path)};
}

} // namespace riparia::io
