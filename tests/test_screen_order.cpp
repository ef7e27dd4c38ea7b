// The terrain order of basin-country units (io/unit_terrain.hpp, model/unit_order.hpp).
#include "io/dem_reader.hpp"
#include "io/tfdd_tables.hpp"
#include "io/unit_terrain.hpp"
#include "model/dem_grid.hpp"
#include "model/stress_flow_origin.hpp"
#include "model/unit_order.hpp"
#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <set>

using namespace riparia;
using namespace riparia::test;

namespace {

std::string square(double lon0, const std::string& prop) {
    return fmt::format(R"({{"type":"Feature","properties":{},"geometry":{{"type":"Polygon",)"
                       R"("coordinates":[[[{},0],[{},0],[{},1],[{},1],[{},0]]]}}}})",
                       prop, lon0, lon0 + 1, lon0 + 1, lon0, lon0);
}

// A DEM falling eastwards, z = 1000 - 100 lon (m) at cell centres, 0.25-degree cells over
// lon -1..4, lat -1..2 (ESRI ASCII grid, read by GDAL).
void write_tilted_dem(const std::string& path) {
    std::string text = "ncols 20\nnrows 12\nxllcorner -1\nyllcorner -1\ncellsize 0.25\n";
    for (int r = 0; r < 12; ++r) {
        for (int c = 0; c < 20; ++c)
            text += fmt::format("{} ", 1000 - 100 * (-1 + 0.25 * (c + 0.5)));
        text += "\n";
    }
    write_file(path, text);
}

std::vector<io::UnitTerrain> three_squares(const ScratchDir& dir, const std::string& cache) {
    // Lon 0..3 as one rectangle: the basin.
    write_file(dir / "basin.geojson",
               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
               R"({"BCODE":"TEST"},"geometry":{"type":"Polygon","coordinates":)"
               R"([[[0,0],[3,0],[3,1],[0,1],[0,0]]]}}]})");
    write_file(dir / "countries.geojson",
               R"({"type":"FeatureCollection","features":[)" +
                   square(0, R"({"iso_a2":"FR","name":"France"})") + "," +
                   square(1, R"({"iso_a2":"DE","name":"Germany"})") + "," +
                   square(2, R"({"iso_a2":"PL","name":"Poland"})") + "]}");
    write_tilted_dem(dir / "dem.asc");
    const std::vector<io::TfddUnit> units{
        {"TEST", "POL", "Poland", 1}, {"TEST", "FRA", "France", 1}, {"TEST", "DEU", "Germany", 1}};
    return io::unit_terrain(
        {dir / "basin.geojson", dir / "countries.geojson", dir / "dem.asc", cache}, units);
}

const io::UnitTerrain& find(const std::vector<io::UnitTerrain>& t, const std::string& country) {
    const auto it = std::find_if(t.begin(), t.end(), [&](auto& u) { return u.country == country; });
    REQUIRE(it != t.end());
    return *it;
}

} // namespace

TEST_CASE("three square countries on a tilted DEM: elevations, borders, order, dependency") {
    ScratchDir dir("unit-terrain");
    const auto t = three_squares(dir, dir / "cache");
    REQUIRE(t.size() == 3);
    // Linear in longitude: the area-weighted mean is the value at the square's centre; the
    // 10th percentile is the lowest column (4 columns of 0.25 degree, 25 % of the area each).
    const std::map<std::string, double> west{{"FRA", 0}, {"DEU", 1}, {"POL", 2}};
    for (const auto& [code, lon0] : west) {
        CHECK(find(t, code).mean_m == doctest::Approx(1000 - 100 * (lon0 + 0.5)));
        CHECK(find(t, code).low_m == doctest::Approx(1000 - 100 * (lon0 + 0.875)));
        CHECK(find(t, code).area_km2 == doctest::Approx(find(t, "FRA").area_km2));
    }
    // FRA-DEU share 1 degree of meridian (pi R / 180 km); FRA and POL do not touch.
    const auto& fra = find(t, "FRA").borders;
    REQUIRE(fra.size() == 1);
    CHECK(fra[0].first == "DEU");
    CHECK(fra[0].second == doctest::Approx(M_PI * model::earth_mean_radius_km / 180).epsilon(1e-6));
    // The cache gives the same figures.
    const auto again = three_squares(dir, dir / "cache");
    CHECK(again.size() == 3);
    CHECK(find(again, "POL").low_m == find(t, "POL").low_m);
    // Order and dependency: FRA -> DEU -> POL with equal runoff: POL gets 2/3 from upstream.
    std::vector<model::OrderUnit> in(3);
    const std::vector<std::string> codes{"POL", "FRA", "DEU"};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& u = find(t, codes[i]);
        in[i] = {true, u.low_m, u.mean_m, {}, 0};
        for (const auto& [code, km] : u.borders)
            in[i].borders.push_back(
                {static_cast<std::size_t>(std::find(codes.begin(), codes.end(), code) -
                                          codes.begin()),
                 km});
    }
    const auto order = model::order_by_terrain(in);
    CHECK(order.order == std::vector<std::size_t>{1, 2, 0});
    CHECK(order.downstream == std::vector<int>{1, 2, -1});
    std::vector<model::FlowUnit> flow(3);
    for (std::size_t p = 0; p < 3; ++p)
        flow[p] = {1, 0, order.downstream[p]};
    const auto origin = model::track_flow_origin(flow);
    CHECK(origin.dependency(0) == doctest::Approx(0));
    CHECK(origin.dependency(1) == doctest::Approx(0.5));
    CHECK(origin.dependency(2) == doctest::Approx(2.0 / 3));
}

TEST_CASE("a unit drains to the lower neighbour with the longest border; no terrain falls back") {
    // 0 high, touching 1 (10 km) and 2 (50 km); 1 middle; 2 low; 3 has no terrain and comes
    // after 1 in the fallback order.
    std::vector<model::OrderUnit> in(4);
    in[0] = {true, 300, 400, {{1, 10}, {2, 50}}, 3};
    in[1] = {true, 200, 250, {{0, 10}, {2, 5}}, 0};
    in[2] = {true, 100, 150, {{0, 50}, {1, 5}}, 1};
    in[3] = {false, 0, 0, {}, 0.5};
    const auto o = model::order_by_terrain(in);
    REQUIRE(o.order.size() == 4);
    std::vector<int> pos(4);
    for (std::size_t p = 0; p < 4; ++p)
        pos[o.order[p]] = static_cast<int>(p);
    CHECK(o.downstream[pos[0]] == pos[2]); // longest border, not the next lower unit 1
    CHECK(o.downstream[pos[1]] == pos[2]);
    CHECK(o.downstream[pos[3]] == pos[2]); // next unit with terrain in the fallback order
    CHECK(o.downstream[pos[2]] == -1);
    for (std::size_t p = 0; p < 4; ++p)
        CHECK((o.downstream[p] == -1 || o.downstream[p] > static_cast<int>(p)));
    // Without any terrain the fallback order is a chain.
    for (auto& u : in)
        u.has_terrain = false;
    const auto chain = model::order_by_terrain(in);
    CHECK(chain.order == std::vector<std::size_t>{1, 3, 2, 0});
    CHECK(chain.downstream == std::vector<int>{1, 2, 3, -1});
}

namespace {

// Position (0 = most upstream) of each country of a real basin, and where each drains.
struct RealOrder {
    std::map<std::string, int> position;
    std::map<std::string, std::string> drains_to;
};

std::map<std::string, RealOrder> real_orders(const std::set<std::string>& basins) {
    std::set<std::string> all;
    for (const auto& b : io::read_tfdd_basins(shared_data("tfdd/basins310.geojson")))
        all.insert(b.code);
    std::vector<io::TfddUnit> units;
    for (const auto& u :
         io::read_tfdd_register(shared_data("tfdd/basin_country_register.csv"), all))
        if (basins.count(u.basin)) units.push_back(u);
    const auto terrain =
        io::unit_terrain({shared_data("tfdd/basins310.geojson"),
                          shared_data("countries/world.gpkg"), io::default_dem_path, ""},
                         units);
    std::map<std::string, RealOrder> out;
    for (const auto& basin : basins) {
        std::vector<std::string> codes;
        std::vector<model::OrderUnit> in;
        for (const auto& t : terrain)
            if (t.basin == basin)
                codes.push_back(t.country), in.push_back({true, t.low_m, t.mean_m, {}, 0});
        for (const auto& t : terrain)
            if (t.basin == basin) {
                const auto i = std::find(codes.begin(), codes.end(), t.country) - codes.begin();
                for (const auto& [code, km] : t.borders)
                    in[i].borders.push_back(
                        {static_cast<std::size_t>(std::find(codes.begin(), codes.end(), code) -
                                                  codes.begin()),
                         km});
            }
        const auto o = model::order_by_terrain(in);
        for (std::size_t p = 0; p < o.order.size(); ++p) {
            out[basin].position[codes[o.order[p]]] = static_cast<int>(p);
            out[basin].drains_to[codes[o.order[p]]] =
                o.downstream[p] < 0 ? "" : codes[o.order[o.downstream[p]]];
        }
    }
    return out;
}

} // namespace

TEST_CASE("terrain order of real basins: Nile, Ganges, Mekong, Tigris-Euphrates, Ob") {
    auto o = real_orders({"NILE", "GANG", "MEKO", "TIGR", "OBXX"});
    auto& nile = o["NILE"].position;
    CHECK(nile.at("EGY") > nile.at("SDN"));
    CHECK(nile.at("SDN") > nile.at("ETH"));
    CHECK(nile.at("SDN") > nile.at("SSD"));
    CHECK(o["NILE"].drains_to.at("ETH") == "SDN"); // the Blue Nile, not via Eritrea
    CHECK(o["NILE"].drains_to.at("SDN") == "EGY");
    CHECK(o["NILE"].drains_to.at("EGY") == "");
    auto& gang = o["GANG"].position;
    CHECK(gang.at("BGD") > gang.at("IND"));
    CHECK(o["GANG"].drains_to.at("NPL") == "IND");
    CHECK(o["GANG"].drains_to.at("IND") == "BGD");
    auto& meko = o["MEKO"].position;
    CHECK(meko.at("VNM") > meko.at("CHN"));
    CHECK(meko.at("KHM") > meko.at("CHN"));
    CHECK(meko.at("KHM") > meko.at("LAO"));
    auto& tigr = o["TIGR"].position;
    CHECK(tigr.at("IRQ") > tigr.at("TUR"));
    CHECK(tigr.at("IRQ") > tigr.at("SYR"));
    CHECK(o["TIGR"].drains_to.at("TUR") == "SYR"); // the Euphrates
    CHECK(o["TIGR"].drains_to.at("IRQ") == "");
    CHECK(o["OBXX"].drains_to.at("CHN") == "KAZ"); // the Irtysh
    CHECK(o["OBXX"].drains_to.at("KAZ") == "RUS");
}
