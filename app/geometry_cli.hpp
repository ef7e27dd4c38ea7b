// The `riparia geometry` command line (registered by app/main.cpp).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace riparia::app {

// riparia geometry (docs/geometry.md): paths default to the data folder beside the repository.
struct GeometryOptions {
    std::string basin_path;
    std::string bcode; // the TFDD basin code (BCODE)
    std::string basins_path = "../shared/data/tfdd/basins310.geojson";
    std::string countries_path = "../shared/data/countries/world.gpkg";
    double cell_deg = 0.05;
    double simplify_cells = 1.0;
    std::string out_path;
    bool quiet = false;
};
int geometry_command(const GeometryOptions& options); // app/geometry_command.cpp

CLI::App* add_geometry_subcommand(CLI::App& cli, GeometryOptions& options);

} // namespace riparia::app
