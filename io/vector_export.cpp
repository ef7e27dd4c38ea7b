#include "io/vector_export.hpp"

#include "io/gdal_dataset.hpp"
#include "io/input_error.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <numeric>
#include <ogrsf_frmts.h>
#include <set>
#include <stdexcept>

namespace riparia::io {

namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::string> kShortNames = {
    {"score_median", "score_med"},       {"share_at_risk", "share_risk"},
    {"geometry_source", "geom_src"},     {"from_country", "from_ctry"},
    {"capacity_hm3", "cap_hm3"},         {"dead_storage_hm3", "dead_hm3"},
    {"initial_storage_hm3", "init_hm3"}, {"max_release_m3s", "maxrel_m3s"}};

// The files an export writes; a folder holding anything else is not replaced.
bool is_export_file(const fs::path& file) {
    static const std::set<std::string> kinds = {".geojson", ".shp", ".shx", ".dbf",
                                                ".prj",     ".cpg", ".qml"};
    return kinds.count(file.extension().string()) > 0;
}

void check_replaceable(const std::string& out_dir) {
    if (!fs::exists(out_dir)) return;
    bool ours = fs::is_directory(out_dir);
    if (ours) {
        for (const auto& entry : fs::directory_iterator(out_dir))
            ours = ours && entry.is_regular_file() && is_export_file(entry.path());
    }
    if (!ours) {
        throw InputError(fmt::format("{}: exists and is not an earlier export (expected a new "
                                     "path or a folder of .geojson/.shp layers)",
                                     out_dir));
    }
}

// NAME.qml beside the layers, from the GeoPackage's layer_styles table.
void write_styles(GDALDataset& source, const fs::path& folder) {
    OGRLayer* styles = source.GetLayerByName("layer_styles");
    if (!styles) return;
    styles->ResetReading();
    for (const auto& style : styles) {
        std::ofstream out(folder / (std::string(style->GetFieldAsString("f_table_name")) + ".qml"));
        out << style->GetFieldAsString("styleQML");
        if (!out) throw std::runtime_error("cannot write a style in " + folder.string());
    }
}

void copy_layer(OGRLayer& from, GDALDataset& target, bool short_names, const std::string& where) {
    OGRFeatureDefn* definition = from.GetLayerDefn();
    const char* options[] = {short_names ? "ENCODING=UTF-8" : nullptr, nullptr};
    OGRLayer* to = target.CreateLayer(from.GetName(), from.GetSpatialRef(), from.GetGeomType(),
                                      const_cast<char**>(options));
    if (!to)
        throw std::runtime_error(fmt::format("{}: cannot create layer {}", where, from.GetName()));
    std::vector<std::string> taken;
    for (int k = 0; k < definition->GetFieldCount(); ++k) {
        OGRFieldDefn field(definition->GetFieldDefn(k));
        const std::string name = field.GetNameRef();
        taken.push_back(short_names ? shapefile_field_name(name, taken) : name);
        field.SetName(taken.back().c_str());
        if (to->CreateField(&field) != OGRERR_NONE)
            throw std::runtime_error(fmt::format("{}: cannot create field {}", where, name));
    }
    std::vector<int> identity(static_cast<std::size_t>(definition->GetFieldCount()));
    std::iota(identity.begin(), identity.end(), 0);
    from.ResetReading();
    for (const auto& feature : from) {
        OGRFeature copy(to->GetLayerDefn());
        copy.SetFrom(feature.get(), identity.data(), TRUE);
        if (to->CreateFeature(&copy) != OGRERR_NONE)
            throw std::runtime_error(
                fmt::format("{}: cannot write a feature of {}", where, from.GetName()));
    }
}

} // namespace

std::string shapefile_field_name(const std::string& name, const std::vector<std::string>& taken) {
    const auto known = kShortNames.find(name);
    std::string base = known != kShortNames.end() ? known->second : name.substr(0, 10);
    std::string candidate = base;
    for (int n = 1; std::find(taken.begin(), taken.end(), candidate) != taken.end(); ++n) {
        const std::string suffix = "_" + std::to_string(n);
        candidate = base.substr(0, 10 - suffix.size()) + suffix;
    }
    return candidate;
}

void export_layer_files(const std::string& gpkg_path, const std::string& format,
                        const std::string& out_dir) {
    check_replaceable(out_dir);
    register_gdal_drivers();
    GdalDatasetPtr source(GDALDataset::Open(gpkg_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!source) throw InputError(fmt::format("{}: cannot be opened as a GeoPackage", gpkg_path));
    const fs::path temporary = temporary_beside(out_dir);
    fs::remove_all(temporary);
    fs::create_directories(temporary);
    const bool shapefile = format == "shp";
    for (int k = 0; k < source->GetLayerCount(); ++k) {
        OGRLayer& layer = *source->GetLayer(k);
        if (std::string(layer.GetName()) == "layer_styles") continue;
        const fs::path file =
            temporary / (std::string(layer.GetName()) + (shapefile ? ".shp" : ".geojson"));
        GdalDatasetPtr target =
            create_vector_dataset(shapefile ? "ESRI Shapefile" : "GeoJSON", file.string());
        copy_layer(layer, *target, shapefile, file.string());
    }
    write_styles(*source, temporary);
    fs::remove_all(out_dir); // checked above: nothing but an earlier export
    rename_into_place(temporary.string(), out_dir);
}

} // namespace riparia::io
