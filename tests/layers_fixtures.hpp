// Shared by the GIS layer tests: a small study on the demo basin (2 scenarios x 2 policies +
// pristine, 4 sub-basins in 2 countries), running it, and opening what it wrote with GDAL.
#pragma once

#include "io/gdal_dataset.hpp"
#include "tests/support.hpp"

#include <string>

namespace riparia::test {

// Writes basin.toml (the demo basin, `basin_header_extra` added to its [basin] table) and
// study.toml into `dir`; returns the study path.
std::string write_layers_study(const ScratchDir& dir, const std::string& basin_header_extra = "");

// Runs the study into DIR/out (REQUIREs success) and returns the output folder.
std::string run_layers_study(const ScratchDir& dir, const std::string& basin_header_extra = "");

io::GdalDatasetPtr open_gdal(const std::string& path, unsigned flags);

} // namespace riparia::test
