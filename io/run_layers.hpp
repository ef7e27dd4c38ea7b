// The GIS layers of a run (docs/outputs.md, "layers.gpkg"): the sub-basins (from the basin's
// geometry file, else a schematic box of each sub-basin's area), the basin-country units with
// their stress rows, the river links, reservoirs, border crossings and flagged items.
#pragma once

#include "io/basin_file.hpp"
#include "io/vector_layers.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::io {

// The layers from the basin and the rows of stress.json (app/run_stress.hpp: scenario, policy,
// level basin|unit|pair, item, score_median/p10/p90, class, share_at_risk, flag, reasons and
// optionally indicators {name: {median, ...}}).
std::vector<VectorLayer> run_layers(const BasinFile& basin, const nlohmann::json& stress_rows);

// A stress row's reasons (a list of sentences) joined by "; ".
std::string joined_reasons(const nlohmann::json& row);

// Writes layers.gpkg and stress.tif (io/stress_raster.hpp) from the basin and the stress.json
// file of a run folder.
void write_run_layers(const BasinFile& basin, const std::string& stress_json_path,
                      const std::string& gpkg_path, const std::string& tif_path);

} // namespace riparia::io
