#include "io/netcdf_forcing_grid.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace riparia::io {

namespace {

enum class Axis { none, lat, lon };

std::string lowercase(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// CF-1.8 sections 4.1 and 4.2: recognised by units, standard_name, axis or (last) name.
Axis axis_of(const NcReader& file, int dim) {
    const std::string name = file.dimension_name(dim);
    const auto var = file.find_variable(name);
    if (!var) return Axis::none;
    const std::string units = lowercase(file.text_attribute(*var, "units").value_or(""));
    const std::string standard = file.text_attribute(*var, "standard_name").value_or("");
    const std::string axis = file.text_attribute(*var, "axis").value_or("");
    const std::string n = lowercase(name);
    if (units.rfind("degree", 0) == 0 && (units.back() == 'n')) return Axis::lat;
    if (units.rfind("degree", 0) == 0 && (units.back() == 'e')) return Axis::lon;
    if (standard == "latitude" || axis == "Y" || n == "lat" || n == "latitude") return Axis::lat;
    if (standard == "longitude" || axis == "X" || n == "lon" || n == "longitude") return Axis::lon;
    return Axis::none;
}

void check_monotonic(const NcReader& file, const std::string& variable, const std::string& coord,
                     const std::vector<double>& centres) {
    if (centres.empty()) {
        throw InputError(fmt::format("{}: variable '{}': coordinate '{}' is empty, expected at "
                                     "least one cell",
                                     file.path(), variable, coord));
    }
    const bool up = centres.size() < 2 || centres[1] > centres[0];
    for (std::size_t k = 1; k < centres.size(); ++k) {
        if (!std::isfinite(centres[k]) ||
            (up ? centres[k] <= centres[k - 1] : centres[k] >= centres[k - 1])) {
            throw InputError(fmt::format("{}: variable '{}': coordinate '{}' found {} after {} at "
                                         "index {}, expected strictly monotonic values",
                                         file.path(), variable, coord, centres[k], centres[k - 1],
                                         k));
        }
    }
}

std::vector<double> midpoint_edges(const std::vector<double>& centres) {
    const std::size_t n = centres.size();
    std::vector<double> edges(n + 1);
    const double half_first = n > 1 ? 0.5 * (centres[1] - centres[0]) : 0.5;
    const double half_last = n > 1 ? 0.5 * (centres[n - 1] - centres[n - 2]) : 0.5;
    edges[0] = centres[0] - half_first;
    for (std::size_t k = 1; k < n; ++k)
        edges[k] = 0.5 * (centres[k - 1] + centres[k]);
    edges[n] = centres[n - 1] + half_last;
    return edges;
}

// Edges from a (n, 2) bounds variable; empty when the named variable is absent.
std::vector<double> bounds_edges(const NcReader& file, int coord_var, const std::string& variable,
                                 std::size_t n) {
    const auto name = file.text_attribute(coord_var, "bounds");
    const auto var = name ? file.find_variable(*name) : std::nullopt;
    if (!var) return {};
    const std::vector<double> b = file.read_all(*var);
    if (b.size() != 2 * n) return {};
    std::vector<double> edges(n + 1);
    const bool up = n < 2 || b[2] + b[3] > b[0] + b[1];
    auto lo = [&](std::size_t k) {
        return up ? std::min(b[2 * k], b[2 * k + 1]) : std::max(b[2 * k], b[2 * k + 1]);
    };
    auto hi = [&](std::size_t k) {
        return up ? std::max(b[2 * k], b[2 * k + 1]) : std::min(b[2 * k], b[2 * k + 1]);
    };
    edges[0] = lo(0);
    for (std::size_t k = 1; k < n; ++k) {
        if (std::abs(hi(k - 1) - lo(k)) > 1e-4) {
            throw InputError(fmt::format("{}: variable '{}': bounds '{}' leave a gap between cells "
                                         "{} and {} ({} vs {}), expected contiguous cells",
                                         file.path(), variable, *name, k - 1, k, hi(k - 1), lo(k)));
        }
        edges[k] = 0.5 * (hi(k - 1) + lo(k));
    }
    edges[n] = hi(n - 1);
    return edges;
}

// Increasing edges for one axis; `reversed` says the file stores it decreasing.
std::vector<double> axis_edges(const NcReader& file, int dim, const std::string& variable,
                               std::vector<double>& centres, bool& reversed) {
    const std::string name = file.dimension_name(dim);
    const int var = *file.find_variable(name);
    centres = file.read_all(var);
    check_monotonic(file, variable, name, centres);
    std::vector<double> edges = bounds_edges(file, var, variable, centres.size());
    if (edges.empty()) edges = midpoint_edges(centres);
    reversed = edges.front() > edges.back();
    if (reversed) std::reverse(edges.begin(), edges.end());
    return edges;
}

} // namespace

bool FileGrid::same_cells(const FileGrid& other) const {
    return edges.lon_edges_deg == other.edges.lon_edges_deg &&
           edges.lat_edges_deg == other.edges.lat_edges_deg && lat_reversed == other.lat_reversed &&
           lon_reversed == other.lon_reversed;
}

bool is_time_dimension(const NcReader& file, int dim) {
    const auto var = file.find_variable(file.dimension_name(dim));
    if (!var) return false;
    const std::string units = file.text_attribute(*var, "units").value_or("");
    return units.find(" since ") != std::string::npos ||
           file.text_attribute(*var, "standard_name").value_or("") == "time" ||
           file.text_attribute(*var, "axis").value_or("") == "T";
}

FileGrid read_file_grid(const NcReader& file, int var, const std::string& variable) {
    FileGrid g;
    for (int dim : file.dimensions(var)) {
        const Axis axis = axis_of(file, dim);
        if (axis == Axis::lat) g.lat_dim = dim;
        if (axis == Axis::lon) g.lon_dim = dim;
    }
    if (g.lat_dim < 0 || g.lon_dim < 0) {
        throw InputError(fmt::format("{}: variable '{}': found no {} dimension with a coordinate "
                                     "variable, expected dimensions (time, lat, lon) with "
                                     "degrees_north and degrees_east coordinates",
                                     file.path(), variable,
                                     g.lat_dim < 0 ? "latitude" : "longitude"));
    }
    g.edges.lat_edges_deg = axis_edges(file, g.lat_dim, variable, g.lat_deg, g.lat_reversed);
    g.edges.lon_edges_deg = axis_edges(file, g.lon_dim, variable, g.lon_deg, g.lon_reversed);
    auto& lat = g.edges.lat_edges_deg;
    for (double& e : lat)
        e = std::clamp(e, -90.0, 90.0);
    auto& lon = g.edges.lon_edges_deg;
    if (lon.back() - lon.front() > 360.0 + 1e-3) {
        throw InputError(fmt::format("{}: variable '{}': longitudes span {} degrees, expected at "
                                     "most 360",
                                     file.path(), variable, lon.back() - lon.front()));
    }
    lon.back() = std::min(lon.back(), lon.front() + 360.0);
    return g;
}

} // namespace riparia::io
