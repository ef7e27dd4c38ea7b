// The screening's layers.gpkg and stress.tif (docs/outputs.md): the TFDD basins by scenario.
#include "tests/layers_fixtures.hpp"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

using namespace riparia::test;

TEST_CASE("riparia screen writes the basins by class as layers and a raster") {
    ScratchDir dir("layers-screen");
    const std::string out = dir / "out";
    const auto r = run_riparia({"screen",
                                "--out",
                                out,
                                "--config",
                                source_dir() + "/config/stress.toml",
                                "--basins",
                                shared_data("tfdd/basins310.geojson"),
                                "--register",
                                shared_data("tfdd/basin_country_register.csv"),
                                "--treaties",
                                shared_data("tfdd/treaties.csv"),
                                "--rbo",
                                shared_data("tfdd/rbo.csv"),
                                "--aquastat",
                                shared_data("aquastat/riparian_countries.csv"),
                                "--countries",
                                shared_data("countries/world.gpkg"),
                                "--scenario",
                                "baseline",
                                "--scenario",
                                "ssp585-2050",
                                "--members",
                                "2",
                                "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto stress = nlohmann::json::parse(read_file(out + "/stress.json"));
    std::map<std::string, int> class_of;
    for (const auto& row : stress["rows"])
        class_of[row["scenario"].get<std::string>() + "|" + row["bcode"].get<std::string>()] =
            row["class"].get<int>();
    auto gpkg = open_gdal(out + "/layers.gpkg", GDAL_OF_VECTOR);
    OGRLayer* basins = gpkg->GetLayerByName("basins");
    REQUIRE(basins != nullptr);
    CHECK(basins->GetFeatureCount() == 310 * 2);
    CHECK(std::string(basins->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4326");
    auto tif = open_gdal(out + "/stress.tif", GDAL_OF_RASTER);
    REQUIRE(tif->GetRasterCount() == 2);
    CHECK(std::string(tif->GetRasterBand(2)->GetDescription()) == "ssp585-2050");
    double t[6];
    REQUIRE(tif->GetGeoTransform(t) == CE_None);
    for (const auto& f : *basins) {
        const std::string key =
            std::string(f->GetFieldAsString("scenario")) + "|" + f->GetFieldAsString("bcode");
        REQUIRE(class_of.count(key) == 1);
        CHECK(f->GetFieldAsInteger("class") == class_of[key]);
        if (std::string(f->GetFieldAsString("bcode")) != "NILE") continue;
        // Khartoum (32.53 E, 15.6 N) lies in the Nile basin and in no other TFDD basin.
        const int col = static_cast<int>((32.53 - t[0]) / t[1]);
        const int row = static_cast<int>((15.6 - t[3]) / t[5]);
        const int band = std::string(f->GetFieldAsString("scenario")) == "baseline" ? 1 : 2;
        unsigned char value = 0;
        REQUIRE(tif->GetRasterBand(band)->RasterIO(GF_Read, col, row, 1, 1, &value, 1, 1, GDT_Byte,
                                                   0, 0) == CE_None);
        CHECK(value == f->GetFieldAsInteger("class"));
    }
    OGRLayer* styles = gpkg->GetLayerByName("layer_styles");
    REQUIRE(styles != nullptr);
    CHECK(styles->GetFeatureCount() == 1);
}
