#include "io/vector_layers.hpp"

#include "io/gdal_dataset.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>
#include <stdexcept>

namespace riparia::io {

namespace {

// Fixed, so that the same inputs give the same bytes: GDAL stamps gpkg_contents.last_change
// with OGR_CURRENT_DATE when it is set (GeoPackage driver documentation), and the styles with
// the same date.
constexpr const char* kStampDate = "2000-01-01T00:00:00.000Z";
constexpr const char* kGeometryColumn = "geom";

OGRFieldType ogr_type(FieldKind kind) {
    switch (kind) {
    case FieldKind::integer:
        return OFTInteger64;
    case FieldKind::real:
        return OFTReal;
    case FieldKind::text:
        break;
    }
    return OFTString;
}

void set_value(OGRFeature& feature, int index, const FieldValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        feature.SetField(index, static_cast<GIntBig>(*i));
    } else if (const auto* d = std::get_if<double>(&value)) {
        feature.SetField(index, *d);
    } else if (const auto* s = std::get_if<std::string>(&value)) {
        feature.SetField(index, s->c_str());
    } else {
        feature.SetFieldNull(index);
    }
}

void fail(const std::string& path, const std::string& what) {
    throw std::runtime_error(
        fmt::format("{}: cannot write {}: {}", path, what, CPLGetLastErrorMsg()));
}

void write_layer(GDALDataset& dataset, const std::string& path, const VectorLayer& layer,
                 const OGRSpatialReference& wgs84) {
    const bool spatial = layer.geometry_type != wkbNone;
    const std::string geometry_option = std::string("GEOMETRY_NAME=") + kGeometryColumn;
    const char* options[] = {"FID=fid", geometry_option.c_str(), nullptr};
    OGRLayer* out = dataset.CreateLayer(
        layer.name.c_str(), spatial ? const_cast<OGRSpatialReference*>(&wgs84) : nullptr,
        layer.geometry_type, const_cast<char**>(options));
    if (!out) fail(path, "layer " + layer.name);
    for (const FieldSpec& f : layer.fields) {
        OGRFieldDefn definition(f.name.c_str(), ogr_type(f.kind));
        if (out->CreateField(&definition) != OGRERR_NONE) fail(path, "field " + f.name);
    }
    for (const Feature& f : layer.features) {
        OGRFeature feature(out->GetLayerDefn());
        for (std::size_t k = 0; k < layer.fields.size(); ++k)
            set_value(feature, static_cast<int>(k),
                      k < f.values.size() ? f.values[k] : FieldValue{});
        if (f.geometry) feature.SetGeometry(f.geometry.get());
        if (out->CreateFeature(&feature) != OGRERR_NONE) fail(path, "a feature of " + layer.name);
    }
}

// QGIS's table of styles (the columns QGIS creates when it saves a style into a GeoPackage).
void write_layer_styles(GDALDataset& dataset, const std::string& path,
                        const std::vector<VectorLayer>& layers) {
    VectorLayer styles{"layer_styles", wkbNone, {}, {}, {}};
    for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name",
                             "f_geometry_column", "styleName", "styleQML", "styleSLD"})
        styles.fields.push_back({name, FieldKind::text});
    styles.fields.push_back({"useAsDefault", FieldKind::integer});
    for (const char* name : {"description", "owner", "ui", "update_time"})
        styles.fields.push_back({name, FieldKind::text});
    for (const VectorLayer& layer : layers) {
        if (layer.qml.empty()) continue;
        styles.add(nullptr, {std::string(), std::string(), layer.name, std::string(kGeometryColumn),
                             layer.name, layer.qml, std::string(), std::int64_t{1},
                             "riparia style of " + layer.name, std::string(), std::string(),
                             std::string(kStampDate)});
    }
    OGRSpatialReference none;
    write_layer(dataset, path, styles, none);
}

} // namespace

std::size_t VectorLayer::field(const std::string& field_name, FieldKind kind) {
    for (std::size_t k = 0; k < fields.size(); ++k)
        if (fields[k].name == field_name) return k;
    fields.push_back({field_name, kind});
    return fields.size() - 1;
}

void VectorLayer::add(std::unique_ptr<OGRGeometry> geometry, std::vector<FieldValue> values) {
    features.push_back({std::move(geometry), std::move(values)});
}

void write_geopackage(const std::string& path, const std::vector<VectorLayer>& layers) {
    const std::string temporary = temporary_beside(path);
    VSIUnlink(temporary.c_str());
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", kStampDate);
    {
        GdalDatasetPtr dataset = create_vector_dataset("GPKG", temporary);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (dataset->StartTransaction() != OGRERR_NONE) fail(temporary, "a transaction");
        for (const VectorLayer& layer : layers)
            write_layer(*dataset, temporary, layer, wgs84);
        write_layer_styles(*dataset, temporary, layers);
        if (dataset->CommitTransaction() != OGRERR_NONE) fail(temporary, "the layers");
    }
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr);
    rename_into_place(temporary, path);
}

} // namespace riparia::io
