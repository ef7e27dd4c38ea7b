// The riparia subcommands. Each returns the process exit code; invalid input throws
// io::InputError (exit 2), anything else is an internal error (exit 1).
#pragma once

#include "model/closed_depressions.hpp"

#include <string>
#include <vector>

namespace riparia::app {

// One of N shards of a study's runs: the runs whose number modulo N is `index`.
struct ShardSpec {
    int index = 0, count = 1;
    bool owns(std::size_t run) const { return static_cast<int>(run % count) == index; }
};

// riparia run --scenario/--policy/--no-pristine (app/run_selection.hpp): the study's
// (scenario, policy) pairs to run; empty lists select all.
struct RunSelection {
    std::vector<std::string> scenarios, policies;
    bool no_pristine = false; // leave out the pristine runs otherwise kept beside the selection
    bool any() const { return !scenarios.empty() || !policies.empty() || no_pristine; }
};

struct RunOptions {
    std::string study_path;
    std::string out_dir = "out";
    int threads = 0; // 0: OpenMP's default (all cores)
    bool daily = false;
    bool quiet = false;
    bool resume = false;
    int checkpoint_years = 10; // 0: never
    int members = 0;           // > 0: only the first N members of the study
    RunSelection selection;
    ShardSpec shard;
    std::string stress_config_path; // empty: the built-in weights (those of config/stress.toml)
    std::string command_line;
};

int run_command(const RunOptions& options);
int check_command(const std::string& study_path);

struct CalibrateOptions {
    std::string calibration_path;
    std::string out_dir = "calibration-out";
    bool update_basin = false;
    bool quiet = false;
    int threads = 1; // evaluations run one after the other; threads share a run's sub-basins
    std::string command_line;
};
int calibrate_command(const CalibrateOptions& options); // app/calibrate_command.cpp
// riparia delineate (docs/delineation.md).
struct DelineateOptions {
    std::string basin_path;
    std::string dem_path, ldd_path, d8_path; // at most one; none: the default DEM (ETOPO5)
    std::string out_dir = "delineation";
    std::string countries_path; // empty: one unit per sub-basin, in its basin file's country
    std::string sinks_path;     // DEM: declared endorheic terminal sinks ([[sink]] TOML)
    int snap_radius_cells = 3;
    bool cells = false;        // also write basin.toml with every upstream cell as a sub-basin
    bool no_burn = false;      // DEM: no stream burning along the declared network
    double flat_min_km2 = -1;  // DEM: drain level flats of at least this area (km2); < 0: off
    bool closed_lakes = false; // DEM: closed depressions of the climatology are terminal sinks
    std::string precipitation_path, temperature_path; // their grids; empty: $RIPARIA_DATA's
    double closed_lakes_max_aridity = model::hyperarid_aridity_index; // lakes drier than P/PET
    bool quiet = false;
};
int delineate_command(const DelineateOptions& options);

int merge_command(const std::string& out_dir, const std::vector<std::string>& shard_dirs,
                  bool quiet, const std::string& command_line);

// riparia climatology (docs/climatology.md); paths empty = not given.
struct ClimatologyOptions {
    std::string basin_path;
    std::string precipitation_path, precipitation_variable;
    std::string temperature_path, temperature_variable;
    std::string polygons_path, id_field = "id";
    bool update_basin = false;
    std::string out_path;
};
int climatology_command(const ClimatologyOptions& options);

// riparia screen (docs/stress.md): paths default to the data folder beside the repository.
struct ScreenOptions {
    std::string out_dir = "screen-out";
    std::string basins_path = "../shared/data/tfdd/basins310.geojson";
    std::string register_path = "../shared/data/tfdd/basin_country_register.csv";
    std::string treaties_path = "../shared/data/tfdd/treaties.csv";
    std::string rbo_path = "../shared/data/tfdd/rbo.csv";
    std::string aquastat_path = "../shared/data/aquastat/riparian_countries.csv";
    std::string events_path = "../shared/data/tfdd/events_1948_1989.csv";
    std::string countries_path = "../shared/data/countries/world.gpkg"; // upstream order
    std::string dem_path = "/usr/share/ferret-vis/data/etopo5.cdf";     // upstream order
    std::string cache_dir;                          // unit terrain cache; empty: OUT/.riparia-cache
    std::string config_path = "config/stress.toml"; // empty: built-in defaults
    std::string validation_path;                    // non-empty: write the validation there
    std::vector<std::string> scenarios;             // empty: all of the config
    int members = -1;                               // < 0: the config's
    int threads = 0;                                // 0: OpenMP's default
    bool quiet = false;
    std::string command_line;
};
int screen_command(const ScreenOptions& options); // app/screen_command.cpp

// riparia export (docs/outputs.md): a run folder's GIS layers in another format.
struct ExportOptions {
    std::string run_dir;
    std::string format;   // gpkg, geojson, shp, tif
    std::string out_path; // empty: beside the run folder
    bool quiet = false;
};
int export_command(const ExportOptions& options); // app/export_command.cpp

// riparia compare (docs/outputs.md): B - A of two run folders' stress rows and headline figures.
struct CompareOptions {
    std::string reference_dir, edited_dir; // A and B
    std::string json_path;                 // empty: no JSON
    std::string scenario, policy;          // empty: all
};
int compare_command(const CompareOptions& options); // app/compare_command.cpp

} // namespace riparia::app
