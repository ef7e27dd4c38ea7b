// riparia export (docs/outputs.md): every format from a run folder, a folder without
// layers.gpkg rebuilt, bad folders and formats refused; and the screening's layers.
#include "io/vector_export.hpp"
#include "tests/layers_fixtures.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <ogrsf_frmts.h>

using namespace riparia::test;
namespace fs = std::filesystem;

namespace {

GIntBig units_in(const std::string& path) {
    auto dataset = open_gdal(path, GDAL_OF_VECTOR);
    OGRLayer* units = dataset->GetLayerByName("units");
    if (!units) units = dataset->GetLayer(0); // a one-layer file (GeoJSON, shapefile)
    return units->GetFeatureCount();
}

} // namespace

TEST_CASE("riparia export writes every format") {
    ScratchDir dir("layers-export");
    const std::string out = run_layers_study(dir);
    for (const char* format : {"gpkg", "geojson", "shp", "tif"}) {
        const auto r = run_riparia({"export", out, "--format", format, "--quiet"});
        INFO(format << ": " << r.err);
        CHECK(r.exit_code == 0);
    }
    CHECK(units_in(out + "-layers.gpkg") == 8);
    for (const char* layer :
         {"subbasins", "units", "rivers", "reservoirs", "border_points", "flags"}) {
        CHECK(fs::is_regular_file(out + "-geojson/" + std::string(layer) + ".geojson"));
        CHECK(fs::is_regular_file(out + "-shp/" + std::string(layer) + ".shp"));
    }
    CHECK(units_in(out + "-geojson/units.geojson") == 8);
    CHECK(units_in(out + "-shp/units.shp") == 8);
    CHECK(read_file(out + "-geojson/units.qml").find("attr=\"class\"") != std::string::npos);
    auto shp = open_gdal(out + "-shp/units.shp", GDAL_OF_VECTOR);
    OGRFeatureDefn* fields = shp->GetLayer(0)->GetLayerDefn();
    for (int k = 0; k < fields->GetFieldCount(); ++k)
        CHECK(std::string(fields->GetFieldDefn(k)->GetNameRef()).size() <= 10);
    CHECK(fields->GetFieldIndex("score_med") >= 0);
    CHECK(fields->GetFieldIndex("share_risk") >= 0);
    CHECK(fields->GetFieldIndex("class") >= 0);
    auto tif = open_gdal(out + "-stress.tif", GDAL_OF_RASTER);
    CHECK(tif->GetRasterCount() == 4);

    // Again into the same places: earlier exports are replaced.
    const auto again = run_riparia({"export", out, "--format", "shp", "--quiet"});
    CHECK(again.exit_code == 0);
    // A folder of other files is not.
    write_file(dir / "mine/notes.txt", "mine");
    const auto refused =
        run_riparia({"export", out, "--format", "geojson", "--out", dir / "mine", "--quiet"});
    CHECK(refused.exit_code == 2);
    CHECK(fs::is_regular_file(dir / "mine/notes.txt"));
}

TEST_CASE("riparia export rebuilds the layers of a folder without layers.gpkg") {
    ScratchDir dir("layers-export-rebuild");
    const std::string out = run_layers_study(dir);
    fs::remove(out + "/layers.gpkg");
    const auto r =
        run_riparia({"export", out, "--format", "gpkg", "--out", dir / "x.gpkg", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(units_in(dir / "x.gpkg") == 8);
    CHECK(fs::directory_iterator(dir.path()) != fs::directory_iterator());
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().rfind(".tmp-", 0) != 0); // no scratch left
}

TEST_CASE("riparia export refuses what is not a run folder and unknown formats") {
    ScratchDir dir("layers-export-bad");
    fs::create_directories(dir / "empty");
    const auto none = run_riparia({"export", dir / "empty", "--format", "gpkg"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("is not a riparia run folder: no run.json") != std::string::npos);
    CHECK(none.err.find("empty") != std::string::npos);
    write_file(dir / "other/run.json", "{\"something\": 1}");
    const auto other = run_riparia({"export", dir / "other", "--format", "gpkg"});
    CHECK(other.exit_code == 2);
    CHECK(other.err.find("no riparia_version") != std::string::npos);
    write_file(dir / "nostress/run.json", "{\"riparia_version\": \"0.1.0\"}");
    const auto nostress = run_riparia({"export", dir / "nostress", "--format", "gpkg"});
    CHECK(nostress.exit_code == 2);
    CHECK(nostress.err.find("no stress.json") != std::string::npos);
    const auto format = run_riparia({"export", dir / "empty", "--format", "kml"});
    CHECK(format.exit_code == 2);
    CHECK(format.err.find("found 'kml', expected one of gpkg, geojson, shp, tif") !=
          std::string::npos);
    const auto help = run_riparia({"export", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("score_med") != std::string::npos);
}

TEST_CASE("shapefile field names fit 10 characters without clashes") {
    using riparia::io::shapefile_field_name;
    CHECK(shapefile_field_name("score_median", {}) == "score_med");
    CHECK(shapefile_field_name("class", {}) == "class");
    CHECK(shapefile_field_name("water_stress_median", {}) == "water_stre");
    CHECK(shapefile_field_name("water_stress_p90", {"water_stre"}) == "water_st_1");
    CHECK(shapefile_field_name("water_stress_p10", {"water_stre", "water_st_1"}) == "water_st_2");
}
