// The declared sinks of basins/delineation/sinks.toml against the DEM they were placed on,
// ETOPO5 (Debian ferret-datasets, io::default_dem_path). The file says each point is checked to
// lie on the floor of its closed depression in ETOPO5; a depression-filling flood from the edge of
// a box around the point (Barnes et al. 2014, model/dem_fill.hpp, independent of the sinks) finds
// whether the point's cell is filled above its elevation, i.e. lies in a closed depression.
#include "io/dem_reader.hpp"
#include "io/dem_sinks.hpp"
#include "model/dem_crop.hpp"
#include "model/dem_fill.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>

using namespace riparia;

namespace {

const std::string sinks_path = std::string(RIPARIA_SOURCE_DIR) + "/basins/delineation/sinks.toml";

struct FloorCell {
    float elevation_m = 0, filled_m = 0; // ETOPO5, and its level once the box is filled
    bool lowest_of_neighbours = false;   // no neighbour of the cell is lower
};

// The cell holding `point` in a box of +-8 degrees around it, filled by a flood from the box's
// edge with every cell land (so depressions below 0 m, e.g. the Fayoum, fill as well).
FloorCell floor_cell(const model::Raster<float>& etopo5, const model::GeoPoint& point) {
    constexpr double half_deg = 8;
    const auto box =
        model::crop_to_box(etopo5, {point.lat_deg - half_deg, point.lat_deg + half_deg,
                                    point.lon_deg - half_deg, point.lon_deg + half_deg});
    const auto land = model::land_mask(box, -1e9f);
    const auto filled = model::priority_flood(box, land);
    const auto c = model::cell_at(box.grid, point.lat_deg, point.lon_deg);
    REQUIRE(c >= 0);
    FloorCell f{box.values[std::size_t(c)], filled.filled_m[std::size_t(c)], true};
    for (int k = 0; k < 8; ++k) {
        const auto n = model::neighbour(box.grid, std::size_t(c), k);
        if (n >= 0 && box.values[std::size_t(n)] < f.elevation_m) f.lowest_of_neighbours = false;
    }
    return f;
}

} // namespace

TEST_CASE("delineation sinks: the eastern Sahara, rift and Arabian sinks lie on ETOPO5 floors") {
    const auto etopo5 = io::read_dem(io::default_dem_path);
    std::map<std::string, FloorCell> floors;
    for (const auto& s : io::read_sinks(sinks_path)) {
        // Unsnapped sinks are the cell holding their point: it must have no lower neighbour.
        if (s.snap_radius_cells > 0) continue;
        const auto f = floor_cell(etopo5, s.point);
        CHECK_MESSAGE(f.lowest_of_neighbours, s.name);
        floors[s.name] = f;
    }
    // The closed depressions declared for the Nile and the Tigris-Euphrates: each point lies in
    // one (filled above its floor) and has a source.
    for (const std::string name :
         {"Toshka depression (Toshka Lakes)", "Kharga depression", "Dakhla depression",
          "Farafra depression", "Lake Qarun (Fayoum depression)", "Lake Eyasi",
          "Wembere floodplain", "Sabkhat al-Muh (Palmyra)"}) {
        CAPTURE(name);
        REQUIRE(floors.count(name) == 1);
        CHECK(floors[name].filled_m > floors[name].elevation_m);
    }
    // ETOPO5 stores this desert in 1,000-ft contours: Kharga, Dakhla and Toshka share one
    // depression whose floor is the 600-ft step (183 m) and whose spill is the 900-ft one (274 m);
    // Lake Qarun's cell is 0 m (the lake is at -43 m) in a depression spilling at 400 ft (122 m).
    for (const std::string name :
         {"Toshka depression (Toshka Lakes)", "Kharga depression", "Dakhla depression"})
        CHECK(floors[name].filled_m == doctest::Approx(274.0).epsilon(1e-6));
    CHECK(floors["Toshka depression (Toshka Lakes)"].elevation_m == doctest::Approx(183.0));
    CHECK(floors["Lake Qarun (Fayoum depression)"].elevation_m == doctest::Approx(0.0));
    CHECK(floors["Lake Qarun (Fayoum depression)"].filled_m == doctest::Approx(122.0));
}
