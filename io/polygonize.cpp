#include "io/polygonize.hpp"
#include "io/input_error.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <mutex>
#include <ogrsf_frmts.h>

namespace riparia::io {

namespace {

void register_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset label_dataset(const model::Raster<std::int32_t>& labels) {
    const model::GridGeometry& g = labels.grid;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    Dataset ds(mem->Create("", int(g.cols), int(g.rows), 1, GDT_Int32, nullptr));
    double t[6] = {g.lon0_deg - 0.5 * g.dlon_deg, g.dlon_deg, 0,
                   g.lat0_deg - 0.5 * g.dlat_deg, 0,          g.dlat_deg};
    ds->SetGeoTransform(t);
    if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, int(g.cols), int(g.rows),
                                       const_cast<std::int32_t*>(labels.values.data()), int(g.cols),
                                       int(g.rows), GDT_Int32, 0, 0) != CE_None)
        throw std::runtime_error("writing the label raster to memory failed");
    return ds;
}

void add_parts(const OGRGeometry& geometry, model::MultiPolygon& out) {
    const auto add = [&out](const OGRPolygon& p) {
        model::Polygon part;
        const auto ring = [](const OGRLinearRing& r) {
            model::Ring pts;
            for (int k = 0; k + 1 < r.getNumPoints(); ++k)
                pts.push_back({r.getX(k), r.getY(k)});
            return pts;
        };
        part.exterior = ring(*p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRings(); ++h)
            part.holes.push_back(ring(*p.getInteriorRing(h)));
        out.push_back(std::move(part));
    };
    const auto type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon) add(*geometry.toPolygon());
    if (type == wkbMultiPolygon)
        for (const OGRPolygon* p : *geometry.toMultiPolygon())
            add(*p);
    if (type == wkbGeometryCollection)
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            add_parts(*part, out);
}

} // namespace

std::vector<std::unique_ptr<OGRMultiPolygon>>
polygonize_labels(const model::Raster<std::int32_t>& labels, std::size_t count) {
    register_gdal();
    Dataset raster = label_dataset(labels);
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
    Dataset vector(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = vector->CreateLayer("labels", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn field("label", OFTInteger);
    layer->CreateField(&field);
    if (GDALPolygonize(raster->GetRasterBand(1), nullptr, layer, 0, nullptr, nullptr, nullptr) !=
        CE_None)
        throw std::runtime_error(fmt::format("GDALPolygonize failed: {}", CPLGetLastErrorMsg()));
    std::vector<std::unique_ptr<OGRMultiPolygon>> out;
    for (std::size_t k = 0; k < count; ++k)
        out.push_back(std::make_unique<OGRMultiPolygon>());
    layer->ResetReading();
    for (auto& feature : *layer) {
        const int label = feature->GetFieldAsInteger(0);
        if (label < 0 || std::size_t(label) >= count) continue;
        out[label]->addGeometry(feature->GetGeometryRef());
    }
    return out;
}

void write_geojson(const std::string& path, const std::string& layer_name,
                   const std::vector<GeoFeature>& features) {
    register_gdal();
    const std::string temporary = path + ".partial";
    std::filesystem::remove(temporary);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    Dataset ds(driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw InputError(fmt::format("{}: cannot be written ({})", path, CPLGetLastErrorMsg()));
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &wgs84, wkbMultiPolygon, nullptr);
    if (!features.empty()) {
        for (const auto& [name, value] : features.front().text) {
            OGRFieldDefn f(name.c_str(), OFTString);
            layer->CreateField(&f);
        }
        for (const auto& [name, value] : features.front().number) {
            OGRFieldDefn f(name.c_str(), OFTReal);
            layer->CreateField(&f);
        }
    }
    for (const GeoFeature& gf : features) {
        OGRFeature feature(layer->GetLayerDefn());
        for (const auto& [name, value] : gf.text)
            feature.SetField(name.c_str(), value.c_str());
        for (const auto& [name, value] : gf.number)
            feature.SetField(name.c_str(), value);
        if (gf.geometry) feature.SetGeometry(gf.geometry);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            throw std::runtime_error(fmt::format("{}: writing a feature failed", path));
    }
    ds.reset();
    std::filesystem::rename(temporary, path);
}

model::MultiPolygon to_multipolygon(const OGRGeometry& geometry) {
    model::MultiPolygon out;
    add_parts(geometry, out);
    return out;
}

double spherical_area_km2(const OGRGeometry& geometry) {
    // model::polygon_area_m2 uses the authalic radius; rescale to the mean radius.
    const double scale = model::earth_mean_radius_km * 1e3 / model::earth_authalic_radius_m;
    double m2 = 0;
    for (const model::Polygon& p : to_multipolygon(geometry))
        m2 += model::polygon_area_m2(p);
    return m2 * scale * scale * 1e-6;
}

} // namespace riparia::io
