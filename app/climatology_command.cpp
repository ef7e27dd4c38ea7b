// riparia climatology: each sub-basin's monthly climatology for the weather generator (the
// basin file's `climate` table) from global monthly climatology grids (docs/climatology.md).
#include "app/climatology_paths.hpp"
#include "app/commands.hpp"
#include "io/basin_file.hpp"
#include "io/climatology_basin_edit.hpp"
#include "io/climatology_grid.hpp"
#include "io/input_error.hpp"
#include "io/polygons.hpp"
#include "model/equal_area_box.hpp"
#include "model/wet_days.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <unistd.h>

namespace riparia::app {

namespace {

using model::MonthlyClimate;

constexpr const char* kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr double kMinCoveredFraction = 0.999; // as the gridded forcing (docs/inputs.md)

std::vector<model::MultiPolygon> subbasin_areas(const model::Basin& basin,
                                                const ClimatologyOptions& o,
                                                const std::vector<std::string>& ids) {
    if (!o.polygons_path.empty())
        return io::read_subbasin_polygons(o.polygons_path, o.id_field, ids);
    std::vector<model::MultiPolygon> boxes;
    for (const auto& s : basin.subbasins)
        boxes.push_back({model::equal_area_box(s.lat_deg, s.lon_deg, s.area_km2)});
    return boxes;
}

std::vector<io::MonthlyValues> grid_means(const io::ClimatologyGrid& grid,
                                          const std::vector<model::MultiPolygon>& areas,
                                          const std::vector<std::string>& ids) {
    const model::AreaWeights weights = model::compute_area_weights(grid.grid().edges, areas);
    for (std::size_t p = 0; p < ids.size(); ++p) {
        const double covered = weights.covered_m2[p] / weights.polygon_m2[p];
        if (!(covered >= kMinCoveredFraction)) {
            throw io::InputError(fmt::format(
                "{}: variable '{}': subbasin '{}': the grid covers {:.2f} % of its area, "
                "expected at least {} %",
                grid.path(), grid.variable(), ids[p], 100 * covered, 100 * kMinCoveredFraction));
        }
    }
    return grid.area_means(weights, ids);
}

// Rounded as written (0.1 mm, 0.1 degC), the wet-day fraction estimated from the rounded
// precipitation so the table reads back exactly as printed.
MonthlyClimate climate_of(const io::MonthlyValues& precip_mm, const io::MonthlyValues& temp_c) {
    MonthlyClimate c;
    for (std::size_t m = 0; m < 12; ++m) {
        c.precip_mm[m] = std::round(10 * std::max(0.0, precip_mm[m])) / 10;
        const double f =
            model::estimated_wet_day_fraction(c.precip_mm[m], io::mean_days_in_month(m));
        c.wet_day_fraction[m] =
            c.precip_mm[m] > 0 ? std::max(0.001, std::round(1000 * f) / 1000) : 0.0;
        c.temperature_c[m] = std::round(10 * temp_c[m]) / 10;
    }
    return c;
}

void print_row(const char* label, const std::array<double, 12>& v, const char* format,
               const std::string& total) {
    std::string row = fmt::format("  {:<17}", label);
    for (double x : v)
        row += fmt::format(fmt::runtime(format), x + 0.0);
    fmt::print("{}  {}\n", row, total);
}

void print_table(const model::Subbasin& s, const MonthlyClimate& c) {
    double year_mm = 0, mean_c = 0;
    for (std::size_t m = 0; m < 12; ++m) {
        year_mm += c.precip_mm[m];
        mean_c += c.temperature_c[m] / 12;
    }
    fmt::print("\nsubbasin '{}' ({}), {} km2 at {:.3f} N {:.3f} E\n", s.id, s.name, s.area_km2,
               s.lat_deg, s.lon_deg);
    std::string head = fmt::format("  {:<17}", "month");
    for (const char* m : kMonths)
        head += fmt::format("{:>7}", m);
    fmt::print("{}  year\n", head);
    print_row("precip_mm", c.precip_mm, "{:7.1f}", fmt::format("{:.0f} mm", year_mm));
    print_row("wet_day_fraction", c.wet_day_fraction, "{:7.3f}", "(estimate)");
    print_row("temperature_c", c.temperature_c, "{:7.1f}", fmt::format("{:.1f} degC", mean_c));
}

void write_snippets(const std::string& path, const std::string& header, const model::Basin& basin,
                    const std::vector<MonthlyClimate>& climates) {
    std::string text = header;
    for (std::size_t i = 0; i < climates.size(); ++i) {
        text += fmt::format("\n# {}\n[[subbasin]]\nid = \"{}\"\n{}\n", basin.subbasins[i].name,
                            basin.subbasins[i].id, io::climate_inline_toml(climates[i]));
    }
    const std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
    std::ofstream(temp, std::ios::binary | std::ios::trunc) << text;
    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error || !std::filesystem::exists(path)) {
        std::remove(temp.c_str());
        throw io::InputError(fmt::format("option --out: {}: cannot be written ({}), expected a "
                                         "writable path",
                                         path, error ? error.message() : "write failed"));
    }
}

} // namespace

int climatology_command(const ClimatologyOptions& o) {
    const io::BasinFile file = io::load_basin_file(o.basin_path);
    const model::Basin& basin = file.basin;
    std::vector<std::string> ids;
    for (const auto& s : basin.subbasins)
        ids.push_back(s.id);
    const io::ClimatologyGrid precip(
        climatology_grid_path(o.precipitation_path, "--precipitation", recommended_precipitation),
        o.precipitation_variable, io::ForcingQuantity::precipitation);
    const io::ClimatologyGrid temp(
        climatology_grid_path(o.temperature_path, "--temperature", recommended_temperature),
        o.temperature_variable, io::ForcingQuantity::temperature);
    const auto areas = subbasin_areas(basin, o, ids);
    const auto precip_mm = grid_means(precip, areas, ids);
    const auto temp_c = grid_means(temp, areas, ids);

    const std::string area_text =
        o.polygons_path.empty()
            ? "a square of each sub-basin's area_km2 centred on its lat/lon (an approximation: "
              "give --polygons for the real shapes)"
            : fmt::format("each sub-basin's polygon in {} (field '{}')", o.polygons_path,
                          o.id_field);
    const std::string header = fmt::format(
        "# riparia climatology of basin '{}' ({})\n# precipitation: {} variable '{}' ({})\n"
        "# temperature:   {} variable '{}' ({})\n# area:          {}\n"
        "# wet_day_fraction: ESTIMATED from precipitation (n = sqrt(P mm) wet days), not "
        "observed; see docs/climatology.md\n",
        basin.name, o.basin_path, precip.path(), precip.variable(), precip.units(), temp.path(),
        temp.variable(), temp.units(), area_text);
    fmt::print("{}", header);
    std::vector<MonthlyClimate> climates;
    std::map<std::string, std::string> lines;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        climates.push_back(climate_of(precip_mm[i], temp_c[i]));
        print_table(basin.subbasins[i], climates.back());
        lines[ids[i]] = io::climate_inline_toml(climates.back());
    }
    if (!o.out_path.empty()) {
        write_snippets(o.out_path, header, basin, climates);
        fmt::print("\nwrote {}\n", o.out_path);
    }
    if (o.update_basin) {
        io::rewrite_basin_climate(o.basin_path, lines);
        fmt::print("\nupdated the climate line of {} sub-basin(s) in {}\n", ids.size(),
                   o.basin_path);
    }
    return 0;
}

} // namespace riparia::app
