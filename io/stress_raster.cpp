#include "io/stress_raster.hpp"

#include "io/gdal_dataset.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <gdal_alg.h>
#include <ogrsf_frmts.h>
#include <stdexcept>

namespace riparia::io {

namespace {

// The polygons of one band and the class each burns.
struct Band {
    std::string scenario, policy;
    std::vector<std::pair<int, std::unique_ptr<OGRGeometry>>> shapes;
};

std::vector<Band> read_bands(OGRLayer& layer) {
    const int policy_field = layer.GetLayerDefn()->GetFieldIndex("policy");
    std::vector<Band> bands;
    layer.ResetReading();
    for (const auto& feature : layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr) continue;
        const std::string scenario = feature->GetFieldAsString("scenario");
        const std::string policy = policy_field < 0 ? "" : feature->GetFieldAsString(policy_field);
        auto band = std::find_if(bands.begin(), bands.end(), [&](const Band& b) {
            return b.scenario == scenario && b.policy == policy;
        });
        if (band == bands.end()) band = bands.insert(bands.end(), Band{scenario, policy, {}});
        band->shapes.emplace_back(feature->GetFieldAsInteger("class"),
                                  std::unique_ptr<OGRGeometry>(geometry->clone()));
    }
    return bands;
}

GdalDatasetPtr open_layers(const std::string& gpkg_path) {
    register_gdal_drivers();
    GdalDatasetPtr dataset(GDALDataset::Open(gpkg_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) throw std::runtime_error(gpkg_path + ": cannot be opened as a vector file");
    return dataset;
}

void burn(GDALDataset& raster, int band_number, Band& band, const std::string& path) {
    std::stable_sort(band.shapes.begin(), band.shapes.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<OGRGeometryH> geometries;
    std::vector<double> values;
    for (auto& [risk_class, geometry] : band.shapes) {
        geometries.push_back(OGRGeometry::ToHandle(geometry.get()));
        values.push_back(risk_class);
    }
    const CPLErr error = GDALRasterizeGeometries(
        GDALDataset::ToHandle(&raster), 1, &band_number, static_cast<int>(geometries.size()),
        geometries.data(), nullptr, nullptr, values.data(), nullptr, nullptr, nullptr);
    if (error != CE_None)
        throw std::runtime_error(
            fmt::format("{}: cannot rasterise: {}", path, CPLGetLastErrorMsg()));
    GDALRasterBand* out = raster.GetRasterBand(band_number);
    out->SetDescription(band.policy.empty() ? band.scenario.c_str()
                                            : (band.scenario + " / " + band.policy).c_str());
    out->SetMetadataItem("SCENARIO", band.scenario.c_str());
    if (!band.policy.empty()) out->SetMetadataItem("POLICY", band.policy.c_str());
}

} // namespace

double raster_cell_deg(double width_deg, double height_deg, double preferred_cell_deg,
                       int max_cells) {
    double cell = preferred_cell_deg;
    while (std::max(width_deg, height_deg) / cell > max_cells)
        cell *= 2;
    return cell;
}

bool write_class_raster(const std::string& gpkg_path, const std::string& layer_name,
                        const std::string& tif_path) {
    GdalDatasetPtr vectors = open_layers(gpkg_path);
    OGRLayer* layer = vectors->GetLayerByName(layer_name.c_str());
    if (!layer) throw std::runtime_error(gpkg_path + ": no layer " + layer_name);
    std::vector<Band> bands = read_bands(*layer);
    OGREnvelope extent;
    if (bands.empty() || layer->GetExtent(&extent) != OGRERR_NONE) return false;
    const double cell = raster_cell_deg(extent.MaxX - extent.MinX, extent.MaxY - extent.MinY);
    // The grid snapped to multiples of the cell, one cell of margin on every side.
    const double west = (std::floor(extent.MinX / cell) - 1) * cell;
    const double north = (std::ceil(extent.MaxY / cell) + 1) * cell;
    const int columns = static_cast<int>(std::ceil((extent.MaxX - west) / cell)) + 1;
    const int rows = static_cast<int>(std::ceil((north - extent.MinY) / cell)) + 1;

    const std::string temporary = temporary_beside(tif_path);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=2", nullptr};
    {
        GdalDatasetPtr raster(driver->Create(temporary.c_str(), columns, rows,
                                             static_cast<int>(bands.size()), GDT_Byte,
                                             const_cast<char**>(options)));
        if (!raster)
            throw std::runtime_error(
                fmt::format("{}: cannot create the GeoTIFF: {}", temporary, CPLGetLastErrorMsg()));
        double transform[6] = {west, cell, 0, north, 0, -cell};
        raster->SetGeoTransform(transform);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        raster->SetSpatialRef(&wgs84);
        for (int b = 1; b <= static_cast<int>(bands.size()); ++b) {
            raster->GetRasterBand(b)->SetNoDataValue(0);
            raster->GetRasterBand(b)->Fill(0);
            burn(*raster, b, bands[static_cast<std::size_t>(b - 1)], temporary);
        }
    }
    rename_into_place(temporary, tif_path);
    return true;
}

} // namespace riparia::io
