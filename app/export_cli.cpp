#include "app/export_cli.hpp"

namespace riparia::app {

CLI::App* add_export_subcommand(CLI::App& cli, ExportOptions& o) {
    auto* cmd = cli.add_subcommand(
        "export", "Export a run's GIS layers (layers.gpkg) as GeoPackage, GeoJSON, shapefiles or "
                  "the stress raster");
    cmd->add_option("DIR", o.run_dir, "a riparia run folder (run.json, stress.json)")->required();
    cmd->add_option("--format,-f", o.format, "gpkg, geojson, shp or tif")->required();
    cmd->add_option("--out,-o", o.out_path,
                    "where to write (default: beside DIR: DIR-layers.gpkg, DIR-geojson/, "
                    "DIR-shp/ or DIR-stress.tif)");
    cmd->add_flag("--quiet,-q", o.quiet, "print nothing");
    cmd->footer(
        "Formats:\n"
        "  gpkg     layers.gpkg: subbasins, units, rivers, reservoirs, border_points, flags and\n"
        "           the QGIS styles (layer_styles); open it in QGIS and it is coloured by class\n"
        "  geojson  a folder with one NAME.geojson per layer and its style NAME.qml\n"
        "  shp      a folder with one shapefile per layer and NAME.qml; field names cut to 10\n"
        "           characters (score_med, share_risk, geom_src, from_ctry, cap_hm3, ...)\n"
        "  tif      stress.tif: the units' class 1-5 on a lon/lat grid, one band per scenario\n"
        "           and policy (nodata 0)\n"
        "A run folder made before layers.gpkg existed is rebuilt from its basin file (named in\n"
        "run.json) and stress.json. See docs/outputs.md.\n"
        "Examples:\n"
        "  riparia export nile-out --format geojson --out web/layers\n"
        "  riparia export nile-out --format tif");
    return cmd;
}

} // namespace riparia::app
