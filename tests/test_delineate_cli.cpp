// riparia delineate on the command line: outputs readable by GDAL, and bad inputs exit 2.
#include "support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>

using namespace riparia;

namespace {

std::string basin_with_outlet(const std::string& outlet) {
    return "[basin]\nname = \"g\"\n\n[[subbasin]]\nid = \"GBM\"\ncountry = \"BGD\"\n"
           "area_km2 = 1.0\nlat = 25.0\nlon = 88.0\n" +
           outlet + "gr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\n";
}

const std::string ldd = test::shared_data("ganges_30min/ldd_Bangla_30min.map");

} // namespace

TEST_CASE("delineate CLI: Ganges LDD writes GeoJSON with the ids and a gridded basin runs") {
    test::ScratchDir dir("delineate-cli");
    test::write_file(dir / "basin.toml",
                     basin_with_outlet("outlet = { lat = 23.25, lon = 90.6 }\n"));
    const auto r = test::run_riparia({"delineate", dir / "basin.toml", "--ldd", ldd, "--out",
                                      dir / "out", "--snap-radius", "3", "--cells", "--countries",
                                      test::shared_data("countries/world.gpkg")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open((dir / "out/subbasins.geojson").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    auto* layer = ds->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 1);
    auto feature = std::unique_ptr<OGRFeature>(layer->GetNextFeature());
    CHECK(std::string(feature->GetFieldAsString("id")) == "GBM");
    CHECK(feature->GetFieldAsDouble("area_km2") > 1.0e6);
    std::unique_ptr<GDALDataset> units(
        GDALDataset::Open((dir / "out/units.geojson").c_str(), GDAL_OF_VECTOR));
    REQUIRE(units);
    CHECK(units->GetLayer(0)->GetFeatureCount() >= 4); // IND, BGD, NPL, CHN, BTN
    // The gridded basin: every cell a node, run with the weather generator for one year.
    std::string cells = test::read_file(dir / "out/basin.toml");
    const std::string climate =
        "gr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\nclimate = { precip_mm = [10, 10, "
        "20, 40, 100, 300, 400, 350, 250, 100, 20, 10], wet_day_fraction = [0.1, 0.1, 0.1, 0.2, "
        "0.3, 0.6, 0.8, 0.8, 0.6, 0.3, 0.1, 0.1], temperature_c = [15, 18, 23, 27, 29, 29, 28, "
        "28, 27, 25, 20, 16] }\n";
    for (auto at = cells.find("gr4j = "); at != std::string::npos;
         at = cells.find("gr4j = ", at + 1))
        cells.replace(at, cells.find('\n', at) - at + 1, climate), at += climate.size() - 1;
    test::write_file(dir / "out/basin.toml", cells);
    test::write_file(dir / "study.toml", "[study]\nbasin = \"out/basin.toml\"\nstart = "
                                         "\"2001-01-01\"\nend = \"2001-12-31\"\n[forcing]\n"
                                         "source = \"generator\"\n");
    const auto run = test::run_riparia({"run", dir / "study.toml", "--out", dir / "run", "-q"});
    INFO(run.err);
    CHECK(run.exit_code == 0);
}

TEST_CASE("delineate CLI: bad inputs exit 2 naming the sub-basin") {
    test::ScratchDir dir("delineate-bad");
    const auto attempt = [&](const std::string& outlet, std::vector<std::string> extra) {
        test::write_file(dir / "basin.toml", basin_with_outlet(outlet));
        std::vector<std::string> args{"delineate", dir / "basin.toml", "--out", dir / "out"};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_riparia(args);
    };
    auto r = attempt("outlet = { lat = 15.0, lon = 88.0 }\n", {"--ldd", ldd}); // Bay of Bengal
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'GBM'") != std::string::npos);
    r = attempt("outlet = { lat = 0.0, lon = 10.0 }\n", {"--ldd", ldd}); // off the grid
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("outside") != std::string::npos);
    r = attempt("", {"--ldd", ldd});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'outlet'") != std::string::npos);
    r = attempt("outlet = { lat = 23.25, lon = 90.6 }\n", {"--dem", dir / "missing.nc"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("missing.nc") != std::string::npos);
}

TEST_CASE("delineate CLI: the closed-lake options exit 2 when misused") {
    test::ScratchDir dir("delineate-lakes-bad");
    test::write_file(dir / "basin.toml",
                     basin_with_outlet("outlet = { lat = 23.25, lon = 90.6 }\n"));
    const std::string basin = dir / "basin.toml", out = dir / "out";
    auto r = test::run_riparia({"delineate", basin, "--out", out, "--precipitation", "p.nc"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--closed-lakes") != std::string::npos);
    r = test::run_riparia({"delineate", basin, "--out", out, "--ldd", ldd, "--closed-lakes"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("expected a DEM") != std::string::npos);
    r = test::run_riparia({"delineate", basin, "--out", out, "--closed-lakes", "--precipitation",
                           dir / "missing_precip.nc", "--temperature", dir / "missing_t.nc"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("missing_precip.nc") != std::string::npos);
    CHECK(!std::filesystem::exists(out));
}
