// The GIS layers of `riparia screen` (docs/stress.md, "Outputs"): layers.gpkg with the TFDD
// basin polygons, one feature per basin and scenario, coloured by class, and stress.tif.
#pragma once

#include "io/vector_layers.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::io {

// The `basins` layer: the rows of the screening's stress.json (bcode, name, scenario, score,
// class, share_members_at_risk, flag, worst, reasons) on the polygons of `basins_path`
// (field BCODE); InputError when a basin has no polygon there.
VectorLayer screen_basin_layer(const std::string& basins_path, const nlohmann::json& rows);

// Writes layers.gpkg and stress.tif from the screening's stress.json.
void write_screen_layers(const std::string& basins_path, const std::string& stress_json_path,
                         const std::string& gpkg_path, const std::string& tif_path);

} // namespace riparia::io
