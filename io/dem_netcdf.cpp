// DEMs from NetCDF (netCDF-C) and from any GDAL raster.
#include "io/dem_reader.hpp"
#include "io/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <netcdf.h>
#include <vector>

namespace riparia::io {

namespace {

bool is_netcdf(const std::string& path) {
    for (const char* ext : {".nc", ".cdf", ".nc4"})
        if (path.size() > std::string(ext).size() && path.ends_with(ext)) return true;
    return false;
}

void check(int status, const std::string& path, const std::string& what) {
    if (status != NC_NOERR)
        throw InputError(fmt::format("{}: {}: {}", path, what, nc_strerror(status)));
}

struct NcFile {
    int id = -1;
    ~NcFile() {
        if (id >= 0) nc_close(id);
    }
};

int find_variable(const std::string& path, int nc, const std::string& name) {
    int var = -1;
    if (!name.empty()) {
        check(nc_inq_varid(nc, name.c_str(), &var), path, "variable '" + name + "'");
        return var;
    }
    int nvars = 0;
    check(nc_inq_nvars(nc, &nvars), path, "listing variables");
    for (int v = 0; v < nvars; ++v) {
        int ndims = 0, dims[NC_MAX_VAR_DIMS];
        char vname[NC_MAX_NAME + 1];
        nc_inq_var(nc, v, vname, nullptr, &ndims, dims, nullptr);
        int coord = -1;
        if (ndims == 2 && nc_inq_dimid(nc, vname, &coord) != NC_NOERR) return v;
    }
    throw InputError(
        fmt::format("{}: found no 2-D variable, expected a (lat, lon) elevation grid", path));
}

std::vector<double> coordinate(const std::string& path, int nc, int dim, std::size_t* n) {
    char name[NC_MAX_NAME + 1];
    check(nc_inq_dim(nc, dim, name, n), path, "dimension");
    int var = -1;
    check(nc_inq_varid(nc, name, &var), path, fmt::format("coordinate variable '{}'", name));
    std::vector<double> v(*n);
    check(nc_get_var_double(nc, var, v.data()), path, fmt::format("reading '{}'", name));
    return v;
}

model::Raster<float> read_netcdf_dem(const std::string& path, const std::string& variable) {
    NcFile f;
    check(nc_open(path.c_str(), NC_NOWRITE, &f.id), path, "cannot be opened as NetCDF");
    const int var = find_variable(path, f.id, variable);
    int ndims = 0, dims[NC_MAX_VAR_DIMS];
    check(nc_inq_var(f.id, var, nullptr, nullptr, &ndims, dims, nullptr), path, "variable");
    if (ndims != 2)
        throw InputError(fmt::format("{}: variable '{}' has {} dimensions, expected 2 (lat, lon)",
                                     path, variable, ndims));
    std::size_t nlat = 0, nlon = 0;
    const auto lat = coordinate(path, f.id, dims[0], &nlat);
    const auto lon = coordinate(path, f.id, dims[1], &nlon);
    const Axis y = regular_axis(path, "latitude", lat.data(), nlat, false);
    const Axis x = regular_axis(path, "longitude", lon.data(), nlon, true);
    model::Raster<float> r;
    r.grid = {nlat, nlon, x.first, y.first, x.step, y.step, x.wraps};
    r.values.resize(r.grid.cells());
    check(nc_get_var_float(f.id, var, r.values.data()), path, "reading the elevations");
    float fill = NC_FILL_FLOAT, missing = NC_FILL_FLOAT;
    nc_get_att_float(f.id, var, "_FillValue", &fill);
    nc_get_att_float(f.id, var, "missing_value", &missing);
    for (float& v : r.values)
        if (v == fill || v == missing) v = NAN;
    return r;
}

} // namespace

Axis regular_axis(const std::string& path, const std::string& what, const double* centres,
                  std::size_t n, bool longitude) {
    if (n < 2)
        throw InputError(
            fmt::format("{}: {} axis has {} values, expected at least 2", path, what, n));
    Axis a{centres[0], (centres[n - 1] - centres[0]) / double(n - 1), false};
    for (std::size_t k = 1; k < n; ++k) {
        const double step = centres[k] - centres[k - 1];
        if (std::abs(step - a.step) > 0.01 * std::abs(a.step))
            throw InputError(fmt::format("{}: {} axis step {} at index {} differs from the mean "
                                         "step {}, expected a regular grid",
                                         path, what, step, k, a.step));
    }
    if (longitude && a.step < 0)
        throw InputError(
            fmt::format("{}: {} decrease, expected increasing longitudes", path, what));
    if (longitude && std::abs(double(n) * a.step - 360.0) < 0.5 * a.step)
        a.step = 360.0 / double(n), a.wraps = true; // a global grid: exactly 360 / n
    return a;
}

model::Raster<float> read_dem(const std::string& path, const std::string& variable) {
    if (is_netcdf(path)) return read_netcdf_dem(path, variable);
    const model::Raster<double> r = read_gdal_raster(path);
    model::Raster<float> out{r.grid, std::vector<float>(r.values.begin(), r.values.end())};
    return out;
}

} // namespace riparia::io
