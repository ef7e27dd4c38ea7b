// riparia delineate: sub-basin geometry from a DEM (priority-flood, D8) or a flow-direction grid
// (PCRaster LDD, ESRI D8), at each sub-basin's `outlet`. docs/delineation.md has the method.
#include "app/climatology_paths.hpp"
#include "app/commands.hpp"
#include "app/delineate_lakes.hpp"
#include "app/stopwatch.hpp"
#include "io/basin_file.hpp"
#include "io/climatology_grid.hpp"
#include "io/country_units.hpp"
#include "io/dem_reader.hpp"
#include "io/dem_sinks.hpp"
#include "io/flow_direction_reader.hpp"
#include "io/input_error.hpp"
#include "io/polygonize.hpp"
#include "model/dem_burn.hpp"
#include "model/dem_crop.hpp"
#include "model/dem_flats.hpp"
#include "model/dem_sea.hpp"
#include "model/dem_sink_snap.hpp"
#include "model/flow_accumulation.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

namespace riparia::app {

namespace {

namespace fs = std::filesystem;

struct Delineation {
    model::FlowGrid flow;
    std::vector<std::int32_t> order;
    std::vector<double> upstream_km2;
    std::vector<model::SnappedOutlet> outlets;
    std::vector<std::int32_t> label;
    std::string source;
    model::LonLatBox box; // the crop of a DEM
    nlohmann::json burn;  // the stream burning of a DEM, null when none
    nlohmann::json sinks; // the declared terminal sinks of a DEM, null when none
    nlohmann::json flats; // the level-flat rule of a DEM, null when off
    nlohmann::json lakes; // the closed-lake rule of a DEM, null when off
    nlohmann::json timing_s = nlohmann::json::object();
};

void require_outlets(const io::BasinFile& file) {
    std::vector<std::string> missing;
    for (const auto& s : file.basin.subbasins)
        if (!s.outlet) missing.push_back("'" + s.id + "'");
    if (!missing.empty())
        throw io::InputError(fmt::format("{}: subbasin {} has no key 'outlet', expected "
                                         "outlet = {{ lat = ..., lon = ... }} in every sub-basin",
                                         file.path, fmt::join(missing, ", ")));
}

void require_file(const std::string& path, const std::string& option) {
    if (!fs::is_regular_file(path))
        throw io::InputError(
            fmt::format("{} {}: file not found, expected an existing raster", option, path));
}

model::LonLatBox initial_box(const model::Basin& basin, double margin_deg) {
    model::LonLatBox b{90, -90, 1e9, -1e9};
    for (const auto& s : basin.subbasins) {
        for (const model::GeoPoint p : {*s.outlet, model::GeoPoint{s.lat_deg, s.lon_deg}}) {
            b.lat_min_deg = std::min(b.lat_min_deg, p.lat_deg - margin_deg);
            b.lat_max_deg = std::max(b.lat_max_deg, p.lat_deg + margin_deg);
            b.lon_min_deg = std::min(b.lon_min_deg, p.lon_deg - margin_deg);
            b.lon_max_deg = std::max(b.lon_max_deg, p.lon_deg + margin_deg);
        }
    }
    return b;
}

// The outlet's cell on the (uncropped) input grid must exist: else the point is off the grid.
void check_on_grid(const io::BasinFile& file, const model::GridGeometry& grid,
                   const std::string& source) {
    for (const auto& s : file.basin.subbasins)
        if (model::cell_at(grid, s.outlet->lat_deg, s.outlet->lon_deg) < 0)
            throw io::InputError(fmt::format(
                "{}: subbasin '{}' outlet (lat {}, lon {}) is outside {}, expected a point on "
                "the grid",
                file.path, s.id, s.outlet->lat_deg, s.outlet->lon_deg, source));
}

void snap_all(const io::BasinFile& file, int radius, Delineation& d) {
    d.outlets.clear();
    for (const auto& s : file.basin.subbasins) {
        const auto o = model::snap_outlet(d.flow, d.upstream_km2, s.outlet->lat_deg,
                                          s.outlet->lon_deg, radius);
        if (o.cell < 0)
            throw io::InputError(fmt::format(
                "{}: subbasin '{}' outlet (lat {}, lon {}) is in the sea or on missing data of "
                "{}: found no land cell within {} cells, expected a point on a river",
                file.path, s.id, s.outlet->lat_deg, s.outlet->lon_deg, d.source, radius));
        for (std::size_t k = 0; k < d.outlets.size(); ++k)
            if (d.outlets[k].cell == o.cell)
                throw io::InputError(fmt::format(
                    "{}: subbasins '{}' and '{}' snap to the same cell, expected distinct "
                    "outlets (move one or lower --snap-radius)",
                    file.path, file.basin.subbasins[k].id, s.id));
        d.outlets.push_back(o);
    }
}

void route(const io::BasinFile& file, int radius, Delineation& d) {
    auto t0 = Clock::now();
    d.order = *model::upstream_first(d.flow);
    d.upstream_km2 = model::accumulate_km2(d.flow, d.order);
    snap_all(file, radius, d);
    std::vector<std::int64_t> cells;
    for (const auto& o : d.outlets)
        cells.push_back(o.cell);
    d.label = model::label_subbasins(d.flow, d.order, cells);
    d.timing_s["accumulate_label"] = seconds_since(t0);
}

bool touches_border(const Delineation& d) {
    const auto& g = d.flow.grid;
    for (std::size_t c = 0; c < g.cells(); ++c) {
        const std::size_t row = c / g.cols, col = c % g.cols;
        const bool border = row == 0 || row + 1 == g.rows || col == 0 || col + 1 == g.cols;
        if (border && d.label[c] >= 0 && !g.wraps) return true;
    }
    return false;
}

// The declared network as segments from each outlet to its downstream sub-basin's outlet,
// upstream first (the order stream burning needs).
std::vector<model::LonLatSegment> network_segments(const model::Basin& basin) {
    std::vector<model::LonLatSegment> segments;
    for (const int i : basin.network.topological_order()) {
        const int j = basin.network.downstream(std::size_t(i));
        if (j < 0) continue;
        const auto& a = *basin.subbasins[std::size_t(i)].outlet;
        const auto& b = *basin.subbasins[std::size_t(j)].outlet;
        segments.push_back({a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg});
    }
    return segments;
}

// Inland depressions below 0 m at least this large are terminal sinks (Dead Sea ~1,000 km2).
constexpr double inland_sink_min_km2 = 500;

// How a DEM's flow is derived beyond the fill: stream burning, the level flats of at least
// flat_min_km2 drained by model/dem_flats.hpp (negative: off), and the closed lakes of the
// monthly climatology grids (both null: off).
struct DemRules {
    bool burn = false;
    double flat_min_km2 = -1;
    const model::MonthlyGrid* precip_mm = nullptr;
    const model::MonthlyGrid* temperature_c = nullptr;
    double lake_max_aridity_index = model::hyperarid_aridity_index;
};

// One crop's flow, with the DEM as filled (burnt when burning) and its fill.
struct CropFlow {
    model::FlowGrid flow;
    model::Raster<float> dem;
    model::FilledDem filled;
};

// Sea, declared sinks (cells of the crop), burning, priority-flood, D8 and flats for one crop.
CropFlow flow_in_crop(model::Raster<float> crop, const model::Raster<std::uint8_t>& sea,
                      const io::BasinFile& file, const std::vector<std::int64_t>& sink_cells,
                      const DemRules& rules, Delineation& d) {
    const bool burn = rules.burn;
    auto land = model::land_outside_sea(crop, model::crop_to_box(sea, d.box).values, 0.0f,
                                        inland_sink_min_km2);
    std::vector<std::int64_t> terminal; // where the burnt network ends: it drains out there
    const model::BurnSettings settings;
    const auto segments = network_segments(file.basin);
    const auto delta_cells = burn ? model::land_along_network(crop, land, segments, settings) : 0;
    const auto marked = model::declare_sink_cells(land, sink_cells);
    if (d.sinks.is_object()) d.sinks["cells_in_crop"] = marked;
    if (burn) {
        const auto cells = model::burn_streams(crop, land, segments, settings);
        d.burn = {{"depth_m", settings.depth_m},
                  {"gradient_m_per_km", settings.gradient_m_per_km},
                  {"delta_depth_m", settings.delta_depth_m},
                  {"delta_cells_made_land", delta_cells},
                  {"cells", cells}};
        for (const int k : file.basin.network.outlets())
            if (!file.basin.network.upstream(std::size_t(k)).empty()) {
                const auto& p = *file.basin.subbasins[std::size_t(k)].outlet;
                terminal.push_back(model::cell_at(crop.grid, p.lat_deg, p.lon_deg));
            }
    }
    auto filled = model::priority_flood(crop, land, terminal);
    auto flow = model::d8_directions(crop, filled, land);
    if (rules.flat_min_km2 >= 0)
        d.flats = {
            {"min_area_km2", rules.flat_min_km2},
            {"cells_redirected", model::drain_flats(crop, filled, flow, rules.flat_min_km2)}};
    return {std::move(flow), std::move(crop), std::move(filled)};
}

// With the closed-lake rule, a further pass in which the closed lakes of `pass` are sinks too.
model::FlowGrid with_closed_lakes(CropFlow pass, const model::Raster<float>& crop,
                                  const model::Raster<std::uint8_t>& sea, const io::BasinFile& file,
                                  std::vector<std::int64_t> sink_cells, const DemRules& rules,
                                  Delineation& d) {
    if (!rules.precip_mm) return std::move(pass.flow);
    const auto balance =
        model::cell_water_balance(crop.grid, *rules.precip_mm, *rules.temperature_c);
    auto lakes = find_closed_lakes(pass.dem, pass.filled, pass.flow, balance,
                                   network_segments(file.basin), rules.lake_max_aridity_index);
    d.lakes = std::move(lakes.record);
    sink_cells.insert(sink_cells.end(), lakes.pits.begin(), lakes.pits.end());
    return flow_in_crop(crop, sea, file, sink_cells, rules, d).flow;
}

// The snapped sinks of delineation.json: where each moved on the first pass.
nlohmann::json snapped_sinks_record(const std::vector<io::DeclaredSink>& sinks,
                                    const std::vector<model::PlacedSink>& placed,
                                    const model::GridGeometry& g) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t k = 0; k < sinks.size(); ++k) {
        if (sinks[k].snap_radius_cells <= 0) continue;
        nlohmann::json j{
            {"name", sinks[k].name},
            {"point", {{"lat", sinks[k].point.lat_deg}, {"lon", sinks[k].point.lon_deg}}},
            {"snap_radius_cells", sinks[k].snap_radius_cells}};
        const auto c = placed[k].cell;
        if (c >= 0) {
            const auto row = std::size_t(c) / g.cols, col = std::size_t(c) % g.cols;
            j["cell"] = {{"row", row}, {"col", col}};
            j["snapped"] = {{"lat", g.lat_deg(row)}, {"lon", g.lon_deg(col)}};
            j["moved_km"] = placed[k].moved_km;
            j["first_pass_upstream_area_km2"] = placed[k].upstream_km2;
        }
        list.push_back(j);
    }
    return list;
}

// Crop, then the flow; with snapped sinks (model/dem_sink_snap.hpp) twice: a first pass with the
// unsnapped sinks only places the snapped ones on the river of highest upstream area nearby.
model::FlowGrid flow_in_box(const model::Raster<float>& dem, const model::Raster<std::uint8_t>& sea,
                            const io::BasinFile& file, const std::vector<io::DeclaredSink>& sinks,
                            const DemRules& rules, Delineation& d) {
    model::Raster<float> crop = model::crop_to_box(dem, d.box);
    std::vector<model::SinkRequest> requests;
    for (const auto& s : sinks)
        requests.push_back({s.point, s.snap_radius_cells});
    if (!sinks.empty()) d.sinks = {{"declared", sinks.size()}};
    auto cells = model::point_sink_cells(crop.grid, requests);
    if (!model::any_snapped(requests))
        return with_closed_lakes(flow_in_crop(crop, sea, file, cells, rules, d), crop, sea, file,
                                 cells, rules, d);
    const auto first = flow_in_crop(crop, sea, file, cells, rules, d).flow;
    const auto placed = model::place_sinks(
        first, model::accumulate_km2(first, *model::upstream_first(first)), requests);
    cells.clear();
    for (const auto& p : placed)
        cells.push_back(p.cell);
    d.sinks["snapped"] = snapped_sinks_record(sinks, placed, crop.grid);
    return with_closed_lakes(flow_in_crop(crop, sea, file, cells, rules, d), crop, sea, file, cells,
                             rules, d);
}

Delineation from_dem(const io::BasinFile& file, const std::string& path,
                     const std::vector<io::DeclaredSink>& sinks, int radius,
                     const DemRules& rules) {
    auto t0 = Clock::now();
    const model::Raster<float> dem = io::read_dem(path);
    Delineation d;
    d.source = path;
    d.timing_s["read"] = seconds_since(t0);
    check_on_grid(file, dem.grid, path);
    t0 = Clock::now();
    const model::Raster<std::uint8_t> sea{dem.grid, model::sea_mask(dem, 0.0f)};
    d.timing_s["sea"] = seconds_since(t0);
    for (double margin = 5;; margin *= 2) { // grow the crop until no basin reaches its edge
        t0 = Clock::now();
        d.box = initial_box(file.basin, margin);
        d.flow = flow_in_box(dem, sea, file, sinks, rules, d);
        d.timing_s["burn_fill_d8"] = seconds_since(t0);
        route(file, radius, d);
        if (!touches_border(d) || margin > 360) return d;
    }
}

Delineation from_directions(const io::BasinFile& file, const std::string& path,
                            io::FlowCoding coding, int radius) {
    auto t0 = Clock::now();
    Delineation d;
    d.source = path;
    d.flow = io::read_flow_directions(path, coding);
    d.timing_s["read"] = seconds_since(t0);
    check_on_grid(file, d.flow.grid, path);
    route(file, radius, d);
    return d;
}

std::string cell_id(const model::GridGeometry& g, std::int64_t cell) {
    return fmt::format("r{}c{}", cell / std::int64_t(g.cols), cell % std::int64_t(g.cols));
}

void write_text(const std::string& path, const std::string& text) {
    const std::string temporary = path + ".partial";
    {
        std::ofstream out(temporary);
        out << text;
        if (!out) throw io::InputError(fmt::format("{}: cannot be written", path));
    }
    fs::rename(temporary, path);
}

// Every cell upstream of the single outlet as a sub-basin: a gridded basin.toml.
void write_cells_basin(const io::BasinFile& file, const Delineation& d, const std::string& path) {
    const auto& g = d.flow.grid;
    const auto& s = file.basin.subbasins.front();
    const auto row_km2 = model::row_cell_area_km2(g);
    std::string text = fmt::format(
        "# Written by riparia delineate --cells from {}: every cell upstream of '{}' is a\n"
        "# sub-basin. GR4J parameters are uncalibrated defaults (x1 = 350 mm, x2 = 0 mm/d,\n"
        "# x3 = 90 mm, x4 = 1.7 d: the medians of Perrin et al. 2003, J. Hydrol. 279:275-289;\n"
        "# fit them with riparia calibrate); country is\n"
        "# the outlet sub-basin's. Add `climate` (riparia climatology) for the generator.\n"
        "[basin]\nname = \"{}_cells\"\n",
        d.source, s.id, file.basin.name);
    for (auto it = d.order.rbegin(); it != d.order.rend(); ++it) {
        const auto c = *it;
        if (d.label[c] != 0) continue;
        const auto row = std::size_t(c) / g.cols, col = std::size_t(c) % g.cols;
        text += fmt::format("\n[[subbasin]]\nid = \"{}\"\ncountry = \"{}\"\narea_km2 = {:.6f}\n"
                            "lat = {:.6f}\nlon = {:.6f}\n",
                            cell_id(g, c), s.country, row_km2[row], g.lat_deg(row),
                            std::fmod(g.lon_deg(col) + 540.0, 360.0) - 180.0);
        if (c != d.outlets.front().cell)
            text += fmt::format("downstream = \"{}\"\n", cell_id(g, d.flow.downstream[c]));
        text += "gr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\n";
    }
    write_text(path, text);
}

} // namespace

namespace {

nlohmann::json outlet_record(const io::BasinFile& file, const Delineation& d,
                             const std::vector<double>& area_km2, std::size_t k) {
    const auto& s = file.basin.subbasins[k];
    const auto& g = d.flow.grid;
    const auto cell = d.outlets[k].cell;
    const auto row = std::size_t(cell) / g.cols, col = std::size_t(cell) % g.cols;
    const auto below = d.flow.downstream[cell];
    nlohmann::json j{{"id", s.id},
                     {"outlet", {{"lat", s.outlet->lat_deg}, {"lon", s.outlet->lon_deg}}},
                     {"snapped", {{"lat", g.lat_deg(row)}, {"lon", g.lon_deg(col)}}},
                     {"cell", {{"row", row}, {"col", col}}},
                     {"moved_km", d.outlets[k].moved_km},
                     {"upstream_area_km2", d.upstream_km2[cell]},
                     {"area_km2", area_km2[k]},
                     {"basin_file_area_km2", s.area_km2}};
    const bool drains = below >= 0 && d.flow.land[below] && d.label[below] >= 0;
    j["downstream_delineated"] =
        drains ? nlohmann::json(file.basin.subbasins[d.label[below]].id) : nlohmann::json();
    return j;
}

void write_outputs(const io::BasinFile& file, const Delineation& d, const DelineateOptions& o,
                   Clock::time_point start) {
    const auto& subs = file.basin.subbasins;
    auto t0 = Clock::now();
    const model::Raster<std::int32_t> labels{d.flow.grid, d.label};
    const auto polygons = io::polygonize_labels(labels, subs.size());
    const auto area_km2 = model::label_area_km2(d.flow, d.label, subs.size());
    std::vector<io::GeoFeature> features;
    for (std::size_t k = 0; k < subs.size(); ++k)
        features.push_back(
            {polygons[k].get(),
             {{"id", subs[k].id}, {"name", subs[k].name}, {"country", subs[k].country}},
             {{"area_km2", area_km2[k]},
              {"upstream_area_km2", d.upstream_km2[d.outlets[k].cell]}}});
    io::write_geojson(o.out_dir + "/subbasins.geojson", "subbasins", features);
    features.clear();
    io::CountryUnits units;
    if (!o.countries_path.empty()) units = io::intersect_countries(o.countries_path, polygons);
    for (const auto& u : units.units)
        features.push_back({u.geometry.get(),
                            {{"subbasin", subs[u.subbasin].id},
                             {"country_code", u.code},
                             {"country_name", u.name}},
                            {{"area_km2", u.area_km2}}});
    if (o.countries_path.empty()) // one unit per sub-basin, in its basin file's country
        for (std::size_t k = 0; k < subs.size(); ++k)
            features.push_back({polygons[k].get(),
                                {{"subbasin", subs[k].id},
                                 {"country_code", subs[k].country},
                                 {"country_name", subs[k].country}},
                                {{"area_km2", area_km2[k]}}});
    io::write_geojson(o.out_dir + "/units.geojson", "units", features);
    nlohmann::json timing = d.timing_s;
    timing["polygons_units"] = seconds_since(t0);
    nlohmann::json j{{"basin_file", file.path},
                     {"source", d.source},
                     {"snap_radius_cells", o.snap_radius_cells},
                     {"grid",
                      {{"rows", d.flow.grid.rows},
                       {"cols", d.flow.grid.cols},
                       {"lon0_deg", d.flow.grid.lon0_deg},
                       {"lat0_deg", d.flow.grid.lat0_deg},
                       {"dlon_deg", d.flow.grid.dlon_deg},
                       {"dlat_deg", d.flow.grid.dlat_deg}}},
                     {"burn", d.burn},
                     {"sinks", d.sinks},
                     {"flats", d.flats},
                     {"closed_lakes", d.lakes},
                     {"countries", o.countries_path},
                     {"country_code_field", units.code_field},
                     {"earth_radius_km", model::earth_mean_radius_km}};
    for (std::size_t k = 0; k < subs.size(); ++k)
        j["subbasins"].push_back(outlet_record(file, d, area_km2, k));
    timing["total"] = seconds_since(start);
    j["timing_s"] = timing;
    write_text(o.out_dir + "/delineation.json", j.dump(2) + "\n");
}

} // namespace

int delineate_command(const DelineateOptions& o) {
    const auto start = Clock::now();
    const io::BasinFile file = io::load_basin_file(o.basin_path);
    require_outlets(file);
    const int sources = !o.dem_path.empty() + !o.ldd_path.empty() + !o.d8_path.empty();
    if (sources > 1)
        throw io::InputError("delineate: found more than one of --dem, --ldd, --d8, expected one");
    if (!o.closed_lakes && (!o.precipitation_path.empty() || !o.temperature_path.empty()))
        throw io::InputError("delineate: found --precipitation or --temperature without "
                             "--closed-lakes, expected them only with --closed-lakes");
    if (o.closed_lakes && sources > 0 && o.dem_path.empty())
        throw io::InputError("delineate --closed-lakes: found --ldd or --d8, expected a DEM "
                             "(--dem or the default ETOPO5): the rule reads the DEM's depressions");
    if (o.cells && (o.ldd_path.empty() && o.d8_path.empty()))
        throw io::InputError("delineate --cells: expected --ldd FILE or --d8 FILE");
    if (o.cells && file.basin.subbasins.size() != 1)
        throw io::InputError(fmt::format("{}: found {} sub-basins, expected one (the outlet of "
                                         "the gridded basin) with --cells",
                                         file.path, file.basin.subbasins.size()));
    Delineation d;
    if (!o.ldd_path.empty()) {
        require_file(o.ldd_path, "--ldd");
        d = from_directions(file, o.ldd_path, io::FlowCoding::pcraster_ldd, o.snap_radius_cells);
    } else if (!o.d8_path.empty()) {
        require_file(o.d8_path, "--d8");
        d = from_directions(file, o.d8_path, io::FlowCoding::esri_d8, o.snap_radius_cells);
    } else {
        const std::string dem = o.dem_path.empty() ? io::default_dem_path : o.dem_path;
        require_file(dem, "--dem");
        DemRules rules{!o.no_burn && file.basin.subbasins.size() > 1, o.flat_min_km2};
        model::MonthlyGrid precip, temperature;
        if (o.closed_lakes) {
            precip =
                io::ClimatologyGrid(climatology_grid_path(o.precipitation_path, "--precipitation",
                                                          recommended_precipitation),
                                    "", io::ForcingQuantity::precipitation)
                    .read_all();
            temperature =
                io::ClimatologyGrid(climatology_grid_path(o.temperature_path, "--temperature",
                                                          recommended_temperature),
                                    "", io::ForcingQuantity::temperature)
                    .read_all();
            rules.precip_mm = &precip;
            rules.lake_max_aridity_index = o.closed_lakes_max_aridity;
            rules.temperature_c = &temperature;
        }
        const auto sinks =
            o.sinks_path.empty() ? std::vector<io::DeclaredSink>{} : io::read_sinks(o.sinks_path);
        d = from_dem(file, dem, sinks, o.snap_radius_cells, rules);
    }
    fs::create_directories(o.out_dir);
    write_outputs(file, d, o, start);
    if (o.cells) write_cells_basin(file, d, o.out_dir + "/basin.toml");
    if (!o.quiet) {
        for (std::size_t k = 0; k < file.basin.subbasins.size(); ++k)
            fmt::print("{:<16} upstream {:>12.0f} km2, moved {:6.1f} km\n",
                       file.basin.subbasins[k].id, d.upstream_km2[d.outlets[k].cell],
                       d.outlets[k].moved_km);
        fmt::print("wrote {} in {:.2f} s\n", o.out_dir, seconds_since(start));
    }
    return 0;
}

} // namespace riparia::app
