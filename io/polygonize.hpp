// Label rasters to polygons (GDALPolygonize) and polygon layers to GeoJSON (EPSG:4326).
#pragma once

#include "model/area_weights.hpp"
#include "model/dem_grid.hpp"

#include <map>
#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace riparia::io {

// One multipolygon per label 0 .. count - 1 (cells labelled -1 are left out; a label without
// cells gets an empty multipolygon). Cell edges are straight lines in lon/lat.
std::vector<std::unique_ptr<OGRMultiPolygon>>
polygonize_labels(const model::Raster<std::int32_t>& labels, std::size_t count);

struct GeoFeature {
    const OGRGeometry* geometry = nullptr;
    std::map<std::string, std::string> text;
    std::map<std::string, double> number;
};

// Writes a GeoJSON FeatureCollection (RFC 7946, EPSG:4326) to a temporary name beside `path`,
// then renames it into place.
void write_geojson(const std::string& path, const std::string& layer,
                   const std::vector<GeoFeature>& features);

// The geometry as the model's multipolygon (for spherical areas, model/area_weights.hpp).
model::MultiPolygon to_multipolygon(const OGRGeometry& geometry);

// Spherical area (km2) of a polygonal geometry on the sphere of model::earth_mean_radius_km.
double spherical_area_km2(const OGRGeometry& geometry);

} // namespace riparia::io
