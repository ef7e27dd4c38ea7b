// riparia geometry on a real TFDD basin (Medjerda, MDJD: Algeria and Tunisia): the sub-basin
// polygons add up to the basin-country units, measured independently in an equal-area
// projection; bad inputs exit 2.
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <gdal_priv.h>
#include <map>
#include <memory>
#include <ogrsf_frmts.h>

using namespace riparia;

namespace {

std::string subbasin(const std::string& id, const std::string& country, double lat, double lon,
                     double area_km2) {
    return "[[subbasin]]\nid = \"" + id + "\"\ncountry = \"" + country +
           "\"\narea_km2 = " + std::to_string(area_km2) + "\nlat = " + std::to_string(lat) +
           "\nlon = " + std::to_string(lon) +
           "\ngr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\n\n";
}

// Upper Medjerda in Algeria, Mellegue and lower Medjerda in Tunisia (declared 1 : 2).
std::string medjerda(const std::string& extra = "") {
    return "[basin]\nname = \"Medjerda\"\n\n" + subbasin("UP_DZA", "DZA", 36.2, 7.9, 7800) +
           subbasin("MELLEGUE_TUN", "TUN", 35.9, 8.6, 5000) +
           subbasin("LOWER_TUN", "TUN", 36.6, 9.6, 10000) + extra;
}

struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset open_vector(const std::string& path) {
    GDALAllRegister();
    return Dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

// Area (km2) in a Lambert azimuthal equal-area projection on WGS84 centred on the basin.
double equal_area_km2(const OGRGeometry& g) {
    OGRSpatialReference wgs84, laea;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    laea.importFromProj4("+proj=laea +lat_0=36 +lon_0=8.5 +datum=WGS84 +units=m");
    std::unique_ptr<OGRCoordinateTransformation> to(
        OGRCreateCoordinateTransformation(&wgs84, &laea));
    std::unique_ptr<OGRGeometry> projected(g.clone());
    REQUIRE(projected->transform(to.get()) == OGRERR_NONE);
    return dynamic_cast<const OGRSurface*>(projected.get())
               ? projected->toSurface()->get_Area() * 1e-6
               : projected->toGeometryCollection()->get_Area() * 1e-6;
}

// The TFDD basin MDJD cut by the world.gpkg country with iso_a2 `code`.
double tfdd_unit_km2(const std::string& code) {
    auto basins = open_vector(test::shared_data("tfdd/basins310.geojson"));
    auto countries = open_vector(test::shared_data("countries/world.gpkg"));
    REQUIRE(basins);
    REQUIRE(countries);
    std::unique_ptr<OGRGeometry> basin;
    for (auto& f : *basins->GetLayer(0))
        if (std::string(f->GetFieldAsString("BCODE")) == "MDJD")
            basin.reset(f->GetGeometryRef()->clone());
    REQUIRE(basin);
    double km2 = 0;
    for (auto& f : *countries->GetLayer(0))
        if (std::string(f->GetFieldAsString("iso_a2")) == code) {
            std::unique_ptr<OGRGeometry> piece(basin->Intersection(f->GetGeometryRef()));
            REQUIRE(piece);
            km2 += equal_area_km2(*piece);
        }
    return km2;
}

} // namespace

TEST_CASE("geometry CLI: Medjerda sub-basins add up to the TFDD basin-country units") {
    test::ScratchDir dir("geometry-cli");
    test::write_file(dir / "basin.toml", medjerda());
    const auto r = test::run_riparia({"geometry", dir / "basin.toml", "--bcode", "MDJD", "--basins",
                                      test::shared_data("tfdd/basins310.geojson"), "--countries",
                                      test::shared_data("countries/world.gpkg"), "--out",
                                      dir / "subbasins.geojson"});
    INFO(r.out, r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("LOWER_TUN") != std::string::npos);
    auto ds = open_vector(dir / "subbasins.geojson");
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 3);
    for (const char* field :
         {"id", "name", "country", "area_km2", "declared_area_km2", "geometry_source"})
        CHECK(layer->GetLayerDefn()->GetFieldIndex(field) >= 0);
    std::map<std::string, double> country_km2, polygon_km2, field_km2;
    std::map<std::string, std::unique_ptr<OGRGeometry>> shape;
    for (auto& f : *layer) {
        const std::string id = f->GetFieldAsString("id");
        CHECK(f->GetGeometryRef()->IsValid());
        shape[id].reset(f->GetGeometryRef()->clone());
        CHECK(std::string(f->GetFieldAsString("geometry_source")) ==
              "TFDD unit, weighted nearest-centre partition");
        const double km2 = equal_area_km2(*f->GetGeometryRef());
        polygon_km2[id] = km2;
        field_km2[id] = f->GetFieldAsDouble("area_km2");
        country_km2[f->GetFieldAsString("country")] += km2;
        CHECK(field_km2[id] == doctest::Approx(km2).epsilon(0.01)); // sphere vs ellipsoid
    }
    const double dza = tfdd_unit_km2("DZ"), tun = tfdd_unit_km2("TN");
    CHECK(dza > 1000);
    CHECK(tun > 1000);
    CHECK(country_km2["DZA"] == doctest::Approx(dza).epsilon(0.02));
    CHECK(country_km2["TUN"] == doctest::Approx(tun).epsilon(0.02));
    // The two Tunisian sub-basins share a border and do not overlap.
    std::unique_ptr<OGRGeometry> shared(
        shape["LOWER_TUN"]->Intersection(shape["MELLEGUE_TUN"].get()));
    REQUIRE(shared);
    CHECK(!shared->IsEmpty());
    CHECK(shared->getDimension() < 2);
    // Inside Tunisia the areas follow the declared 5,000 : 10,000.
    CHECK(polygon_km2["LOWER_TUN"] / country_km2["TUN"] == doctest::Approx(2.0 / 3).epsilon(0.02));
    // Same command, same bytes.
    const auto again = test::run_riparia({"geometry", dir / "basin.toml", "--bcode", "MDJD",
                                          "--basins", test::shared_data("tfdd/basins310.geojson"),
                                          "--countries", test::shared_data("countries/world.gpkg"),
                                          "--out", dir / "again.geojson", "-q"});
    REQUIRE(again.exit_code == 0);
    CHECK(test::read_file(dir / "again.geojson") == test::read_file(dir / "subbasins.geojson"));
}

TEST_CASE("geometry CLI: an unknown BCODE or a country without a unit exits 2") {
    test::ScratchDir dir("geometry-bad");
    const auto attempt = [&](const std::string& basin, const std::string& bcode) {
        test::write_file(dir / "basin.toml", basin);
        return test::run_riparia({"geometry", dir / "basin.toml", "--bcode", bcode, "--basins",
                                  test::shared_data("tfdd/basins310.geojson"), "--countries",
                                  test::shared_data("countries/world.gpkg"), "--out",
                                  dir / "out.geojson"});
    };
    auto r = attempt(medjerda(), "ZZZZ");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("BCODE 'ZZZZ'") != std::string::npos);
    CHECK(r.err.find("basins310.geojson") != std::string::npos);
    r = attempt(medjerda(subbasin("LIBYA", "LBY", 30.0, 15.0, 100)), "MDJD");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("subbasin 'LIBYA' country 'LBY'") != std::string::npos);
    CHECK(r.err.find("basin.toml") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    r = attempt(medjerda(subbasin("SPRING_TUN", "TUN", 36.0, 9.0, 0.001)), "MDJD");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("subbasin 'SPRING_TUN' area_km2 = 0.001 got no cell") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "out.geojson"));
    CHECK(!std::filesystem::exists(dir / "out.geojson.partial"));
}
