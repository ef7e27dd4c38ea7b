// Sub-basin polygons from any vector file GDAL/OGR reads (GeoJSON, GeoPackage, Shapefile),
// lon/lat degrees (EPSG:4326), features keyed by a field holding the sub-basin id.
#pragma once

#include "model/area_weights.hpp"

#include <string>
#include <vector>

namespace riparia::io {

// One multipolygon per id, in the order of `ids`; features sharing an id are merged. Throws
// InputError naming the file when it cannot be read, is not in geographic coordinates, lacks
// `id_field`, or has no (multi)polygon for one of the ids (named).
std::vector<model::MultiPolygon> read_subbasin_polygons(const std::string& path,
                                                        const std::string& id_field,
                                                        const std::vector<std::string>& ids);

} // namespace riparia::io
