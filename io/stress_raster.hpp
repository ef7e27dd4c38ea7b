// stress.tif: the stress class of the polygons of a GIS layer rasterised on a lon/lat grid
// (GDALRasterizeGeometries), one Byte band per scenario and policy, GeoTIFF, EPSG:4326,
// DEFLATE, nodata 0 (docs/outputs.md, "stress.tif").
#pragma once

#include <string>

namespace riparia::io {

// The grid's cell: `preferred_cell_deg`, doubled until neither side of the layer's extent
// needs more than `max_cells` cells.
double raster_cell_deg(double width_deg, double height_deg, double preferred_cell_deg = 0.05,
                       int max_cells = 2048);

// Reads `layer` of the GeoPackage (fields class, scenario and, when present, policy) and
// writes the raster to a temporary name beside `tif_path`, then renames it. Where polygons
// overlap, the higher class is drawn. False (and no file) when the layer has no polygon to
// draw. Throws std::runtime_error naming the file on failure.
bool write_class_raster(const std::string& gpkg_path, const std::string& layer,
                        const std::string& tif_path);

} // namespace riparia::io
