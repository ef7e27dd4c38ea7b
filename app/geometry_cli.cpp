#include "app/geometry_cli.hpp"

namespace riparia::app {

CLI::App* add_geometry_subcommand(CLI::App& cli, GeometryOptions& o) {
    auto* cmd = cli.add_subcommand(
        "geometry", "Sub-basin polygons of a basin file cut from its TFDD basin-country units");
    cmd->add_option("BASIN", o.basin_path, "basin file (TOML) with country, lat, lon, area_km2")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--bcode", o.bcode, "the basin's TFDD code (BCODE), e.g. NILE")->required();
    cmd->add_option("--basins", o.basins_path, "TFDD basin polygons with BCODE")
        ->capture_default_str();
    cmd->add_option("--countries", o.countries_path, "country polygons with iso_a2 or iso_a3")
        ->capture_default_str();
    cmd->add_option("--cell-deg", o.cell_deg, "grid spacing of the partition (degrees)")
        ->capture_default_str()
        ->check(CLI::Range(0.005, 1.0));
    cmd->add_option("--simplify", o.simplify_cells,
                    "tolerance (cells) of the inner boundaries' simplification, 0: none")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 10.0));
    cmd->add_option("--out,-o", o.out_path, "the sub-basin polygons (GeoJSON, written atomically)")
        ->required();
    cmd->add_flag("--quiet,-q", o.quiet, "no table");
    cmd->footer(
        "Curated basins declare conceptual sub-basins (a country's share of a river reach, with a\n"
        "rough centre lat/lon and an area_km2), not catchments a DEM could delineate. This\n"
        "command draws them: the TFDD basin polygon cut by each country of the basin file gives\n"
        "the basin-country units (exact); each unit is shared among its country's sub-basins on\n"
        "a grid of --cell-deg cells, every cell going to the centre of least distance / weight,\n"
        "the weights iterated until each sub-basin's area is its area_km2 scaled to the unit\n"
        "(schematic inner borders). The table compares each unit with its declared sub-basins\n"
        "and each polygon with its target. Countries of the TFDD basin without a sub-basin are\n"
        "noted and left out. Output fields: id, name, country, area_km2 (of the polygon, on the\n"
        "sphere), declared_area_km2, geometry_source. See docs/geometry.md.\n"
        "Example (from the repository root):\n"
        "  riparia geometry basins/nile/basin.toml --bcode NILE --out "
        "basins/nile/subbasins.geojson\n"
        "then [basin] geometry = \"subbasins.geojson\" in basin.toml draws them in layers.gpkg.\n"
        "Exit codes: 0 ok, 2 when the BCODE is unknown, a sub-basin's country has no area in the\n"
        "TFDD basin, a sub-basin is too small to get a cell, or a file is missing or malformed.");
    return cmd;
}

} // namespace riparia::app
