#include "app/screen_cli.hpp"

namespace riparia::app {

CLI::App* add_screen_subcommand(CLI::App& cli, ScreenOptions& o) {
    auto* cmd = cli.add_subcommand(
        "screen", "Screen the 310 TFDD basins for conflict stress (stress.csv, stress.json)");
    cmd->add_option("--out,-o", o.out_dir, "output folder")->capture_default_str();
    cmd->add_option("--basins", o.basins_path, "TFDD basin polygons with attributes")
        ->capture_default_str();
    cmd->add_option("--register", o.register_path, "TFDD basin-country register (CSV)")
        ->capture_default_str();
    cmd->add_option("--treaties", o.treaties_path, "TFDD treaties (CSV)")->capture_default_str();
    cmd->add_option("--rbo", o.rbo_path, "TFDD river basin organisations (CSV, latin-1)")
        ->capture_default_str();
    cmd->add_option("--aquastat", o.aquastat_path,
                    "AQUASTAT national dependency ratios (order of units without polygons)")
        ->capture_default_str();
    cmd->add_option("--countries", o.countries_path,
                    "country polygons with iso_a2 or iso_a3 (upstream order)")
        ->capture_default_str();
    cmd->add_option("--dem", o.dem_path, "elevation grid (upstream order)")->capture_default_str();
    cmd->add_option("--cache", o.cache_dir,
                    "folder for the unit terrain cache (default: OUT/.riparia-cache)");
    cmd->add_option("--events", o.events_path, "TFDD events with BAR (for --validation)")
        ->capture_default_str();
    cmd->add_option("--config", o.config_path, "weights, thresholds and scenarios (TOML)")
        ->capture_default_str();
    cmd->add_option("--scenario", o.scenarios, "scenario of the config (repeatable; default all)");
    cmd->add_option("--members", o.members, "ensemble members per scenario (default: config)")
        ->check(CLI::Range(0, 100000));
    cmd->add_option("--threads,-t", o.threads, "OpenMP threads (0: all)")
        ->check(CLI::Range(0, 4096));
    cmd->add_option("--validation", o.validation_path,
                    "write the validation against the events (markdown) to this file");
    cmd->add_flag("--quiet,-q", o.quiet, "no summary table");
    return cmd;
}

} // namespace riparia::app
