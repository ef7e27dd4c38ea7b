// Digital elevation models and flow-direction grids on a regular lon/lat grid.
//   - NetCDF (.nc, .cdf, .nc4): a 2-D variable (lat, lon) read with netCDF-C, e.g. ETOPO5 from
//     Debian's ferret-datasets (/usr/share/ferret-vis/data/etopo5.cdf, variable ROSE, metres).
//   - anything else GDAL reads (GeoTIFF, PCRaster .map, ...), band 1, in lon/lat degrees.
// Missing values (_FillValue, missing_value, the GDAL no-data value) become NaN.
#pragma once

#include "model/dem_grid.hpp"

#include <string>

namespace riparia::io {

inline constexpr const char* default_dem_path = "/usr/share/ferret-vis/data/etopo5.cdf";

// `variable` names the NetCDF variable; empty: the first 2-D numeric variable that is not a
// coordinate. Throws InputError naming the file when it cannot be read or is not a regular
// lon/lat grid.
model::Raster<float> read_dem(const std::string& path, const std::string& variable = "");

// Band 1 of a GDAL raster as doubles (no-data as NaN), with its lon/lat grid.
model::Raster<double> read_gdal_raster(const std::string& path);

// The geometry of an axis of cell centres: first value, spacing; `what` names it in errors.
struct Axis {
    double first = 0, step = 0;
    bool wraps = false;
};
Axis regular_axis(const std::string& path, const std::string& what, const double* centres,
                  std::size_t n, bool longitude);

} // namespace riparia::io
