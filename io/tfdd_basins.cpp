#include "io/input_error.hpp"
#include "io/tfdd_tables.hpp"

#include <cmath>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>

namespace riparia::io {

namespace {

constexpr const char* kAttributes =
    "the TFDD basin attributes BCODE, Basin_Name, Continent_, Area_km2, Pop_2020, Dams_Exist, "
    "Dam_Plnd, runoff, withdrawal, consumptio";

int field_index(OGRFeatureDefn* defn, const std::string& path, const char* name) {
    const int index = defn->GetFieldIndex(name);
    if (index < 0)
        throw InputError(
            fmt::format("{}: missing attribute '{}'; expected {}", path, name, kAttributes));
    return index;
}

// TFDD writes 9999 (and 999999 in its rounded copies) for a missing figure.
double tfdd_number(OGRFeature& f, int index, const std::string& path, const std::string& code,
                   const char* name) {
    if (!f.IsFieldSetAndNotNull(index)) return tfdd_missing;
    const char* text = f.GetFieldAsString(index);
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || !std::isfinite(value) || value < 0)
        throw InputError(fmt::format("{}: basin '{}' attribute '{}': found '{}', expected a "
                                     "number >= 0 or 9999 for missing",
                                     path, code, name, text));
    return value == 9999 || value == 999999 ? tfdd_missing : value;
}

} // namespace

std::vector<TfddBasin> read_tfdd_basins(const std::string& path) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds || ds->GetLayerCount() < 1)
        throw InputError(fmt::format("{}: cannot open as a vector file; expected the TFDD basin "
                                     "polygons (GeoJSON, GeoPackage or Shapefile)",
                                     path));
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int code = field_index(defn, path, "BCODE"), name = field_index(defn, path, "Basin_Name");
    const int continent = field_index(defn, path, "Continent_");
    const int numeric[] = {
        field_index(defn, path, "Area_km2"),   field_index(defn, path, "Pop_2020"),
        field_index(defn, path, "Dams_Exist"), field_index(defn, path, "Dam_Plnd"),
        field_index(defn, path, "runoff"),     field_index(defn, path, "withdrawal"),
        field_index(defn, path, "consumptio")};
    const char* names[] = {"Area_km2", "Pop_2020",   "Dams_Exist", "Dam_Plnd",
                           "runoff",   "withdrawal", "consumptio"};
    std::vector<TfddBasin> basins;
    std::set<std::string> seen;
    layer->ResetReading();
    while (std::unique_ptr<OGRFeature> f{layer->GetNextFeature()}) {
        TfddBasin b;
        b.code = f->GetFieldAsString(code);
        b.name = f->GetFieldAsString(name);
        b.continent = f->GetFieldAsString(continent);
        if (b.code.empty() || !seen.insert(b.code).second)
            throw InputError(fmt::format("{}: feature {}: BCODE '{}' is empty or repeated; "
                                         "expected one feature per basin code",
                                         path, f->GetFID(), b.code));
        double v[7];
        for (int i = 0; i < 7; ++i)
            v[i] = tfdd_number(*f, numeric[i], path, b.code, names[i]);
        if (!(v[0] > 0))
            throw InputError(fmt::format("{}: basin '{}' attribute 'Area_km2': found {}, expected "
                                         "a number > 0",
                                         path, b.code, v[0]));
        b.area_km2 = v[0];
        b.population = std::isnan(v[1]) ? 0 : v[1];
        b.dams_existing = std::isnan(v[2]) ? 0 : v[2];
        b.dams_planned = std::isnan(v[3]) ? 0 : v[3];
        b.runoff_mm = v[4], b.withdrawal_hm3 = v[5], b.consumption_hm3 = v[6];
        basins.push_back(std::move(b));
    }
    if (basins.empty())
        throw InputError(fmt::format("{}: no features; expected the TFDD basins", path));
    return basins;
}

} // namespace riparia::io
