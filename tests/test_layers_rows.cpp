// The layers of hand-made stress rows on the demo basin: flags pinned where docs/outputs.md
// says, indicator medians carried as attributes, and the raster holding each unit's class.
#include "io/basin_file.hpp"
#include "io/run_layers.hpp"
#include "io/stress_raster.hpp"
#include "tests/layers_fixtures.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

using namespace riparia::test;
using nlohmann::json;

namespace {

json row(const std::string& level, const std::string& item, int risk_class, bool flag) {
    return {{"scenario", "dry"},
            {"policy", "as built"},
            {"level", level},
            {"item", item},
            {"score_median", risk_class - 0.5},
            {"score_p10", risk_class - 1.0},
            {"score_p90", risk_class - 0.1},
            {"class", risk_class},
            {"members", 5},
            {"share_at_risk", flag ? 0.8 : 0.0},
            {"flag", flag},
            {"reasons", {"first reason", "second reason"}},
            {"indicators",
             {{"water_stress", {{"median", 0.25 * risk_class}, {"p10", 0.0}}},
              {"label_only", "text"}}}};
}

const riparia::io::VectorLayer& layer(const std::vector<riparia::io::VectorLayer>& layers,
                                      const std::string& name) {
    for (const auto& l : layers)
        if (l.name == name) return l;
    FAIL("no layer " << name);
    throw std::logic_error("unreachable");
}

std::size_t field(const riparia::io::VectorLayer& l, const std::string& name) {
    for (std::size_t k = 0; k < l.fields.size(); ++k)
        if (l.fields[k].name == name) return k;
    FAIL("no field " << name << " in " << l.name);
    return 0;
}

} // namespace

TEST_CASE("flags, indicators and classes of hand-made stress rows") {
    const auto basin = riparia::io::load_basin_file(source_dir() + "/basins/demo/basin.toml");
    const json rows = {row("basin", "Demo river", 5, true), row("unit", "FRA", 2, false),
                       row("unit", "BEL", 5, true), row("pair", "FRA -> BEL", 4, true)};
    const auto layers = riparia::io::run_layers(basin, rows);

    const auto& units = layer(layers, "units");
    REQUIRE(units.features.size() == 2);
    const std::size_t stress = field(units, "water_stress_median");
    CHECK(std::get<double>(units.features[1].values[stress]) == 1.25); // BEL: 0.25 x 5
    CHECK(std::get<std::string>(units.features[0].values[field(units, "reasons")]) ==
          "first reason; second reason");
    for (const auto& f : units.fields)
        CHECK(f.name != "label_only_median");

    const auto& flags = layer(layers, "flags");
    REQUIRE(flags.features.size() == 3);
    // The pair sits at FR2's outlet, the river's crossing from France into Belgium.
    const OGRPoint* pair = flags.features[2].geometry->toPoint();
    CHECK(pair->getX() == 3.1);
    CHECK(pair->getY() == 49.6);
    // The unit's flag lies inside BE1's box (the only Belgian sub-basin).
    const OGRPoint* bel = flags.features[1].geometry->toPoint();
    CHECK(std::abs(bel->getX() - 3.9) < 0.33);
    CHECK(std::abs(bel->getY() - 50.2) < 0.21);

    ScratchDir dir("layers-rows");
    riparia::io::write_geopackage(dir / "layers.gpkg", layers);
    REQUIRE(riparia::io::write_class_raster(dir / "layers.gpkg", "units", dir / "stress.tif"));
    auto tif = open_gdal(dir / "stress.tif", GDAL_OF_RASTER);
    REQUIRE(tif->GetRasterCount() == 1);
    CHECK(std::string(tif->GetRasterBand(1)->GetDescription()) == "dry / as built");
    double t[6];
    REQUIRE(tif->GetGeoTransform(t) == CE_None);
    const auto pixel = [&](double lon, double lat) {
        unsigned char value = 255;
        REQUIRE(tif->GetRasterBand(1)->RasterIO(GF_Read,
                                                static_cast<int>(std::floor((lon - t[0]) / t[1])),
                                                static_cast<int>(std::floor((lat - t[3]) / t[5])),
                                                1, 1, &value, 1, 1, GDT_Byte, 0, 0) == CE_None);
        return static_cast<int>(value);
    };
    CHECK(pixel(2.0, 49.0) == 2); // FR1's centre: France
    CHECK(pixel(4.1, 50.3) == 5); // inside BE1: Belgium
    CHECK(pixel(2.4, 50.3) == 0); // north of France, west of Belgium: no unit
}

TEST_CASE("the raster cell doubles until the extent fits 2048 cells") {
    CHECK(riparia::io::raster_cell_deg(10, 5) == 0.05);
    CHECK(riparia::io::raster_cell_deg(102.4, 5) == 0.05);
    CHECK(riparia::io::raster_cell_deg(102.5, 5) == 0.1);
    CHECK(riparia::io::raster_cell_deg(360, 180) == doctest::Approx(0.2));
}

TEST_CASE("a one-sub-basin basin has a unit, no rivers and no border points") {
    const auto basin = riparia::io::load_basin_file(source_dir() + "/tests/airgr/basin.toml");
    const json rows = {row("basin", "L0123001", 3, true), row("unit", "FRA", 3, false)};
    const auto layers = riparia::io::run_layers(basin, rows);
    CHECK(layer(layers, "units").features.size() == 1);
    CHECK(layer(layers, "rivers").features.empty());
    CHECK(layer(layers, "border_points").features.empty());
    CHECK(layer(layers, "flags").features.size() == 1);
    ScratchDir dir("layers-one");
    riparia::io::write_geopackage(dir / "layers.gpkg", layers);
    CHECK(riparia::io::write_class_raster(dir / "layers.gpkg", "units", dir / "stress.tif"));
    CHECK_FALSE(riparia::io::write_class_raster(dir / "layers.gpkg", "rivers", dir / "no.tif"));
}
