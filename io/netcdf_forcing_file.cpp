#include "io/netcdf_forcing_file.hpp"

#include "io/input_error.hpp"

#include <fmt/format.h>
#include <netcdf.h>
#include <stdexcept>

namespace riparia::io {

NcReader::NcReader(const std::string& path, const std::string& role) : path_(path) {
    const int status = nc_open(path.c_str(), NC_NOWRITE, &ncid_);
    if (status != NC_NOERR) {
        ncid_ = -1;
        throw InputError(
            fmt::format("{}: {}: cannot be opened as NetCDF: {}", path, role, nc_strerror(status)));
    }
}

NcReader::~NcReader() {
    if (ncid_ >= 0) nc_close(ncid_);
}

void NcReader::check(int status, const std::string& what) const {
    if (status != NC_NOERR) {
        throw std::runtime_error(
            fmt::format("{}: NetCDF error while {}: {}", path_, what, nc_strerror(status)));
    }
}

std::optional<int> NcReader::find_variable(const std::string& name) const {
    int var = -1;
    if (nc_inq_varid(ncid_, name.c_str(), &var) != NC_NOERR) return std::nullopt;
    return var;
}

std::optional<std::string> NcReader::text_attribute(int var, const std::string& name) const {
    nc_type type;
    std::size_t length = 0;
    if (nc_inq_att(ncid_, var, name.c_str(), &type, &length) != NC_NOERR) return std::nullopt;
    if (type == NC_CHAR) {
        std::string value(length, '\0');
        check(nc_get_att_text(ncid_, var, name.c_str(), value.data()), "reading " + name);
        while (!value.empty() && value.back() == '\0')
            value.pop_back();
        return value;
    }
    if (type == NC_STRING && length == 1) {
        char* value = nullptr;
        check(nc_get_att_string(ncid_, var, name.c_str(), &value), "reading " + name);
        std::string result = value ? value : "";
        nc_free_string(1, &value);
        return result;
    }
    return std::nullopt;
}

std::optional<double> NcReader::number_attribute(int var, const std::string& name) const {
    nc_type type;
    std::size_t length = 0;
    if (nc_inq_att(ncid_, var, name.c_str(), &type, &length) != NC_NOERR) return std::nullopt;
    if (type == NC_CHAR || type == NC_STRING || length != 1) return std::nullopt;
    double value = 0;
    check(nc_get_att_double(ncid_, var, name.c_str(), &value), "reading " + name);
    return value;
}

std::vector<int> NcReader::dimensions(int var) const {
    int count = 0;
    check(nc_inq_varndims(ncid_, var, &count), "reading dimensions");
    std::vector<int> dims(static_cast<std::size_t>(count));
    check(nc_inq_vardimid(ncid_, var, dims.data()), "reading dimensions");
    return dims;
}

std::size_t NcReader::dimension_length(int dim) const {
    std::size_t length = 0;
    check(nc_inq_dimlen(ncid_, dim, &length), "reading a dimension length");
    return length;
}

std::string NcReader::dimension_name(int dim) const {
    char name[NC_MAX_NAME + 1] = {};
    check(nc_inq_dimname(ncid_, dim, name), "reading a dimension name");
    return name;
}

std::string NcReader::variable_name(int var) const {
    char name[NC_MAX_NAME + 1] = {};
    check(nc_inq_varname(ncid_, var, name), "reading a variable name");
    return name;
}

std::vector<double> NcReader::read_all(int var) const {
    std::size_t size = 1;
    for (int dim : dimensions(var))
        size *= dimension_length(dim);
    std::vector<double> values(size);
    if (size > 0)
        check(nc_get_var_double(ncid_, var, values.data()), "reading " + variable_name(var));
    return values;
}

void NcReader::read_slab(int var, const std::vector<std::size_t>& start,
                         const std::vector<std::size_t>& count, double* out) const {
    check(nc_get_vara_double(ncid_, var, start.data(), count.data(), out),
          "reading " + variable_name(var));
}

} // namespace riparia::io
