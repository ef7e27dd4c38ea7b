// layers.gpkg and stress.tif of a run (docs/outputs.md): layers, counts, fields, CRS, styles,
// schematic areas, a geometry file, and the raster read back with GDAL.
#include "model/area_weights.hpp"
#include "tests/layers_fixtures.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>
#include <set>
#include <toml++/toml.h>

using namespace riparia::test;

namespace {

constexpr double kPi = 3.14159265358979323846;

OGRLayer& layer_of(GDALDataset& dataset, const char* name) {
    OGRLayer* layer = dataset.GetLayerByName(name);
    REQUIRE_MESSAGE(layer != nullptr, "no layer " << name);
    return *layer;
}

OGRFieldType field_type(OGRLayer& layer, const char* name) {
    const int k = layer.GetLayerDefn()->GetFieldIndex(name);
    REQUIRE_MESSAGE(k >= 0, "no field " << name << " in " << layer.GetName());
    return layer.GetLayerDefn()->GetFieldDefn(k)->GetType();
}

// Cross-border links counted from the basin file itself (toml++), not through riparia's loader.
std::size_t cross_border_links(const std::string& basin_path) {
    const toml::table basin = toml::parse_file(basin_path);
    std::map<std::string, std::string> country, downstream;
    for (const auto& node : *basin["subbasin"].as_array()) {
        const auto& s = *node.as_table();
        const std::string id = s["id"].value_or(std::string());
        country[id] = s["country"].value_or(std::string());
        downstream[id] = s["downstream"].value_or(std::string());
    }
    std::size_t links = 0;
    for (const auto& [id, down] : downstream)
        links += !down.empty() && country[down] != country[id] ? 1 : 0;
    return links;
}

// Area (km2) of a lon/lat rectangle on the authalic sphere: R^2 dlon (sin lat2 - sin lat1).
double rectangle_km2(const OGREnvelope& e) {
    const double r_km = riparia::model::earth_authalic_radius_m / 1000;
    return r_km * r_km * (e.MaxX - e.MinX) * kPi / 180 *
           (std::sin(e.MaxY * kPi / 180) - std::sin(e.MinY * kPi / 180));
}

} // namespace

TEST_CASE("layers.gpkg of a run: layers, counts, fields, CRS and styles") {
    ScratchDir dir("layers-run");
    const std::string out = run_layers_study(dir);
    auto gpkg = open_gdal(out + "/layers.gpkg", GDAL_OF_VECTOR);
    std::set<std::string> names;
    for (int k = 0; k < gpkg->GetLayerCount(); ++k)
        names.insert(gpkg->GetLayer(k)->GetName());
    CHECK(names == std::set<std::string>{"subbasins", "units", "rivers", "reservoirs",
                                         "border_points", "flags", "layer_styles"});
    CHECK(layer_of(*gpkg, "subbasins").GetFeatureCount() == 4);
    CHECK(layer_of(*gpkg, "units").GetFeatureCount() == 2 * 2 * 2); // countries x scen. x pol.
    CHECK(layer_of(*gpkg, "rivers").GetFeatureCount() == 3);        // 4 nodes, 1 outlet
    CHECK(layer_of(*gpkg, "reservoirs").GetFeatureCount() == 1);
    CHECK(layer_of(*gpkg, "border_points").GetFeatureCount() ==
          static_cast<GIntBig>(cross_border_links(dir / "basin.toml")));

    OGRLayer& units = layer_of(*gpkg, "units");
    CHECK(field_type(units, "scenario") == OFTString);
    CHECK(field_type(units, "unit") == OFTString);
    CHECK(field_type(units, "score_median") == OFTReal);
    CHECK(field_type(units, "share_at_risk") == OFTReal);
    CHECK(field_type(units, "class") == OFTInteger64);
    CHECK(field_type(units, "flag") == OFTInteger64);
    CHECK(field_type(units, "reasons") == OFTString);
    CHECK(units.GetGeomType() == wkbMultiPolygon);
    CHECK(field_type(layer_of(*gpkg, "border_points"), "node_id") == OFTString);
    CHECK(field_type(layer_of(*gpkg, "reservoirs"), "capacity_hm3") == OFTReal);
    CHECK(layer_of(*gpkg, "rivers").GetGeomType() == wkbLineString);
    for (const char* name : {"subbasins", "units", "rivers", "border_points", "flags"}) {
        const OGRSpatialReference* srs = layer_of(*gpkg, name).GetSpatialRef();
        REQUIRE(srs != nullptr);
        CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
    }

    // Every unit row of stress.json is a feature, with its class and flag.
    const auto stress = nlohmann::json::parse(read_file(out + "/stress.json"));
    std::map<std::string, std::pair<int, int>> expected;
    for (const auto& row : stress["rows"]) {
        if (row["level"] != "unit") continue;
        expected[row["scenario"].get<std::string>() + "|" + row["policy"].get<std::string>() + "|" +
                 row["item"].get<std::string>()] = {row["class"].get<int>(),
                                                    row["flag"].get<bool>() ? 1 : 0};
    }
    CHECK(expected.size() == 8);
    std::size_t flagged = 0;
    for (const auto& row : stress["rows"])
        flagged += row["flag"].get<bool>() ? 1 : 0;
    CHECK(layer_of(*gpkg, "flags").GetFeatureCount() == static_cast<GIntBig>(flagged));
    for (const auto& f : units) {
        const std::string key = std::string(f->GetFieldAsString("scenario")) + "|" +
                                f->GetFieldAsString("policy") + "|" + f->GetFieldAsString("unit");
        REQUIRE(expected.count(key) == 1);
        CHECK(f->GetFieldAsInteger("class") == expected[key].first);
        CHECK(f->GetFieldAsInteger("flag") == expected[key].second);
        CHECK(f->GetGeometryRef() != nullptr);
    }

    OGRLayer& styles = layer_of(*gpkg, "layer_styles");
    std::set<std::string> styled;
    for (const auto& f : styles) {
        styled.insert(f->GetFieldAsString("f_table_name"));
        if (std::string(f->GetFieldAsString("f_table_name")) == "units") {
            const std::string qml = f->GetFieldAsString("styleQML");
            CHECK(qml.find("attr=\"class\"") != std::string::npos);
            CHECK(qml.find("categorizedSymbol") != std::string::npos);
            CHECK(f->GetFieldAsInteger("useAsDefault") == 1);
        }
    }
    for (const char* name : {"units", "subbasins", "rivers", "border_points", "flags"})
        CHECK(styled.count(name) == 1);
}

TEST_CASE("schematic sub-basins have their area and the border points their countries") {
    ScratchDir dir("layers-schematic");
    const std::string out = run_layers_study(dir);
    auto gpkg = open_gdal(out + "/layers.gpkg", GDAL_OF_VECTOR);
    const std::map<std::string, double> area_km2 = {
        {"FR1", 360.0}, {"FR3", 820.0}, {"FR2", 1450.0}, {"BE1", 2100.0}};
    for (const auto& f : layer_of(*gpkg, "subbasins")) {
        CHECK(std::string(f->GetFieldAsString("geometry_source")) == "schematic");
        OGREnvelope envelope;
        f->GetGeometryRef()->getEnvelope(&envelope);
        const double expected = area_km2.at(f->GetFieldAsString("id"));
        CHECK(rectangle_km2(envelope) == doctest::Approx(expected).epsilon(0.005));
        CHECK(f->GetFieldAsDouble("area_km2") == expected);
    }
    for (const auto& f : layer_of(*gpkg, "border_points")) {
        CHECK(std::string(f->GetFieldAsString("node_id")) == "FR2");
        CHECK(std::string(f->GetFieldAsString("from_country")) == "FRA");
        CHECK(std::string(f->GetFieldAsString("to_country")) == "BEL");
        const OGRPoint* p = f->GetGeometryRef()->toPoint();
        CHECK(p->getX() == 3.1); // FR2's lat/lon: it gives no outlet
        CHECK(p->getY() == 49.6);
    }
}

TEST_CASE("a basin geometry file gives the sub-basin polygons") {
    ScratchDir dir("layers-geometry");
    // One lon/lat box per sub-basin, 0.1 degree wide, at distinct places.
    std::string features;
    const std::vector<std::pair<std::string, double>> boxes = {
        {"FR1", 2.0}, {"FR3", 2.5}, {"FR2", 3.0}, {"BE1", 3.5}};
    for (const auto& [id, west] : boxes) {
        features += (features.empty() ? "" : ",") +
                    std::string("{\"type\":\"Feature\",\"properties\":{\"id\":\"") + id +
                    "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" +
                    std::to_string(west) + ",49],[" + std::to_string(west + 0.1) + ",49],[" +
                    std::to_string(west + 0.1) + ",49.1],[" + std::to_string(west) + ",49.1],[" +
                    std::to_string(west) + ",49]]]}}";
    }
    write_file(dir / "subbasins.geojson",
               "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
    const std::string out = run_layers_study(dir, "geometry = \"subbasins.geojson\"\n");
    auto gpkg = open_gdal(out + "/layers.gpkg", GDAL_OF_VECTOR);
    for (const auto& f : layer_of(*gpkg, "subbasins")) {
        CHECK(std::string(f->GetFieldAsString("geometry_source")) == "file");
        OGREnvelope e;
        f->GetGeometryRef()->getEnvelope(&e);
        for (const auto& [id, west] : boxes) {
            if (id != f->GetFieldAsString("id")) continue;
            CHECK(e.MinX == doctest::Approx(west));
            CHECK(e.MaxX == doctest::Approx(west + 0.1));
            CHECK(e.MinY == doctest::Approx(49.0));
        }
    }
    // France's unit is the union of its three boxes (disjoint): their summed area.
    for (const auto& f : layer_of(*gpkg, "units")) {
        if (std::string(f->GetFieldAsString("unit")) != "FRA") continue;
        CHECK(f->GetGeometryRef()->toMultiPolygon()->getNumGeometries() == 3);
        CHECK(f->GetGeometryRef()->toMultiPolygon()->get_Area() == doctest::Approx(0.03));
    }
    // The polygons are an input of the run: listed with their checksum in run.json.
    CHECK(read_file(out + "/run.json").find("\"role\": \"geometry\"") != std::string::npos);
}

TEST_CASE("a basin geometry file without one of the sub-basins is refused") {
    ScratchDir dir("layers-geometry-bad");
    write_file(dir / "subbasins.geojson",
               "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
               "\"properties\":{\"id\":\"FR1\"},\"geometry\":{\"type\":\"Polygon\","
               "\"coordinates\":[[[2,49],[2.1,49],[2.1,49.1],[2,49]]]}}]}");
    const std::string study = write_layers_study(dir, "geometry = \"subbasins.geojson\"\n");
    const auto r = run_riparia({"check", study});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("subbasins.geojson") != std::string::npos);
    CHECK(r.err.find("'FR3'") != std::string::npos);
    const std::string missing = write_layers_study(dir, "geometry = \"nowhere.geojson\"\n");
    const auto m = run_riparia({"run", missing, "--out", dir / "out", "--quiet"});
    CHECK(m.exit_code == 2);
    CHECK(m.err.find("key 'geometry'") != std::string::npos);
    CHECK(m.err.find("nowhere.geojson") != std::string::npos);
}

TEST_CASE("stress.tif: grid, CRS, nodata, DEFLATE and each unit's class") {
    ScratchDir dir("layers-tif");
    const std::string out = run_layers_study(dir);
    auto tif = open_gdal(out + "/stress.tif", GDAL_OF_RASTER);
    auto gpkg = open_gdal(out + "/layers.gpkg", GDAL_OF_VECTOR);
    CHECK(tif->GetRasterCount() == 4); // 2 scenarios x 2 policies
    double t[6];
    REQUIRE(tif->GetGeoTransform(t) == CE_None);
    CHECK(t[1] == doctest::Approx(0.05));
    CHECK(t[5] == doctest::Approx(-0.05));
    CHECK(std::string(tif->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4326");
    const char* compression = tif->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
    REQUIRE(compression != nullptr);
    CHECK(std::string(compression) == "DEFLATE");
    std::map<std::string, int> band_of;
    for (int b = 1; b <= tif->GetRasterCount(); ++b) {
        int has_nodata = 0;
        CHECK(tif->GetRasterBand(b)->GetNoDataValue(&has_nodata) == 0);
        CHECK(has_nodata == 1);
        CHECK(tif->GetRasterBand(b)->GetRasterDataType() == GDT_Byte);
        band_of[tif->GetRasterBand(b)->GetDescription()] = b;
    }
    CHECK(band_of.count("dry / bigger dam") == 1);
    const auto pixel = [&](int band, double lon, double lat) {
        const int col = static_cast<int>(std::floor((lon - t[0]) / t[1]));
        const int row = static_cast<int>(std::floor((lat - t[3]) / t[5]));
        unsigned char value = 255;
        REQUIRE(tif->GetRasterBand(band)->RasterIO(GF_Read, col, row, 1, 1, &value, 1, 1, GDT_Byte,
                                                   0, 0) == CE_None);
        return static_cast<int>(value);
    };
    for (const auto& f : layer_of(*gpkg, "units")) {
        const std::string band =
            std::string(f->GetFieldAsString("scenario")) + " / " + f->GetFieldAsString("policy");
        REQUIRE(band_of.count(band) == 1);
        // A point of each country covered by no other unit: FR1's and BE1's centres.
        const bool france = std::string(f->GetFieldAsString("unit")) == "FRA";
        CHECK(pixel(band_of[band], france ? 2.0 : 4.1, france ? 49.0 : 50.3) ==
              f->GetFieldAsInteger("class"));
        CHECK(pixel(band_of[band], t[0] + 0.01, t[3] - 0.01) == 0); // the margin: nodata
    }
}
