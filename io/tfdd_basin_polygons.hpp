// The TFDD basin polygons (basins310.geojson, field BCODE) as valid multipolygons.
#pragma once

#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace riparia::io {

// The basin polygons of `codes`, in that order (an empty multipolygon where the file has none);
// invalid rings are repaired (MakeValid) and only their polygonal parts kept. Throws InputError
// naming the file when it cannot be read or has no BCODE field.
std::vector<std::unique_ptr<OGRMultiPolygon>>
read_tfdd_basin_polygons(const std::string& path, const std::vector<std::string>& codes);

} // namespace riparia::io
