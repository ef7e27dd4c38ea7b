// Basin-country units: each sub-basin polygon intersected with country polygons (OGR/GEOS
// Intersection), with spherical areas.
#pragma once

#include <functional>
#include <memory>
#include <ogr_geometry.h>
#include <string>
#include <vector>

namespace riparia::io {

struct CountryUnit {
    std::size_t subbasin = 0; // index into the sub-basin polygons
    std::string code;         // the country file's code (iso_a3, else iso_a2, else id)
    std::string name;
    double area_km2 = 0; // on the sphere of model::earth_mean_radius_km
    std::unique_ptr<OGRGeometry> geometry;
};

struct CountryUnits {
    std::string code_field; // the field the codes came from
    std::vector<CountryUnit> units;
};

// Reads the first layer of `countries_path` (GeoPackage, GeoJSON, TopoJSON, Shapefile; lon/lat)
// and intersects every country with every sub-basin whose envelope it meets. Throws InputError
// naming the file when it cannot be read or has none of the code fields. `wanted` (optional)
// skips the (sub-basin, country code) pairs it rejects before intersecting them.
using UnitFilter = std::function<bool(std::size_t subbasin, const std::string& code)>;
CountryUnits intersect_countries(const std::string& countries_path,
                                 const std::vector<std::unique_ptr<OGRMultiPolygon>>& subbasins,
                                 const UnitFilter& wanted = {});

} // namespace riparia::io
