// Declared sinks snapped to the river that ends in them (model/dem_sink_snap.hpp) and the
// `snap_radius_cells` key of the sinks file (io/dem_sinks.hpp).
#include "io/dem_sinks.hpp"
#include "io/input_error.hpp"
#include "model/dem_fill.hpp"
#include "model/dem_sea.hpp"
#include "model/dem_sink_snap.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace riparia;

namespace {

constexpr std::size_t rows = 9, cols = 9, channel_col = 4;

// 9 x 9 cells of 0.1 degree (rows from lat 0.4 south, columns from lon 10 east): a valley along
// column 4 falling 1 m per row to the south, walls rising 100 m per column away from it, and a
// sea row (-10 m) at the south. The walls are steep, so every wall cell of rows 0..6 drains
// sideways to the channel in its own row (100 m over one east-west step beats 101 m over a
// diagonal) and the channel cell of row r <= 6 gathers every cell of rows 0..r (row 7 drains
// straight into the sea).
model::Raster<float> valley_dem() {
    model::Raster<float> dem{{rows, cols, 10.0, 0.4, 0.1, -0.1, false},
                             std::vector<float>(rows * cols)};
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c)
            dem.at(r, c) =
                r + 1 == rows
                    ? -10.0f
                    : float(1000.0 - double(r) + 100.0 * std::abs(double(c) - double(channel_col)));
    return dem;
}

std::int64_t cell(std::size_t r, std::size_t c) {
    return std::int64_t(r * cols + c);
}

model::FlowGrid flow_with_sinks(const model::Raster<float>& dem,
                                const std::vector<std::int64_t>& sink_cells) {
    auto land = model::land_mask(dem, 0.0f);
    model::declare_sink_cells(land, sink_cells);
    return model::d8_directions(dem, model::priority_flood(dem, land), land);
}

std::vector<double> upstream_km2(const model::FlowGrid& flow) {
    return model::accumulate_km2(flow, *model::upstream_first(flow));
}

// Hand computation: every cell of rows first..last, from the cell areas of the rows.
double rows_km2(const model::GridGeometry& g, std::size_t first, std::size_t last) {
    const auto row_km2 = model::row_cell_area_km2(g);
    double km2 = 0;
    for (std::size_t r = first; r <= last; ++r)
        km2 += double(cols) * row_km2[r];
    return km2;
}

} // namespace

TEST_CASE("delineate sink snapping: a sink beside the river ends it only when snapped") {
    const auto dem = valley_dem();
    const model::GridGeometry& g = dem.grid;
    const model::GeoPoint beside{0.0, 10.5}; // the centre of cell (4, 5), east of the channel
    REQUIRE(model::cell_at(g, beside.lat_deg, beside.lon_deg) == cell(4, 5));
    const auto mouth = cell(6, channel_col); // the river's last cell above the sea's land row

    const auto free_flow = upstream_km2(flow_with_sinks(dem, {}));
    CHECK(free_flow[std::size_t(mouth)] == doctest::Approx(rows_km2(g, 0, 6)).epsilon(1e-12));

    // Unsnapped: the sink ends the three wall cells east of it in row 4, not the river.
    const std::vector<model::SinkRequest> point{{beside, 0}};
    const auto at_point = model::point_sink_cells(g, point);
    REQUIRE(at_point == std::vector<std::int64_t>{cell(4, 5)});
    const auto row_km2 = model::row_cell_area_km2(g);
    const auto unsnapped = upstream_km2(flow_with_sinks(dem, at_point));
    CHECK(unsnapped[std::size_t(mouth)] ==
          doctest::Approx(rows_km2(g, 0, 6) - 4 * row_km2[4]).epsilon(1e-12));

    // Snapped within 1 cell: the window (rows 3..5, columns 4..6) holds the channel cells of
    // rows 3, 4 and 5; row 5's gathers most (rows 0..5), so the sink moves there.
    const std::vector<model::SinkRequest> snapped{{beside, 1}};
    CHECK(model::point_sink_cells(g, snapped) == std::vector<std::int64_t>{-1});
    const auto first = flow_with_sinks(dem, model::point_sink_cells(g, snapped));
    const auto placed = model::place_sinks(first, upstream_km2(first), snapped);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].cell == cell(5, channel_col));
    CHECK(placed[0].upstream_km2 == doctest::Approx(rows_km2(g, 0, 5)).epsilon(1e-12));
    CHECK(placed[0].moved_km ==
          doctest::Approx(model::great_circle_km(0.0, 10.5, -0.1, 10.4)).epsilon(1e-12));
    // The second pass: the river ends in the sink; below it the channel gathers row 6 only.
    const auto second = upstream_km2(flow_with_sinks(dem, {placed[0].cell}));
    CHECK(second[std::size_t(mouth)] == doctest::Approx(rows_km2(g, 6, 6)).epsilon(1e-12));
    CHECK(second[std::size_t(cell(4, channel_col))] ==
          doctest::Approx(rows_km2(g, 0, 4)).epsilon(1e-12));

    // Unsnapped sinks keep their point's cell; one off the grid is skipped.
    const auto mixed = model::place_sinks(first, upstream_km2(first),
                                          {{beside, 0}, {{40.0, 10.5}, 0}, {{40.0, 10.5}, 2}});
    CHECK(mixed[0].cell == cell(4, 5));
    CHECK(mixed[0].moved_km == 0);
    CHECK(mixed[1].cell == -1);
    CHECK(mixed[2].cell == -1);
}

TEST_CASE("delineate sink snapping: the snap_radius_cells key is read and checked") {
    test::ScratchDir dir("delineate-sink-snap");
    const auto sink = [](const std::string& extra) {
        return "[[sink]]\nname = \"Shalkar\"\nlat = 47.8\nlon = 59.6\nsource = \"s\"\n" + extra;
    };
    test::write_file(dir / "sinks.toml", sink("snap_radius_cells = 3\n") + sink(""));
    const auto sinks = io::read_sinks(dir / "sinks.toml");
    REQUIRE(sinks.size() == 2);
    CHECK(sinks[0].snap_radius_cells == 3);
    CHECK(sinks[1].snap_radius_cells == 0); // default: no snapping
    for (const std::string bad : {"snap_radius_cells = -1\n", "snap_radius_cells = 11\n",
                                  "snap_radius_cells = 2.5\n", "snap_radius_cells = \"3\"\n"}) {
        test::write_file(dir / "bad.toml", sink(bad));
        try {
            io::read_sinks(dir / "bad.toml");
            FAIL("expected an InputError for " << bad);
        } catch (const io::InputError& e) {
            const std::string m = e.what();
            CHECK(m.find("bad.toml") != std::string::npos);
            CHECK(m.find("'snap_radius_cells'") != std::string::npos);
            CHECK(m.find("sink #1") != std::string::npos);
        }
    }
    // On the command line: exit 2 with the file and the key.
    test::write_file(dir / "basin.toml",
                     "[basin]\nname = \"b\"\n\n[[subbasin]]\nid = \"A\"\ncountry = \"KAZ\"\n"
                     "area_km2 = 1.0\nlat = 47.0\nlon = 60.0\noutlet = { lat = 47.0, lon = 60.0 }\n"
                     "gr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }\n");
    test::write_file(dir / "bad.toml", sink("snap_radius_cells = -1\n"));
    const auto r = test::run_riparia(
        {"delineate", dir / "basin.toml", "--out", dir / "out", "--sinks", dir / "bad.toml"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.toml") != std::string::npos);
    CHECK(r.err.find("'snap_radius_cells'") != std::string::npos);
}
