// riparia climatology: the wet-day estimate at its published example, exact spherical area
// weighting with a missing cell on a synthetic grid, the known places of the shared data README,
// the textual --update-basin rewrite and invalid inputs (exit 2).
#include "model/wet_days.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <netcdf.h>
#include <numbers>
#include <sstream>
#include <string>
#include <toml++/toml.h>
#include <vector>

using namespace riparia::test;

namespace {

constexpr double kDeg = std::numbers::pi / 180;
constexpr int kMonthStart[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

void nc(int status) {
    REQUIRE_MESSAGE(status == NC_NOERR, nc_strerror(status));
}

// A 4 x 4 grid of 20-degree cells (lon 0..80, lat 0..80), pr = 10 (row + 1) mm/day and
// tas = 273.15 + row K, 12 months from `first_month_day` days after 2001-01-01; cell (row 3,
// col 0) missing in both.
void write_grid(const std::string& path, int first_month = 0) {
    int id, dt, dy, dx, vt, vy, vx, vp, vk;
    nc(nc_create(path.c_str(), NC_CLOBBER | NC_NETCDF4, &id));
    nc(nc_def_dim(id, "time", 12, &dt));
    nc(nc_def_dim(id, "lat", 4, &dy));
    nc(nc_def_dim(id, "lon", 4, &dx));
    nc(nc_def_var(id, "time", NC_DOUBLE, 1, &dt, &vt));
    nc(nc_def_var(id, "lat", NC_DOUBLE, 1, &dy, &vy));
    nc(nc_def_var(id, "lon", NC_DOUBLE, 1, &dx, &vx));
    const int dims[3] = {dt, dy, dx};
    nc(nc_def_var(id, "pr", NC_FLOAT, 3, dims, &vp));
    nc(nc_def_var(id, "tas", NC_FLOAT, 3, dims, &vk));
    auto text = [&](int var, const char* name, const std::string& value) {
        nc(nc_put_att_text(id, var, name, value.size(), value.c_str()));
    };
    text(vt, "units", "days since 2001-01-01");
    text(vt, "calendar", "standard");
    text(vy, "units", "degrees_north");
    text(vx, "units", "degrees_east");
    text(vp, "units", "mm/day");
    text(vk, "units", "K");
    const float fill = -9999.f;
    nc(nc_put_att_float(id, vp, "_FillValue", NC_FLOAT, 1, &fill));
    nc(nc_put_att_float(id, vk, "_FillValue", NC_FLOAT, 1, &fill));
    nc(nc_enddef(id));
    std::vector<double> time(12), centres = {10, 30, 50, 70};
    for (int m = 0; m < 12; ++m)
        time[m] = kMonthStart[(m + first_month) % 12] + ((m + first_month) >= 12 ? 365 : 0);
    nc(nc_put_var_double(id, vt, time.data()));
    nc(nc_put_var_double(id, vy, centres.data()));
    nc(nc_put_var_double(id, vx, centres.data()));
    std::vector<float> pr(12 * 16), tas(12 * 16);
    for (int m = 0; m < 12; ++m)
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 4; ++c) {
                const bool missing = r == 3 && c == 0;
                pr[m * 16 + r * 4 + c] = missing ? fill : 10.f * static_cast<float>(r + 1);
                tas[m * 16 + r * 4 + c] = missing ? fill : 273.15f + static_cast<float>(r);
            }
    nc(nc_put_var_float(id, vp, pr.data()));
    nc(nc_put_var_float(id, vk, tas.data()));
    nc(nc_close(id));
}

std::string box_feature(const std::string& id, double lon1, double lon2, double lat1, double lat2) {
    return fmt::format(R"({{"type":"Feature","properties":{{"code":"{}"}},"geometry":{{"type":)"
                       R"("Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                       id, lon1, lat1, lon2, lat1, lon2, lat2, lon1, lat2, lon1, lat1);
}

std::string subbasin(const std::string& id, double lat, double lon, double area_km2) {
    return fmt::format("[[subbasin]]\nid = \"{}\"\ncountry = \"XXX\"\narea_km2 = {}\nlat = {}\n"
                       "lon = {}\ngr4j = {{ x1 = 300, x2 = 0, x3 = 80, x4 = 2 }}\n",
                       id, area_km2, lat, lon);
}

struct Table {
    std::vector<double> precip_mm, wet, temp_c;
};

// The climate tables of an --out file, by sub-basin id.
std::map<std::string, Table> read_tables(const std::string& path) {
    const toml::table root = toml::parse_file(path);
    std::map<std::string, Table> tables;
    for (const toml::node& node : *root["subbasin"].as_array()) {
        const toml::table& sub = *node.as_table();
        Table t;
        auto list = [&](const char* key) {
            std::vector<double> v;
            for (const toml::node& x : *sub["climate"][key].as_array())
                v.push_back(x.value<double>().value());
            return v;
        };
        t.precip_mm = list("precip_mm");
        t.wet = list("wet_day_fraction");
        t.temp_c = list("temperature_c");
        tables[sub["id"].value<std::string>().value()] = t;
    }
    return tables;
}

double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v)
        s += x;
    return s;
}

} // namespace

TEST_CASE("climatology: wet-day estimate reproduces the genRain example (n = sqrt(P))") {
    // R package weather, genRain example: precip and round(sqrt(precip)) rainy days.
    const double precip[12] = {10, 20, 40, 60, 140, 110, 80, 40, 30, 25, 15, 5};
    const int days[12] = {3, 4, 6, 8, 12, 10, 9, 6, 5, 5, 4, 2};
    for (int m = 0; m < 12; ++m) {
        const double f = riparia::model::estimated_wet_day_fraction(precip[m], 31);
        CHECK(std::lround(f * 31) == days[m]);
    }
    CHECK(riparia::model::estimated_wet_day_fraction(0, 31) == 0);
    CHECK(riparia::model::estimated_wet_day_fraction(0.01, 31) > 0);  // wet days where P > 0
    CHECK(riparia::model::estimated_wet_day_fraction(2000, 30) == 1); // capped at every day
}

TEST_CASE("climatology: exact spherical weights over a synthetic grid, missing cell left out") {
    ScratchDir dir("climatology-synthetic");
    write_grid(dir / "grid.nc");
    write_file(dir / "polygons.geojson", R"({"type":"FeatureCollection","features":[)" +
                                             box_feature("S", 0, 40, 40, 80) + "]}");
    write_file(dir / "basin.toml", "[basin]\nname = \"syn\"\n" + subbasin("S", 60, 20, 1000));
    const auto r =
        run_riparia({"climatology", dir / "basin.toml", "--precipitation", dir / "grid.nc",
                     "--temperature", dir / "grid.nc", "--polygons", dir / "polygons.geojson",
                     "--id-field", "code", "--out", dir / "out.toml"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    // Rows 2 (40-60N, 30 mm/d, 273.15+2 K) and 3 (60-80N, 40 mm/d, +3 K), columns 0-1, cell
    // (3, 0) missing: weights R^2 dlon (sin lat2 - sin lat1), renormalised over valid cells.
    const double a2 = std::sin(60 * kDeg) - std::sin(40 * kDeg);
    const double a3 = std::sin(80 * kDeg) - std::sin(60 * kDeg);
    const double pr_mm_day = (2 * a2 * 30 + a3 * 40) / (2 * a2 + a3);
    const double tas_c = (2 * a2 * 2 + a3 * 3) / (2 * a2 + a3);
    const Table t = read_tables(dir / "out.toml").at("S");
    CHECK(std::abs(t.precip_mm[0] - pr_mm_day * 31) <= 0.05 + 1e-9);
    CHECK(std::abs(t.precip_mm[1] - pr_mm_day * 28.2425) <= 0.05 + 1e-9);
    CHECK(std::abs(t.temp_c[5] - tas_c) <= 0.05 + 1e-9);
    CHECK(std::abs(t.precip_mm[0] - 33.333 * 31) > 10); // not planar (degree-squared) weights
    CHECK(t.wet[0] == doctest::Approx(1.0));            // sqrt(995 mm) = 31.5 days, capped
    CHECK(r.out.find("polygon") != std::string::npos);
}

TEST_CASE("climatology: known places of data/README.md (ITU-R P.837-7, GHCN-CAMS)") {
    // The README's figures are the 0.5-degree cells south-west of each named point (checked:
    // the four cells around 10N 37E give 1,307 to 1,739 mm), so each place is a 1 km2 square
    // at that cell's centre. Tolerance: 1 % for precipitation (12 months rounded to 0.1 mm and
    // the README's 4 digits) and 0.15 degC for temperature (rounding of both to 0.1 degC).
    ScratchDir dir("climatology-places");
    std::string basin = "[basin]\nname = \"places\"\n";
    basin += subbasin("ETH", 9.75, 36.75, 1) + subbasin("KRT", 15.75, 32.25, 1);
    basin += subbasin("ASW", 24.25, 32.75, 1) + subbasin("BGD", 24.75, 89.75, 1);
    basin += subbasin("TAS", 41.25, 69.25, 1);
    write_file(dir / "basin.toml", basin);
    const auto r = run_riparia(
        {"climatology", dir / "basin.toml", "--precipitation",
         shared_data("climate/itu_p837-7_monthly_precip_0.5deg.nc"), "--temperature",
         shared_data("climate/ghcn_cams_air.mon.ltm.1991-2020.nc"), "--out", dir / "out.toml"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("approximation") != std::string::npos); // no polygons: says so
    const auto t = read_tables(dir / "out.toml");
    CHECK(sum(t.at("ETH").precip_mm) == doctest::Approx(1739).epsilon(0.01));
    CHECK(sum(t.at("KRT").precip_mm) == doctest::Approx(119).epsilon(0.01));
    CHECK(sum(t.at("ASW").precip_mm) < 5);
    CHECK(sum(t.at("BGD").precip_mm) == doctest::Approx(1956).epsilon(0.01));
    CHECK(sum(t.at("TAS").precip_mm) == doctest::Approx(368).epsilon(0.01));
    CHECK(std::abs(sum(t.at("KRT").temp_c) / 12 - 29.3) <= 0.15);
    CHECK(std::abs(sum(t.at("ASW").temp_c) / 12 - 26.7) <= 0.15);
    CHECK(std::abs(sum(t.at("TAS").temp_c) / 12 - 15.2) <= 0.15);
    for (double f : t.at("ASW").wet)
        CHECK(f < 0.2); // a desert has few wet days
}

TEST_CASE("climatology: --update-basin rewrites only the climate lines") {
    ScratchDir dir("climatology-update");
    write_grid(dir / "grid.nc");
    write_file(dir / "polygons.geojson", R"({"type":"FeatureCollection","features":[)" +
                                             box_feature("A", 0, 40, 40, 80) + "," +
                                             box_feature("B", 40, 80, 0, 40) + "]}");
    const std::string original =
        "# a basin with comments\n[basin]\nname = \"upd\"\n\n[[subbasin]]\nid = \"A\"\n"
        "country = \"XXX\"\narea_km2 = 1000\nlat = 60\nlon = 20\n"
        "  gr4j = { x1 = 300, x2 = 0, x3 = 80, x4 = 2 } # calibrated\n"
        "# between\n\n[[subbasin]]\nid = \"B\"\ncountry = \"XXX\"\narea_km2 = 1000\n"
        "lat = 20\nlon = 60\ngr4j = { x1 = 300, x2 = 0, x3 = 80, x4 = 2 }\n"
        "climate = { precip_mm = [1,1,1,1,1,1,1,1,1,1,1,1], wet_day_fraction = "
        "[0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1], temperature_c = "
        "[1,1,1,1,1,1,1,1,1,1,1,1] } # keep me\nrouting = { lag_days = 1, k_days = 2 }\n";
    write_file(dir / "basin.toml", original);
    const auto r =
        run_riparia({"climatology", dir / "basin.toml", "--precipitation", dir / "grid.nc",
                     "--temperature", dir / "grid.nc", "--polygons", dir / "polygons.geojson",
                     "--id-field", "code", "--update-basin", "--out", dir / "out.toml"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto lines_of = [](const std::string& text) {
        std::vector<std::string> lines;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        return lines;
    };
    const auto before = lines_of(original), after = lines_of(read_file(dir / "basin.toml"));
    REQUIRE(after.size() == before.size() + 1); // A's climate inserted, B's replaced
    std::size_t b = 0;
    for (const std::string& line : after) {
        if (line.find("climate = {") != std::string::npos) {
            if (before[b].find("climate = {") != std::string::npos) {
                CHECK(line.ends_with("} # keep me")); // the comment after the value stays
                ++b;
            } else {
                CHECK(line.starts_with("  climate = {")); // indented like its gr4j line
                CHECK(before[b - 1].find("gr4j") != std::string::npos);
            }
            continue;
        }
        REQUIRE(b < before.size());
        CHECK(line == before[b]);
        ++b;
    }
    CHECK(b == before.size());
    // What was written is what --out has, and the basin file still loads.
    const auto tables = read_tables(dir / "out.toml");
    const toml::table root = toml::parse(read_file(dir / "basin.toml"));
    const auto& written = *root["subbasin"][1]["climate"]["precip_mm"].as_array();
    CHECK(written[0].value<double>().value() == tables.at("B").precip_mm[0]);
    // B: rows 0 (0-20N, 10 mm/d) and 1 (20-40N, 20 mm/d), spherical weights.
    const double a0 = std::sin(20 * kDeg), a1 = std::sin(40 * kDeg) - std::sin(20 * kDeg);
    CHECK(std::abs(tables.at("B").precip_mm[0] - 31 * (10 * a0 + 20 * a1) / (a0 + a1)) <= 0.05);
    write_file(dir / "study.toml", "[study]\nbasin = \"basin.toml\"\nstart = \"2000-01-01\"\n"
                                   "end = \"2000-12-31\"\n[forcing]\nsource = \"generator\"\n");
    const auto check = run_riparia({"check", dir / "study.toml"});
    CHECK_MESSAGE(check.exit_code == 0, check.err);
}

TEST_CASE("climatology: invalid inputs exit 2 with one message naming the place") {
    ScratchDir dir("climatology-bad");
    write_grid(dir / "grid.nc");
    write_grid(dir / "march.nc", 2); // 12 steps from March: not a climatology
    write_file(dir / "basin.toml", "[basin]\nname = \"bad\"\n" + subbasin("S", 60, 20, 1000));
    write_file(dir / "ocean.toml", "[basin]\nname = \"sea\"\n" + subbasin("SEA", 0, -30, 100));
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "climatology");
        const auto r = run_riparia(args);
        CHECK(r.exit_code == 2);
        return r.err;
    };
    const std::string grid = dir / "grid.nc";
    CHECK(run({dir / "basin.toml", "--precipitation", dir / "march.nc", "--temperature", grid})
              .find("expected January") != std::string::npos);
    CHECK(run({dir / "basin.toml", "--precipitation", dir / "basin.toml", "--temperature", grid})
              .find("basin.toml") != std::string::npos);
    // The box of sub-basin S (60N 20E) lies in the grid; SEA (0N 30W) does not.
    CHECK(run({dir / "ocean.toml", "--precipitation", grid, "--temperature", grid}).find("'SEA'") !=
          std::string::npos);
    // Ocean in the land-only GHCN-CAMS grid: no valid cell.
    CHECK(run({dir / "ocean.toml", "--precipitation",
               shared_data("climate/itu_p837-7_monthly_precip_0.5deg.nc"), "--temperature",
               shared_data("climate/ghcn_cams_air.mon.ltm.1991-2020.nc")})
              .find("subbasin 'SEA' has no valid cell") != std::string::npos);
    // Only temperature variables in the file given for precipitation... and a wrong variable.
    CHECK(run({dir / "basin.toml", "--precipitation", grid, "--precipitation-variable", "tas",
               "--temperature", grid})
              .find("'tas'") != std::string::npos);
}
