// basin.toml: the sub-basin network, GR4J, routing and snow parameters, forcing files.
#pragma once

#include "model/area_weights.hpp"
#include "model/basin.hpp"

#include <string>
#include <toml++/toml.h>
#include <vector>

namespace riparia::io {

struct BasinFile {
    std::string path;
    model::Basin basin;
    std::vector<std::string> forcing_paths; // per sub-basin, resolved; empty when not given
    toml::table root;                       // the whole file (policies edit its tables)
    std::string geometry_path;              // [basin] geometry, resolved; empty when not given
    std::vector<model::MultiPolygon> subbasin_polygons; // from it, per sub-basin; empty: none
};

// Loads and validates; throws InputError naming the file, line and key on any problem.
BasinFile load_basin_file(const std::string& path);

} // namespace riparia::io
