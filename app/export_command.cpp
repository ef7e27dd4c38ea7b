// riparia export: a run folder's GIS layers as GeoPackage, GeoJSON, shapefiles or GeoTIFF.
#include "app/commands.hpp"
#include "io/gdal_dataset.hpp"
#include "io/input_error.hpp"
#include "io/run_layers.hpp"
#include "io/stress_raster.hpp"
#include "io/vector_export.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

namespace riparia::app {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kFormats = {"gpkg", "geojson", "shp", "tif"};

json read_json(const std::string& path) {
    std::ifstream in(path);
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw io::InputError(
            fmt::format("{}: found no valid JSON ({}), expected riparia's file", path, e.what()));
    }
}

// run.json of a folder `riparia run` or `riparia merge` wrote, with stress.json beside it.
json read_run_record(const std::string& dir) {
    const auto refuse = [&](const std::string& why) {
        return io::InputError(fmt::format("{} is not a riparia run folder: {}", dir, why));
    };
    if (!fs::is_directory(dir)) throw refuse("no such folder");
    if (!fs::is_regular_file(dir + "/run.json")) throw refuse("no run.json");
    json record = read_json(dir + "/run.json");
    if (!record.is_object() || !record.contains("riparia_version"))
        throw refuse("run.json has no riparia_version");
    if (!fs::is_regular_file(dir + "/stress.json"))
        throw refuse("no stress.json (expected the stress outputs of riparia run)");
    return record;
}

std::string basin_path_of(const json& record, const std::string& dir) {
    for (const auto& input : record.value("inputs", json::array()))
        if (input.value("role", "") == "basin") return input.value("path", "");
    throw io::InputError(fmt::format("{}/run.json: found no input with role 'basin', expected "
                                     "the basin file to rebuild layers.gpkg from",
                                     dir));
}

std::string default_out(std::string dir, const std::string& format) {
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    if (format == "gpkg") return dir + "-layers.gpkg";
    if (format == "tif") return dir + "-stress.tif";
    return dir + "-" + format;
}

// layers.gpkg of the run folder, else rebuilt at `scratch` from the basin file and stress.json.
std::string layers_of(const std::string& dir, const json& record, const std::string& scratch) {
    if (fs::is_regular_file(dir + "/layers.gpkg")) return dir + "/layers.gpkg";
    const io::BasinFile basin = io::load_basin_file(basin_path_of(record, dir));
    io::write_geopackage(scratch,
                         io::run_layers(basin, read_json(dir + "/stress.json").at("rows")));
    return scratch;
}

void write_single_file(const std::string& gpkg, const ExportOptions& o, const std::string& out) {
    if (fs::is_directory(out))
        throw io::InputError(fmt::format("--out {}: is a folder, expected a file path", out));
    const std::string temporary = io::temporary_beside(out);
    if (o.format == "tif") {
        if (!io::write_class_raster(gpkg, "units", out)) {
            throw io::InputError(fmt::format("{}/stress.json: found no unit rows, expected the "
                                             "stress of the basin-country units to rasterise",
                                             o.run_dir));
        }
        return;
    }
    fs::copy_file(gpkg, temporary, fs::copy_options::overwrite_existing);
    io::rename_into_place(temporary, out);
}

} // namespace

int export_command(const ExportOptions& o) {
    if (std::find(kFormats.begin(), kFormats.end(), o.format) == kFormats.end()) {
        throw io::InputError(fmt::format("--format: found '{}', expected one of gpkg, geojson, "
                                         "shp, tif",
                                         o.format));
    }
    const json record = read_run_record(o.run_dir);
    const std::string out = o.out_path.empty() ? default_out(o.run_dir, o.format) : o.out_path;
    const fs::path out_path(out);
    const std::string scratch =
        (out_path.parent_path() / (".tmp-" + out_path.filename().string() + "-layers.gpkg"))
            .string();
    struct Cleanup {
        std::string path;
        ~Cleanup() {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
    } cleanup{scratch};
    const std::string gpkg = layers_of(o.run_dir, record, scratch);
    if (o.format == "geojson" || o.format == "shp") {
        io::export_layer_files(gpkg, o.format, out);
    } else {
        write_single_file(gpkg, o, out);
    }
    if (!o.quiet) fmt::print("wrote {}\n", out);
    return 0;
}

} // namespace riparia::app
