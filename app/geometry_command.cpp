// riparia geometry: sub-basin polygons for a basin file whose sub-basins are conceptual (country
// shares of river reaches): the TFDD basin cut by the country polygons into basin-country units,
// each unit shared among its country's sub-basins by a weighted nearest-centre partition whose
// areas follow the declared area_km2. docs/geometry.md has the method.
#include "app/geometry_cli.hpp"
#include "io/basin_file.hpp"
#include "io/country_units.hpp"
#include "io/input_error.hpp"
#include "io/polygonize.hpp"
#include "io/tfdd_basin_polygons.hpp"
#include "io/unit_partition.hpp"
#include "io/unit_terrain.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace riparia::app {

namespace {

inline constexpr const char* geometry_source = "TFDD unit, weighted nearest-centre partition";

struct Unit {
    std::string country; // ISO 3166 alpha-3, as the basin file spells it
    std::unique_ptr<OGRGeometry> geometry;
    double area_km2 = 0;
    std::vector<std::size_t> subbasins; // indices into the basin's sub-basins
};

std::unique_ptr<OGRMultiPolygon> tfdd_basin(const GeometryOptions& o) {
    auto polygons = io::read_tfdd_basin_polygons(o.basins_path, {o.bcode});
    if (polygons.front()->IsEmpty())
        throw io::InputError(fmt::format("{}: no basin with BCODE '{}' (option --bcode), expected "
                                         "a code of the TFDD register such as NILE or INDU",
                                         o.basins_path, o.bcode));
    return std::move(polygons.front());
}

// The country file's code for an ISO alpha-3 code, by the field the codes came from.
std::string file_code(const std::string& iso3, const std::string& field,
                      const std::string& countries_path) {
    if (field == "iso_a3" || field == "ISO_A3" || field == "ADM0_A3") return iso3;
    if (field == "iso_a2" || field == "ISO_A2") return io::iso_a2_of_register_code(iso3);
    throw io::InputError(fmt::format("{}: country codes from field '{}', expected ISO codes in "
                                     "iso_a3 or iso_a2",
                                     countries_path, field));
}

// The TFDD basin cut by every country it meets, grouped by the country file's code.
std::map<std::string, io::CountryUnit> basin_countries(const GeometryOptions& o,
                                                       std::string& code_field) {
    std::vector<std::unique_ptr<OGRMultiPolygon>> basin;
    basin.push_back(tfdd_basin(o));
    io::CountryUnits cut = io::intersect_countries(o.countries_path, basin);
    code_field = cut.code_field;
    std::map<std::string, io::CountryUnit> out;
    for (auto& piece : cut.units) {
        auto [it, added] = out.try_emplace(piece.code, std::move(piece));
        if (added) continue;
        it->second.geometry.reset(it->second.geometry->Union(piece.geometry.get()));
        it->second.area_km2 += piece.area_km2;
    }
    return out;
}

// One unit per country of the basin file; the basin's other countries are listed on stdout.
std::vector<Unit> units_of(const GeometryOptions& o, const model::Basin& basin) {
    std::string field;
    auto countries = basin_countries(o, field);
    std::vector<Unit> units;
    std::map<std::string, std::size_t> unit_of; // file code -> unit
    for (std::size_t s = 0; s < basin.subbasins.size(); ++s) {
        const auto& sub = basin.subbasins[s];
        const std::string code = file_code(sub.country, field, o.countries_path);
        if (const auto known = unit_of.find(code); known != unit_of.end()) {
            units[known->second].subbasins.push_back(s);
            continue;
        }
        const auto found = countries.find(code);
        if (found == countries.end()) {
            std::vector<std::string> present;
            for (const auto& [c, unit] : countries)
                present.push_back(c);
            throw io::InputError(fmt::format(
                "{}: subbasin '{}' country '{}' has no area in TFDD basin {} cut by {} (its "
                "countries there: {}), expected a country of the basin",
                o.basin_path, sub.id, sub.country, o.bcode, o.countries_path,
                fmt::join(present, ", ")));
        }
        unit_of[code] = units.size();
        units.push_back(
            {sub.country, std::move(found->second.geometry), found->second.area_km2, {s}});
    }
    for (const auto& [code, unit] : countries)
        if (!unit_of.count(code) && !o.quiet)
            fmt::print("note: {} ({}) holds {:.0f} km2 of TFDD basin {} and no sub-basin; it is "
                       "left out\n",
                       unit.name, code, unit.area_km2, o.bcode);
    return units;
}

void print_unit(const Unit& unit, const model::Basin& basin, const io::UnitPartition& cut,
                const std::vector<double>& polygon_km2) {
    double declared = 0;
    for (std::size_t s : unit.subbasins)
        declared += basin.subbasins[s].area_km2;
    fmt::print("{:<4} unit {:>12.0f} km2 (TFDD x countries)  declared {:>12.0f} km2  {:+6.1f} %   "
               "{} cells, {} iterations\n",
               unit.country, unit.area_km2, declared, 100 * (unit.area_km2 / declared - 1),
               cut.cell_count, cut.cells.iterations);
    for (std::size_t k = 0; k < unit.subbasins.size(); ++k) {
        const auto& sub = basin.subbasins[unit.subbasins[k]];
        fmt::print("       {:<24} polygon {:>10.0f} km2  target {:>10.0f}  declared {:>10.0f}  "
                   "{:+6.1f} %\n",
                   sub.id, polygon_km2[k], cut.cells.target_km2[k], sub.area_km2,
                   100 * (polygon_km2[k] / cut.cells.target_km2[k] - 1));
    }
}

} // namespace

int geometry_command(const GeometryOptions& o) {
    const io::BasinFile file = io::load_basin_file(o.basin_path);
    const model::Basin& basin = file.basin;
    const std::vector<Unit> units = units_of(o, basin);
    const io::UnitPartitionOptions options{o.cell_deg, o.simplify_cells};
    std::vector<std::unique_ptr<OGRMultiPolygon>> pieces(basin.subbasins.size());
    std::vector<io::GeoFeature> features(basin.subbasins.size());
    if (!o.quiet)
        fmt::print("{}: TFDD basin {}, cells of {} deg\n", o.basin_path, o.bcode, o.cell_deg);
    for (const Unit& unit : units) {
        std::vector<model::PartitionSite> sites;
        for (std::size_t s : unit.subbasins)
            sites.push_back({basin.subbasins[s].lat_deg, basin.subbasins[s].lon_deg,
                             basin.subbasins[s].area_km2});
        io::UnitPartition cut = io::partition_unit(*unit.geometry, sites, options);
        std::vector<double> polygon_km2;
        for (std::size_t k = 0; k < unit.subbasins.size(); ++k) {
            const std::size_t s = unit.subbasins[k];
            const auto& sub = basin.subbasins[s];
            pieces[s] = std::move(cut.pieces[k]);
            if (pieces[s]->IsEmpty())
                throw io::InputError(fmt::format(
                    "{}: subbasin '{}' area_km2 = {} got no cell of its unit ({}, {:.0f} km2, "
                    "cells of {} deg), expected an area of a few cells at least or a smaller "
                    "--cell-deg",
                    o.basin_path, sub.id, sub.area_km2, unit.country, unit.area_km2, o.cell_deg));
            polygon_km2.push_back(io::spherical_area_km2(*pieces[s]));
            features[s] = {pieces[s].get(),
                           {{"id", sub.id},
                            {"name", sub.name},
                            {"country", sub.country},
                            {"geometry_source", geometry_source}},
                           {{"area_km2", polygon_km2.back()}, {"declared_area_km2", sub.area_km2}}};
        }
        if (!o.quiet) print_unit(unit, basin, cut, polygon_km2);
    }
    io::write_geojson(o.out_path, "subbasins", features);
    if (!o.quiet) fmt::print("wrote {}\n", o.out_path);
    return 0;
}

} // namespace riparia::app
