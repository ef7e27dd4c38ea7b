// GIS layers as plain tables of features (a geometry and typed attributes), and the GeoPackage
// they are written to: EPSG:4326, one table per layer, and QGIS's `layer_styles` table so the
// file opens coloured (docs/outputs.md, "layers.gpkg").
#pragma once

#include <cstdint>
#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <variant>
#include <vector>

namespace riparia::io {

enum class FieldKind { integer, real, text };

struct FieldSpec {
    std::string name;
    FieldKind kind = FieldKind::text;
};

// std::monostate: null (e.g. no downstream sub-basin at the outlet).
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Feature {
    std::unique_ptr<OGRGeometry> geometry;
    std::vector<FieldValue> values; // one per field of the layer, in its order
};

struct VectorLayer {
    std::string name;
    OGRwkbGeometryType geometry_type = wkbUnknown; // wkbNone: a table without geometry
    std::vector<FieldSpec> fields;
    std::vector<Feature> features;
    std::string qml; // QGIS style (io/layer_styles.hpp); empty: none

    // Index of a field, added at the end when new (features added before get a null value).
    std::size_t field(const std::string& name, FieldKind kind);
    void add(std::unique_ptr<OGRGeometry> geometry, std::vector<FieldValue> values);
};

// Writes the layers to a GeoPackage, first under a temporary name beside `path`, then renamed
// (an earlier file is replaced). Throws std::runtime_error naming the file when GDAL fails.
void write_geopackage(const std::string& path, const std::vector<VectorLayer>& layers);

} // namespace riparia::io
