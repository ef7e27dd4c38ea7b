#include "io/unit_terrain.hpp"

#include "io/country_units.hpp"
#include "io/dem_reader.hpp"
#include "io/input_error.hpp"
#include "io/polygonize.hpp"
#include "io/tfdd_basin_polygons.hpp"
#include "model/area_weights.hpp"
#include "model/dem_grid.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>
#include <set>

namespace riparia::io {

namespace {

using Pieces = std::vector<std::unique_ptr<OGRMultiPolygon>>;

// Grid cell edges of a DEM, latitudes increasing (model::compute_area_weights' convention).
model::GridEdges grid_edges(const model::GridGeometry& g) {
    model::GridEdges e;
    for (std::size_t k = 0; k <= g.cols; ++k)
        e.lon_edges_deg.push_back(g.lon0_deg + (double(k) - 0.5) * g.dlon_deg);
    const double south = std::min(g.lat_deg(0), g.lat_deg(g.rows - 1));
    const double step = std::abs(g.dlat_deg);
    for (std::size_t k = 0; k <= g.rows; ++k)
        e.lat_edges_deg.push_back(std::clamp(south + (double(k) - 0.5) * step, -90.0, 90.0));
    return e;
}

// Area-weighted mean and 10th percentile of the DEM over the cells of polygon p.
void elevation_of(const model::Raster<float>& dem, const model::AreaWeights& w, std::size_t p,
                  UnitTerrain& u) {
    std::vector<std::pair<double, double>> cells; // elevation, area
    double sum = 0, area = 0;
    for (std::size_t k = w.first[p]; k < w.first[p + 1]; ++k) {
        const std::size_t r = w.cell[k] / w.columns, c = w.cell[k] % w.columns;
        const std::size_t row = dem.grid.dlat_deg > 0 ? r : dem.grid.rows - 1 - r;
        const double z = dem.at(row, c);
        if (std::isnan(z)) continue;
        cells.push_back({z, w.overlap_m2[k]});
        sum += z * w.overlap_m2[k], area += w.overlap_m2[k];
    }
    u.mean_m = area > 0 ? sum / area : std::nan("");
    u.low_m = u.mean_m;
    std::sort(cells.begin(), cells.end());
    double below = 0;
    for (const auto& [z, a] : cells)
        if ((below += a) >= 0.1 * area) {
            u.low_m = z;
            break;
        }
}

} // namespace

namespace {

struct Intersected {
    std::vector<UnitTerrain> units;
    std::vector<std::vector<std::unique_ptr<OGRGeometry>>> pieces; // per unit
    std::vector<std::size_t> basin;                                // per unit
};

// Register units (basin, ccode) cut out of their basin polygon by their country's polygon.
Intersected intersect(const TerrainFiles& files, const std::vector<TfddUnit>& register_units) {
    std::vector<std::string> codes;
    std::map<std::string, std::size_t> basin_index;
    std::map<std::pair<std::size_t, std::string>, std::string> wanted; // (basin, code) -> ccode
    for (const auto& u : register_units) {
        const auto [it, added] = basin_index.insert({u.basin, codes.size()});
        if (added) codes.push_back(u.basin);
        wanted[{it->second, u.country}] = u.country;
        if (const auto a2 = iso_a2_of_register_code(u.country); !a2.empty())
            wanted[{it->second, a2}] = u.country;
    }
    const Pieces basins = read_tfdd_basin_polygons(files.basins_path, codes);
    auto cut = intersect_countries(files.countries_path, basins, [&](std::size_t s, auto& code) {
        return wanted.count({s, code}) > 0;
    });
    static const std::set<std::string> iso{"iso_a3", "ISO_A3", "ADM0_A3", "iso_a2", "ISO_A2"};
    if (!iso.count(cut.code_field))
        throw InputError(fmt::format("{}: country codes from field '{}', expected ISO codes in "
                                     "iso_a3 or iso_a2",
                                     files.countries_path, cut.code_field));
    Intersected out;
    std::map<std::pair<std::size_t, std::string>, std::size_t> at;
    for (auto& c : cut.units) {
        const std::string& ccode = wanted.at({c.subbasin, c.code});
        const auto [it, added] = at.insert({{c.subbasin, ccode}, out.units.size()});
        if (added) {
            out.units.push_back({codes[c.subbasin], ccode, 0, 0, 0, {}});
            out.pieces.emplace_back(), out.basin.push_back(c.subbasin);
        }
        out.units[it->second].area_km2 += c.area_km2;
        out.pieces[it->second].push_back(std::move(c.geometry));
    }
    return out;
}

// Great-circle length (km) of the lines of a geometry (points count 0).
double length_km(const OGRGeometry& g) {
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbLineString || type == wkbLinearRing) {
        const auto* line = g.toSimpleCurve();
        double km = 0;
        for (int k = 1; k < line->getNumPoints(); ++k)
            km += model::great_circle_km(line->getY(k - 1), line->getX(k - 1), line->getY(k),
                                         line->getX(k));
        return km;
    }
    if (!OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) return 0;
    double km = 0;
    for (const auto* part : *g.toGeometryCollection())
        km += length_km(*part);
    return km;
}

// Length (km) of the border two units share; NaN when they do not touch (0 when they touch
// at points only).
double border_km(const std::vector<std::unique_ptr<OGRGeometry>>& a,
                 const std::vector<std::unique_ptr<OGRGeometry>>& b) {
    double km = std::nan("");
    for (const auto& x : a)
        for (const auto& y : b) {
            if (!x->Intersects(y.get())) continue;
            std::unique_ptr<OGRGeometry> shared(x->Intersection(y.get()));
            km = (std::isnan(km) ? 0 : km) + (shared ? length_km(*shared) : 0);
        }
    return km;
}

std::vector<UnitTerrain> compute(const TerrainFiles& files, const std::vector<TfddUnit>& units) {
    Intersected cut = intersect(files, units);
    const auto dem = read_dem(files.dem_path);
    std::vector<model::MultiPolygon> polygons(cut.units.size());
    for (std::size_t u = 0; u < cut.units.size(); ++u)
        for (const auto& g : cut.pieces[u])
            for (auto& p : to_multipolygon(*g))
                polygons[u].push_back(std::move(p));
    const auto w = model::compute_area_weights(grid_edges(dem.grid), polygons);
    for (std::size_t u = 0; u < cut.units.size(); ++u) {
        elevation_of(dem, w, u, cut.units[u]);
        for (std::size_t v = 0; v < cut.units.size(); ++v)
            if (v != u && cut.basin[v] == cut.basin[u])
                if (const double km = border_km(cut.pieces[u], cut.pieces[v]); !std::isnan(km))
                    cut.units[u].borders.push_back({cut.units[v].country, km});
    }
    return cut.units;
}

} // namespace

std::vector<UnitTerrain> unit_terrain(const TerrainFiles& files,
                                      const std::vector<TfddUnit>& units) {
    std::string path, key;
    std::vector<UnitTerrain> out;
    if (!files.cache_dir.empty()) {
        key = terrain_cache_key(files, units);
        path = (std::filesystem::path(files.cache_dir) /
                fmt::format("unit-terrain-{}.csv", key.substr(0, 16)))
                   .string();
        if (read_terrain_cache(path, key, out)) return out;
    }
    out = compute(files, units);
    if (!path.empty()) write_terrain_cache(path, key, out);
    return out;
}

} // namespace riparia::io
