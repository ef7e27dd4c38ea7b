// Gridded forcing from CF-NetCDF files (CMIP/ISIMIP style), aggregated to sub-basin polygons by
// exact spherical area weights (model/area_weights.hpp). The study's [forcing] table with
// source = "netcdf" names the files; docs/inputs.md "Gridded forcing (CF-NetCDF)" documents it.
#pragma once

#include "io/toml_table.hpp"
#include "model/basin.hpp"
#include "model/forcing.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace riparia::io {

struct GridVariableSpec {
    std::vector<std::string> files; // resolved paths; glob patterns already expanded and sorted
    std::string variable;           // empty: pr, tas, evspsblpot or pet by quantity
};

struct NetcdfForcingSpec {
    std::string polygons_path; // GeoJSON, GeoPackage or Shapefile; features keyed by id_field
    std::string id_field = "id";
    GridVariableSpec precipitation;                   // required
    std::optional<GridVariableSpec> temperature, pet; // pet absent: Oudin from temperature
    std::string cache_dir; // where area weights are cached; empty: no cache
};

// Reads [forcing] (source = "netcdf"): polygons, id_field, precipitation = { files = [..] or
// "glob", variable = "pr" }, temperature = {...}, pet = {...}; paths relative to the study file.
NetcdfForcingSpec read_netcdf_forcing_table(const TomlTable& t, const std::string& study_path);
const std::vector<std::string>& netcdf_forcing_keys();

// Opens and validates everything for days [first_day, last_day] (model/calendar.hpp day
// numbers): variables, units, calendars, the time axis, the grid covering every sub-basin and no
// missing value in a cell inside a sub-basin on any of those days (this reads the data once).
std::unique_ptr<model::ForcingSource> open_netcdf_forcing(const NetcdfForcingSpec& spec,
                                                          const model::Basin& basin,
                                                          std::int64_t first_day,
                                                          std::int64_t last_day);

// The input files read (for provenance and checksums in run.json): polygons + every NetCDF file.
std::vector<std::string> netcdf_forcing_inputs(const NetcdfForcingSpec& spec);

} // namespace riparia::io
