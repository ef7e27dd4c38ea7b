// What the run report reads from a run folder's layers.gpkg (docs/outputs.md): the outline of
// each basin-country unit (layer `units`, one feature per unit, scenario and policy sharing one
// geometry) and the border crossings (layer `border_points`), through GDAL.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace riparia::io {

using LonLat = std::array<double, 2>;
using Ring = std::vector<LonLat>;

struct UnitOutline {
    std::string unit;        // ISO 3166-1 alpha-3 code
    std::vector<Ring> rings; // exterior and interior rings of every part, closed
};

struct BorderPoint {
    std::string node_id, from_country, to_country;
    LonLat position{};
};

struct ReportLayers {
    std::vector<UnitOutline> units; // in the order of first appearance
    std::vector<BorderPoint> border_points;
};

// Rings thinned for an overview map: a vertex closer than `tolerance_deg` to the last kept one
// is dropped (first and last kept). Throws InputError naming the file and layer when the file
// is not a GeoPackage with a `units` layer holding a `unit` field.
ReportLayers read_report_layers(const std::string& gpkg_path, double tolerance_deg);

} // namespace riparia::io
