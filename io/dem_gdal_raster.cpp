// GDAL rasters (GeoTIFF, PCRaster, ...) as lon/lat grids.
#include "io/dem_reader.hpp"
#include "io/input_error.hpp"

#include <cmath>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <memory>
#include <mutex>

namespace riparia::io {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

model::GridGeometry geometry(const std::string& path, GDALDataset& ds) {
    double t[6];
    if (ds.GetGeoTransform(t) != CE_None || t[2] != 0 || t[4] != 0)
        throw InputError(fmt::format("{}: found no north-up geotransform, expected a regular "
                                     "lon/lat raster",
                                     path));
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (srs && !srs->IsEmpty() && !srs->IsGeographic())
        throw InputError(fmt::format("{}: found a projected coordinate system, expected lon/lat "
                                     "degrees (EPSG:4326)",
                                     path));
    model::GridGeometry g;
    g.rows = std::size_t(ds.GetRasterYSize());
    g.cols = std::size_t(ds.GetRasterXSize());
    g.dlon_deg = t[1];
    g.dlat_deg = t[5];
    g.lon0_deg = t[0] + 0.5 * t[1];
    g.lat0_deg = t[3] + 0.5 * t[5];
    g.wraps = std::abs(double(g.cols) * t[1] - 360.0) < 1e-6 * 360.0;
    if (t[1] <= 0 || t[5] == 0 || std::abs(t[3]) > 90.5 ||
        std::abs(t[3] + double(g.rows) * t[5]) > 90.5)
        throw InputError(fmt::format("{}: found geotransform origin ({}, {}) spacing ({}, {}), "
                                     "expected lon/lat degrees with east-increasing columns",
                                     path, t[0], t[3], t[1], t[5]));
    return g;
}

} // namespace

model::Raster<double> read_gdal_raster(const std::string& path) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    std::unique_ptr<GDALDataset, DatasetCloser> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        throw InputError(fmt::format("{}: cannot be read as a raster ({}), expected a file GDAL "
                                     "reads (GeoTIFF, PCRaster .map, NetCDF, ...)",
                                     path, CPLGetLastErrorMsg()));
    model::Raster<double> r;
    r.grid = geometry(path, *ds);
    if (r.grid.cells() >= (std::size_t(1) << 31))
        throw InputError(
            fmt::format("{}: found {} cells, expected fewer than 2^31", path, r.grid.cells()));
    r.values.resize(r.grid.cells());
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (band->RasterIO(GF_Read, 0, 0, int(r.grid.cols), int(r.grid.rows), r.values.data(),
                       int(r.grid.cols), int(r.grid.rows), GDT_Float64, 0, 0) != CE_None)
        throw InputError(fmt::format("{}: band 1 cannot be read ({})", path, CPLGetLastErrorMsg()));
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    for (double& v : r.values)
        if (has_nodata && (v == nodata || (std::isnan(nodata) && std::isnan(v)))) v = NAN;
    return r;
}

} // namespace riparia::io
