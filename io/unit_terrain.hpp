// The terrain of the screening's basin-country units (docs/stress.md, "Upstream order"): each
// TFDD basin polygon intersected with the country polygons (io/country_units.hpp), each piece's
// elevation from a DEM weighted by the exact spherical area of every cell inside it
// (model/area_weights.hpp), and which pieces of a basin share a border. Cached as a CSV keyed
// by SHA-256 of the three input files and the register's units.
#pragma once

#include "io/tfdd_tables.hpp"

#include <string>
#include <utility>
#include <vector>

namespace riparia::io {

struct UnitTerrain {
    std::string basin, country; // the register's BCODE and ccode
    double area_km2 = 0;        // of the basin polygon inside the country polygon
    double mean_m = 0;          // area-weighted mean elevation
    double low_m = 0;           // area-weighted 10th percentile (the unit's lowland)
    // The basin's other units sharing a border with it: ccode, length of the border (km).
    std::vector<std::pair<std::string, double>> borders;
};

struct TerrainFiles {
    std::string basins_path;    // TFDD basin polygons with BCODE
    std::string countries_path; // country polygons with iso_a3 or iso_a2
    std::string dem_path;       // io/dem_reader.hpp
    std::string cache_dir;      // empty: no cache
};

// The ISO 3166-1 alpha-2 code of a register code (ISO alpha-3 or TFDD's older ZAR, ROM, MFD,
// PAL); empty for a disputed area ("CHN/IND") or an unknown code.
std::string iso_a2_of_register_code(const std::string& code);

// One entry per register unit whose country polygon meets its basin polygon; units without
// one (disputed areas, countries missing from the file) are left out. Throws InputError naming
// a file that cannot be read or lacks BCODE / a country code field.
std::vector<UnitTerrain> unit_terrain(const TerrainFiles& files,
                                      const std::vector<TfddUnit>& units);

// The cache file's text and its reader (io/unit_terrain_cache.cpp); read returns false when
// the file is missing or its key differs.
std::string terrain_cache_key(const TerrainFiles& files, const std::vector<TfddUnit>& units);
bool read_terrain_cache(const std::string& path, const std::string& key,
                        std::vector<UnitTerrain>& out);
void write_terrain_cache(const std::string& path, const std::string& key,
                         const std::vector<UnitTerrain>& terrain);

} // namespace riparia::io
