// `riparia run` on gridded forcing: the real BCSD 1999 monthly grids (precipitation "mm/m",
// temperature "C", 1/8 degree, south-east US) over two sub-basin polygons in north Georgia. The
// monthly precipitation results.nc reports per sub-basin equals an independent computation from
// the raw grid: cells inside the box weighted by their area on the sphere, R^2 dlon (sin phi2 -
// sin phi1), over the days of the month. The area weights are cached next to the study.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <netcdf.h>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riparia::test::describe;
using riparia::test::run_riparia;
using riparia::test::ScratchDir;
using riparia::test::write_file;

namespace {

struct Box {
    const char* id;
    double west, east, south, north;
};
const Box kBoxes[] = {{"UP", -84.0, -83.25, 34.0, 35.0}, {"DOWN", -83.25, -82.5, 34.0, 35.0}};

std::string geojson() {
    std::string features;
    for (const Box& b : kBoxes) {
        features += fmt::format(
            "{}{{\"type\":\"Feature\",\"properties\":{{\"id\":\"{}\"}},\"geometry\":{{\"type\":"
            "\"Polygon\",\"coordinates\":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}}",
            features.empty() ? "" : ",", b.id, b.west, b.south, b.east, b.south, b.east, b.north,
            b.west, b.north, b.west, b.south);
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}\n";
}

std::string basin() {
    return "[basin]\nname = \"north Georgia boxes\"\n\n"
           "[[subbasin]]\nid = \"UP\"\ncountry = \"USA\"\narea_km2 = 7600.0\nlat = 34.5\n"
           "lon = -83.6\ndownstream = \"DOWN\"\n"
           "gr4j = { x1 = 300.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\n\n"
           "[[subbasin]]\nid = \"DOWN\"\ncountry = \"USA\"\narea_km2 = 7600.0\nlat = 34.5\n"
           "lon = -82.9\ngr4j = { x1 = 300.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\n";
}

std::string study(const std::string& grid) {
    return "[study]\nname = \"gridded forcing\"\nbasin = \"basin.toml\"\nstart = \"1999-01-01\"\n"
           "end = \"1999-12-31\"\n\n[forcing]\nsource = \"netcdf\"\npolygons = \"boxes.geojson\"\n"
           "precipitation = { files = \"" +
           grid +
           "\", variable = \"pr\" }\n"
           "temperature = { files = \"" +
           grid + "\", variable = \"tas\" }\n";
}

// Area-weighted monthly mean daily precipitation of a box, straight from the file.
std::vector<double> expected_precipitation(const std::string& grid, const Box& box) {
    int nc, lat_id, lon_id, pr_id;
    REQUIRE(nc_open(grid.c_str(), NC_NOWRITE, &nc) == NC_NOERR);
    nc_inq_varid(nc, "latitude", &lat_id);
    nc_inq_varid(nc, "longitude", &lon_id);
    nc_inq_varid(nc, "pr", &pr_id);
    std::vector<float> lat(33), lon(81), pr(12 * 33 * 81);
    nc_get_var_float(nc, lat_id, lat.data());
    nc_get_var_float(nc, lon_id, lon.data());
    nc_get_var_float(nc, pr_id, pr.data());
    nc_close(nc);
    const double half = 0.0625, to_rad = M_PI / 180;
    const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::vector<double> means(12, 0.0);
    double total_weight = 0;
    for (int month = 0; month < 12; ++month) {
        total_weight = 0;
        for (std::size_t i = 0; i < lat.size(); ++i) {
            if (lat[i] < box.south || lat[i] > box.north) continue;
            const double w =
                std::sin((lat[i] + half) * to_rad) - std::sin((lat[i] - half) * to_rad);
            for (std::size_t j = 0; j < lon.size(); ++j) {
                if (lon[j] < box.west || lon[j] > box.east) continue;
                means[month] += w * pr[(static_cast<std::size_t>(month) * 33 + i) * 81 + j];
                total_weight += w;
            }
        }
        means[month] /= total_weight * days[month];
    }
    return means;
}

} // namespace

TEST_CASE("netcdf forcing: riparia run on the BCSD grids matches the grid's area-weighted means") {
    const std::string grid = riparia::test::shared_data("climate/bcsd_obs_1999.nc");
    ScratchDir dir("cli-netcdf");
    write_file(dir / "boxes.geojson", geojson());
    write_file(dir / "basin.toml", basin());
    write_file(dir / "study.toml", study(grid));
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    CHECK(fs::exists(dir.path() / ".riparia-cache"));
    CHECK_FALSE(fs::is_empty(dir.path() / ".riparia-cache"));
    std::size_t times = 0, nodes = 0;
    const auto p = riparia::test::read_netcdf_variable(dir / "out/results.nc", "precipitation",
                                                       &times, &nodes);
    REQUIRE(times == 12);
    REQUIRE(nodes == 2);
    for (std::size_t k = 0; k < 2; ++k) {
        const auto expected = expected_precipitation(grid, kBoxes[k]);
        for (std::size_t month = 0; month < 12; ++month) {
            INFO(kBoxes[k].id << " month " << month + 1);
            CHECK(p[month * 2 + k] == doctest::Approx(expected[month]).epsilon(1e-6));
        }
    }
    const std::string record = riparia::test::read_file(dir / "out/run.json");
    CHECK(record.find("bcsd_obs_1999.nc") != std::string::npos);
    CHECK(record.find("boxes.geojson") != std::string::npos);
    // A second run reads the cached weights and gives the same numbers.
    const auto again = run_riparia({"run", dir / "study.toml", "--out", dir / "again", "--quiet"});
    REQUIRE_MESSAGE(again.exit_code == 0, describe(again));
    CHECK(riparia::test::read_netcdf_variable(dir / "again/results.nc", "precipitation") == p);
}

TEST_CASE("netcdf forcing: a variable missing from the file exits 2 naming file and variable") {
    const std::string grid = riparia::test::shared_data("climate/bcsd_obs_1999.nc");
    ScratchDir dir("cli-netcdf-bad");
    write_file(dir / "boxes.geojson", geojson());
    write_file(dir / "basin.toml", basin());
    std::string text = study(grid);
    text.replace(text.find("variable = \"pr\""), 15, "variable = \"precip\"");
    write_file(dir / "study.toml", text);
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bcsd_obs_1999.nc") != std::string::npos);
    CHECK(r.err.find("precip") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("netcdf forcing: members with their own forcing tables and a scenario's delta on top") {
    const std::string grid = riparia::test::shared_data("climate/bcsd_obs_1999.nc");
    ScratchDir dir("cli-netcdf-members");
    write_file(dir / "boxes.geojson", geojson());
    write_file(dir / "basin.toml", basin());
    std::string text = study(grid);
    text = text.substr(0, text.find("[forcing]")); // the members bring their own forcing
    const std::string forcing = "{ source = \"netcdf\", polygons = \"boxes.geojson\", "
                                "precipitation = { files = \"" +
                                grid +
                                "\", variable = \"pr\" }, "
                                "temperature = { files = \"" +
                                grid + "\" } }";
    text += "[[member]]\nname = \"obs-a\"\nforcing = " + forcing + "\n\n";
    text += "[[member]]\nname = \"obs-b\"\nforcing = " + forcing + "\n\n";
    text += "[[scenario]]\nname = \"baseline\"\n\n[[scenario]]\nname = \"half\"\n"
            "precipitation_factor = 0.5\n";
    write_file(dir / "study.toml", text);
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    // precipitation(scenario, policy, member, time, node): 2 x 1 x 2 x 12 x 2
    const auto p = riparia::test::read_netcdf_variable(dir / "out/results.nc", "precipitation");
    REQUIRE(p.size() == 2 * 2 * 12 * 2);
    for (std::size_t k = 0; k < 48; ++k) {
        CHECK(p[k] == p[(k + 24) % 48]);                                // obs-a == obs-b
        CHECK(p[48 + k] == doctest::Approx(0.5 * p[k]).epsilon(1e-12)); // half
    }
}
