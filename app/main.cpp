// riparia: a simulator of shared river basins for transboundary water diplomacy.
#include "app/commands.hpp"
#include "app/compare_cli.hpp"
#include "app/export_cli.hpp"
#include "app/geometry_cli.hpp"
#include "app/mpi_session.hpp"
#include "app/screen_cli.hpp"
#include "app/shard.hpp"
#include "io/input_error.hpp"

#include <CLI/CLI.hpp>
#include <cpl_error.h>
#include <fmt/format.h>

namespace {

std::string joined(int argc, char** argv) {
    std::string line;
    for (int k = 0; k < argc; ++k)
        line += (k ? " " : "") + std::string(argv[k]);
    return line;
}

} // namespace

int main(int argc, char** argv) {
    // GDAL's default handler prints "ERROR 1: ..." lines on stderr; the readers quote the failure
    // (CPLGetLastErrorMsg) in their one-line messages instead.
    CPLSetErrorHandler(CPLQuietErrorHandler);
    riparia::app::MpiSession session(argc, argv);
    riparia::app::set_mpi(&session);
    CLI::App cli{"riparia: simulate a shared river basin — rainfall-runoff, routing, reservoirs, "
                 "demands and treaties — under climate scenarios, policies and ensemble members, "
                 "and write CF-NetCDF results.\n\n"
                 "Examples:\n"
                 "  riparia check basins/demo/study.toml\n"
                 "  riparia run basins/demo/study.toml --out demo-out --daily\n"
                 "  mpirun -np 4 riparia run study.toml --out out       (runs shared by 4 ranks)\n"
                 "  riparia run study.toml --out part-0 --shard 0/2      (then riparia merge)\n",
                 "riparia"};
    cli.footer(
        "Commands:\n"
        "  riparia run STUDY [--out DIR] [--threads N] [--daily] [--quiet]\n"
        "                    [--checkpoint-years N] [--resume] [--shard i/N]\n"
        "                    [--members N] [--scenario NAME]... [--policy NAME]... "
        "[--no-pristine]\n"
        "      --out DIR      output folder (default: out), written atomically\n"
        "      --threads N    OpenMP threads (default 0 = all cores)\n"
        "      --daily        daily values in results.nc (default: monthly means)\n"
        "      --quiet        no progress and no summary\n"
        "      --checkpoint-years N  checkpoint every N simulated years (default 10)\n"
        "      --resume       finish a run that was interrupted (killed, out of time)\n"
        "      --members N    only the first N members (same seeds as the full ensemble)\n"
        "      --scenario NAME, --policy NAME  (repeatable) only the study's runs with these\n"
        "                     scenarios and policies, plus each selected scenario's pristine\n"
        "                     run (stress is measured against it); --no-pristine drops it\n"
        "      --shard i/N    do every N-th run starting at i; combine with merge\n"
        "      --stress-config FILE  stress weights and thresholds (default: "
        "config/stress.toml's)\n"
        "  riparia merge --out DIR SHARD_DIR...\n"
        "  riparia check STUDY\n"
        "  riparia climatology BASIN [--precipitation FILE] [--temperature FILE]\n"
        "                    [--polygons FILE --id-field NAME] [--update-basin] [--out FILE]\n"
        "      each sub-basin's climate table from monthly climatology grids\n"
        "  riparia calibrate CALIBRATION [--out DIR] [--update-basin] [--threads N]\n"
        "      fit GR4J/routing parameters per group of sub-basins (docs/calibration.md)\n"
        "  riparia delineate BASIN [--dem FILE | --ldd FILE | --d8 FILE] [--out DIR]\n"
        "                    [--snap-radius CELLS] [--countries FILE] [--cells] [--no-burn]\n"
        "                    [--sinks FILE] [--flat-min-km2 AREA]\n"
        "                    [--closed-lakes [--closed-lakes-aridity AI] [--precipitation FILE]\n"
        "                    [--temperature FILE]]\n"
        "      sub-basin polygons, basin-country units and upstream areas at each\n"
        "      sub-basin's outlet (default DEM: ETOPO5; docs/delineation.md)\n"
        "  riparia screen [--out DIR] [--config FILE] [--scenario NAME]... [--members N]\n"
        "      conflict-stress screening of the 310 TFDD basins (docs/stress.md)\n"
        "  riparia geometry BASIN --bcode CODE --out FILE [--cell-deg DEG]\n"
        "      sub-basin polygons cut from the TFDD basin-country units (docs/geometry.md)\n"
        "  riparia export DIR --format gpkg|geojson|shp|tif [--out PATH]\n"
        "      a run's GIS layers and stress raster for QGIS or a web map (docs/outputs.md)\n"
        "  riparia compare DIR_A DIR_B [--json FILE] [--scenario NAME] [--policy NAME]\n"
        "      B - A of two run folders: stress rows, flags, flows, shortages, compliance\n"
        "Under mpirun every rank takes runs as it frees up; rank 0 writes the outputs.\n"
        "Exit codes: 0 ok, 2 invalid input (the message names the file and key or line), "
        "1 internal error.");
    cli.set_version_flag("--version", std::string("riparia ") + RIPARIA_VERSION);
    cli.require_subcommand(1);

    riparia::app::RunOptions run;
    auto* run_cmd = cli.add_subcommand("run", "Run a study and write results.nc and run.json");
    run_cmd->add_option("STUDY", run.study_path, "study file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);
    run_cmd
        ->add_option("--out,-o", run.out_dir,
                     "output folder, written atomically (replaced if it holds an earlier run)")
        ->capture_default_str();
    run_cmd->add_option("--threads,-t", run.threads, "OpenMP threads (0 = all cores)")
        ->capture_default_str()
        ->check(CLI::Range(0, 4096));
    run_cmd->add_flag("--daily", run.daily, "write daily values (default: monthly means)");
    run_cmd->add_flag("--quiet,-q", run.quiet, "no progress and no summary on the terminal");
    run_cmd
        ->add_option("--checkpoint-years", run.checkpoint_years,
                     "write checkpoint state every N simulated years (0 = never)")
        ->capture_default_str()
        ->check(CLI::Range(0, 10000));
    run_cmd->add_flag("--resume", run.resume,
                      "continue an interrupted run into the same --out from its checkpoints");
    run_cmd
        ->add_option("--members", run.members,
                     "run only the first N members of the study's ensemble (a quick look)")
        ->check(CLI::Range(1, 100000));
    run_cmd
        ->add_option("--scenario", run.selection.scenarios,
                     "run only this scenario of the study (repeat for more; default: all)")
        ->allow_extra_args(false);
    run_cmd
        ->add_option("--policy", run.selection.policies,
                     "run only this policy of the study (repeat for more; default: all); the "
                     "pristine run of each selected scenario is kept, the stress indicators' "
                     "upstream-impact terms are measured against it")
        ->allow_extra_args(false);
    run_cmd->add_flag("--no-pristine", run.selection.no_pristine,
                      "leave out the pristine runs --scenario/--policy would keep (the stress "
                      "rows then have no upstream-impact terms)");
    run_cmd
        ->add_option("--stress-config", run.stress_config_path,
                     "weights and thresholds of the stress score (TOML, as config/stress.toml; "
                     "default: the built-in values, which are that file's)")
        ->check(CLI::ExistingFile);
    std::string shard_text;
    run_cmd->add_option("--shard", shard_text,
                        "i/N: do the runs whose number modulo N is i, for a Slurm array; "
                        "combine the N folders with riparia merge");

    std::string merge_out = "out";
    std::vector<std::string> merge_dirs;
    bool merge_quiet = false;
    auto* merge_cmd = cli.add_subcommand(
        "merge", "Combine the shard folders of riparia run --shard into results.nc and run.json");
    merge_cmd->add_option("SHARD_DIR", merge_dirs, "the shard folders, all N of them")
        ->required()
        ->check(CLI::ExistingDirectory);
    merge_cmd->add_option("--out,-o", merge_out, "output folder, written atomically")
        ->capture_default_str();
    merge_cmd->add_flag("--quiet,-q", merge_quiet, "no summary on the terminal");

    std::string check_path;
    auto* check_cmd =
        cli.add_subcommand("check", "Validate a study, its basin and forcing; run nothing");
    check_cmd->add_option("STUDY", check_path, "study file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);

    riparia::app::DelineateOptions delineate;
    auto* delineate_cmd = cli.add_subcommand(
        "delineate", "Delineate sub-basins at their outlets from a DEM or flow directions");
    delineate_cmd->add_option("BASIN", delineate.basin_path, "basin file (TOML) with outlets")
        ->required();
    delineate_cmd->add_option("--dem", delineate.dem_path,
                              "DEM: NetCDF or any GDAL raster (default: ETOPO5)");
    delineate_cmd->add_option("--ldd", delineate.ldd_path, "PCRaster LDD flow directions");
    delineate_cmd->add_option("--d8", delineate.d8_path, "ESRI D8 flow directions");
    delineate_cmd->add_option("--sinks", delineate.sinks_path,
                              "DEM: declared endorheic terminal sinks ([[sink]] TOML)");
    delineate_cmd->add_option("--out,-o", delineate.out_dir, "output folder")
        ->capture_default_str();
    delineate_cmd
        ->add_option("--snap-radius", delineate.snap_radius_cells,
                     "search radius (cells) for the highest upstream area")
        ->capture_default_str()
        ->check(CLI::Range(0, 1000));
    delineate_cmd->add_option("--countries", delineate.countries_path,
                              "country polygons for basin-country units");
    delineate_cmd->add_flag("--cells", delineate.cells,
                            "also write basin.toml with every upstream cell as a sub-basin");
    delineate_cmd->add_flag("--no-burn", delineate.no_burn,
                            "DEM: do not burn the declared network (outlet to downstream outlet)");
    delineate_cmd
        ->add_option(
            "--flat-min-km2", delineate.flat_min_km2,
            "DEM: drain level flats of at least this area (km2) towards their nearest "
            "lower edge, away from higher ground (Barnes et al. 2014b; docs/delineation.md)")
        ->check(CLI::NonNegativeNumber);
    delineate_cmd->add_flag(
        "--closed-lakes", delineate.closed_lakes,
        "DEM: a depression whose full lake evaporates more than its catchment's runoff brings "
        "is an endorheic terminal (docs/delineation.md); climate from --precipitation and "
        "--temperature");
    delineate_cmd
        ->add_option("--closed-lakes-aridity", delineate.closed_lakes_max_aridity,
                     "with --closed-lakes: only lakes whose aridity index P/PET is below this "
                     "(default 0.05, the hyper-arid limit of UNEP 1992)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 10.0));
    delineate_cmd->add_option("--precipitation", delineate.precipitation_path,
                              "with --closed-lakes: monthly precipitation climatology (NetCDF; "
                              "default $RIPARIA_DATA/climate/itu_p837-7_monthly_precip_0.5deg.nc)");
    delineate_cmd->add_option("--temperature", delineate.temperature_path,
                              "with --closed-lakes: monthly temperature climatology (NetCDF; "
                              "default $RIPARIA_DATA/climate/ghcn_cams_air.mon.ltm.1991-2020.nc)");
    delineate_cmd->add_flag("--quiet,-q", delineate.quiet, "no summary on the terminal");

    riparia::app::CalibrateOptions calibrate;
    auto* calibrate_cmd = cli.add_subcommand(
        "calibrate", "Fit GR4J and routing parameters to targets (writes calibration.json)");
    calibrate_cmd->add_option("CALIBRATION", calibrate.calibration_path, "calibration file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);
    calibrate_cmd->add_option("--out,-o", calibrate.out_dir, "folder for calibration.json")
        ->capture_default_str();
    calibrate_cmd->add_flag(
        "--update-basin", calibrate.update_basin,
        "rewrite the calibrated sub-basins' gr4j/routing lines in the basin file");
    calibrate_cmd->add_option("--threads,-t", calibrate.threads, "OpenMP threads per evaluation")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    calibrate_cmd->add_flag("--quiet,-q", calibrate.quiet, "no progress and no table");

    riparia::app::ClimatologyOptions clim;
    auto* clim_cmd = cli.add_subcommand(
        "climatology", "Derive each sub-basin's monthly climate table (weather generator) from "
                       "global monthly climatology grids");
    clim_cmd->add_option("BASIN", clim.basin_path, "basin file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);
    clim_cmd->add_option("--precipitation", clim.precipitation_path,
                         "monthly precipitation climatology NetCDF (recommended: "
                         "itu_p837-7_monthly_precip_0.5deg.nc; default: that file in "
                         "$RIPARIA_DATA/climate)");
    clim_cmd->add_option("--precipitation-variable", clim.precipitation_variable,
                         "its variable (default: the one with precipitation units)");
    clim_cmd->add_option("--temperature", clim.temperature_path,
                         "monthly temperature climatology NetCDF (recommended: "
                         "ghcn_cams_air.mon.ltm.1991-2020.nc; default: that file in "
                         "$RIPARIA_DATA/climate)");
    clim_cmd->add_option("--temperature-variable", clim.temperature_variable,
                         "its variable (default: the one with temperature units)");
    auto* clim_polygons =
        clim_cmd
            ->add_option("--polygons", clim.polygons_path,
                         "sub-basin polygons (GeoJSON, GeoPackage, Shapefile); without them a "
                         "square of each sub-basin's area around its lat/lon")
            ->check(CLI::ExistingFile);
    clim_cmd->add_option("--id-field", clim.id_field, "polygon attribute holding the id")
        ->capture_default_str()
        ->needs(clim_polygons);
    clim_cmd->add_flag("--update-basin", clim.update_basin,
                       "rewrite each sub-basin's climate line in BASIN (nothing else changes)");
    clim_cmd->add_option("--out,-o", clim.out_path, "write the climate tables as TOML here");

    riparia::app::ScreenOptions screen;
    auto* screen_cmd = riparia::app::add_screen_subcommand(cli, screen);
    riparia::app::ExportOptions export_options;
    auto* export_cmd = riparia::app::add_export_subcommand(cli, export_options);
    riparia::app::CompareOptions compare;
    auto* compare_cmd = riparia::app::add_compare_subcommand(cli, compare);
    riparia::app::GeometryOptions geometry;
    auto* geometry_cmd = riparia::app::add_geometry_subcommand(cli, geometry);

    const std::string first = argc > 1 ? argv[1] : "";
    const bool report = session.rank() == 0; // one message per error, not one per rank
    if (!first.empty() && first[0] != '-' && first != "run" && first != "check" &&
        first != "merge" && first != "delineate" && first != "calibrate" &&
        first != "climatology" && first != "screen" && first != "export" && first != "compare" &&
        first != "geometry") {
        if (report) {
            fmt::print(
                stderr,
                "error: unknown command '{}'; expected 'run', 'check', 'merge', 'delineate', "
                "'calibrate', 'climatology', 'screen', 'export', 'compare' or 'geometry' "
                "(see "
                "riparia --help)\n",
                first);
        }
        return 2;
    }
    try {
        cli.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        cli.exit(e);
        return 2; // invalid command line is invalid input
    }
    run.command_line = joined(argc, argv);
    try {
        if (*run_cmd) {
            if (!shard_text.empty()) run.shard = riparia::app::parse_shard(shard_text);
            return riparia::app::run_command(run);
        }
        if (*delineate_cmd) return riparia::app::delineate_command(delineate);
        if (*check_cmd) return riparia::app::check_command(check_path);
        if (*clim_cmd) return riparia::app::climatology_command(clim);
        if (*export_cmd) return riparia::app::export_command(export_options);
        if (*compare_cmd) return riparia::app::compare_command(compare);
        if (*geometry_cmd) return riparia::app::geometry_command(geometry);
        if (*screen_cmd) {
            screen.command_line = run.command_line;
            return riparia::app::screen_command(screen);
        }
        if (*calibrate_cmd) {
            calibrate.command_line = run.command_line;
            return riparia::app::calibrate_command(calibrate);
        }
        if (*merge_cmd) {
            return riparia::app::merge_command(merge_out, merge_dirs, merge_quiet,
                                               run.command_line);
        }
    } catch (const riparia::io::InputError& e) {
        if (report) fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "internal error: {}\n", e.what());
        return 1;
    }
    return 1;
}
