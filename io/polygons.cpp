#include "io/polygons.hpp"

#include "io/input_error.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <map>
#include <memory>
#include <mutex>
#include <ogrsf_frmts.h>

namespace riparia::io {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr open_vector(const std::string& path) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        throw InputError(fmt::format("{}: polygons: cannot be opened as a vector file (expected "
                                     "GeoJSON, GeoPackage or Shapefile readable by GDAL): {}",
                                     path, CPLGetLastErrorMsg()));
    }
    if (dataset->GetLayerCount() < 1)
        throw InputError(fmt::format("{}: polygons: found no layer, expected one", path));
    return dataset;
}

void check_geographic(const std::string& path, OGRLayer& layer) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr || srs->IsGeographic()) return;
    const char* name = srs->GetName();
    throw InputError(fmt::format("{}: polygons: found projected coordinates ({}), expected "
                                 "longitude/latitude degrees (EPSG:4326)",
                                 path, name ? name : "unnamed CRS"));
}

model::Ring to_ring(const OGRLinearRing& ring) {
    model::Ring out;
    const int n = ring.getNumPoints();
    out.reserve(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k)
        out.push_back({ring.getX(k), ring.getY(k)});
    if (out.size() > 1 && out.front().lon_deg == out.back().lon_deg &&
        out.front().lat_deg == out.back().lat_deg)
        out.pop_back();
    return out;
}

void add_polygon(const OGRPolygon& polygon, model::MultiPolygon& out) {
    if (polygon.IsEmpty()) return;
    model::Polygon part;
    part.exterior = to_ring(*polygon.getExteriorRing());
    for (int k = 0; k < polygon.getNumInteriorRings(); ++k)
        part.holes.push_back(to_ring(*polygon.getInteriorRing(k)));
    out.push_back(std::move(part));
}

// Adds the polygons of a geometry; false when it holds something else (lines, points).
bool add_geometry(const OGRGeometry& geometry, model::MultiPolygon& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
        add_polygon(*geometry.toPolygon(), out);
        return true;
    case wkbMultiPolygon:
        for (const OGRPolygon* polygon : *geometry.toMultiPolygon())
            add_polygon(*polygon, out);
        return true;
    default:
        return false;
    }
}

std::string field_names(OGRFeatureDefn& definition) {
    std::string names;
    for (int k = 0; k < definition.GetFieldCount(); ++k)
        names +=
            (names.empty() ? "" : ", ") + std::string(definition.GetFieldDefn(k)->GetNameRef());
    return names;
}

} // namespace

std::vector<model::MultiPolygon> read_subbasin_polygons(const std::string& path,
                                                        const std::string& id_field,
                                                        const std::vector<std::string>& ids) {
    DatasetPtr dataset = open_vector(path);
    OGRLayer& layer = *dataset->GetLayer(0);
    check_geographic(path, layer);
    const int field = layer.GetLayerDefn()->GetFieldIndex(id_field.c_str());
    if (field < 0) {
        throw InputError(fmt::format("{}: polygons: found no field '{}' (the id_field), expected "
                                     "one of: {}",
                                     path, id_field, field_names(*layer.GetLayerDefn())));
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < ids.size(); ++k)
        index.emplace(ids[k], k);
    std::vector<model::MultiPolygon> polygons(ids.size());
    layer.ResetReading();
    for (const auto& feature : layer) {
        const auto it = index.find(feature->GetFieldAsString(field));
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (it == index.end() || geometry == nullptr) continue;
        if (!add_geometry(*geometry, polygons[it->second])) {
            throw InputError(fmt::format("{}: polygons: feature '{}': found a {}, expected a "
                                         "Polygon or MultiPolygon",
                                         path, it->first, geometry->getGeometryName()));
        }
    }
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (polygons[k].empty()) {
            throw InputError(fmt::format("{}: polygons: sub-basin '{}' has no polygon (found no "
                                         "feature with {} = '{}'), expected one per sub-basin",
                                         path, ids[k], id_field, ids[k]));
        }
    }
    return polygons;
}

} // namespace riparia::io
