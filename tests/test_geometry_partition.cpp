// The weighted nearest-centre partition (model/weighted_partition.hpp) and the arc-wise
// simplification of its polygons (model/label_arcs.hpp) on synthetic units.
#include "io/polygonize.hpp"
#include "model/area_weights.hpp"
#include "model/dem_grid.hpp"
#include "model/label_arcs.hpp"
#include "model/weighted_partition.hpp"

#include <doctest/doctest.h>
#include <ogr_geometry.h>

using namespace riparia;

namespace {

// The 0.01-degree cells of the square [lon0, lon0 + side] x [lat0, lat0 + side], with their
// spherical areas from the closed form R^2 dlon (sin lat2 - sin lat1) (km2).
std::vector<model::PartitionCell> square_cells(double lon0, double lat0, double side) {
    const int n = static_cast<int>(std::lround(side / 0.01));
    std::vector<model::PartitionCell> cells;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const double south = lat0 + 0.01 * r, west = lon0 + 0.01 * c;
            cells.push_back({south + 0.005, west + 0.005,
                             model::cell_area_m2(west, west + 0.01, south, south + 0.01) * 1e-6});
        }
    return cells;
}

double total_km2(const std::vector<model::PartitionCell>& cells) {
    double sum = 0;
    for (const auto& c : cells)
        sum += c.area_km2;
    return sum;
}

} // namespace

TEST_CASE("weighted partition: three centres in a square reach their declared shares") {
    const auto cells = square_cells(30.0, 10.0, 1.0);
    const std::vector<model::PartitionSite> sites{
        {10.2, 30.2, 100.0}, {10.8, 30.5, 300.0}, {10.3, 30.9, 600.0}};
    const auto p = model::weighted_partition(cells, sites);
    const double total = total_km2(cells);
    const double shares[] = {0.1, 0.3, 0.6};
    for (std::size_t s = 0; s < 3; ++s) {
        double area = 0;
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (p.site[c] == static_cast<std::int32_t>(s)) area += cells[c].area_km2;
        CHECK(area == doctest::Approx(p.area_km2[s]).epsilon(1e-12));
        CHECK(p.target_km2[s] == doctest::Approx(shares[s] * total).epsilon(1e-12));
        CHECK(std::abs(area / (shares[s] * total) - 1) < 0.02);
    }
    CHECK(p.worst_relative_error < 0.02);
    // Same inputs, same labels and weights, bit for bit.
    const auto again = model::weighted_partition(cells, sites);
    CHECK(again.site == p.site);
    CHECK(again.weight == p.weight);
}

TEST_CASE("weighted partition: with equal weights every cell goes to its nearest centre") {
    const auto cells = square_cells(-5.0, 50.0, 0.6);
    const std::vector<model::PartitionSite> sites{
        {50.1, -4.9, 1.0}, {50.5, -4.6, 5.0}, {50.2, -4.5, 2.0}};
    model::PartitionOptions first_pass;
    first_pass.max_iterations = 1; // the weights are all 1
    const auto p = model::weighted_partition(cells, sites, first_pass);
    for (std::size_t c = 0; c < cells.size(); ++c) {
        std::size_t nearest = 0;
        for (std::size_t s = 1; s < sites.size(); ++s)
            if (model::great_circle_km(cells[c].lat_deg, cells[c].lon_deg, sites[s].lat_deg,
                                       sites[s].lon_deg) <
                model::great_circle_km(cells[c].lat_deg, cells[c].lon_deg, sites[nearest].lat_deg,
                                       sites[nearest].lon_deg))
                nearest = s;
        REQUIRE(p.site[c] == static_cast<std::int32_t>(nearest));
    }
    CHECK(p.weight == std::vector<double>(3, 1.0));
}

TEST_CASE("weighted partition: a centre outside the unit still gets its share") {
    const auto cells = square_cells(0.0, 0.0, 0.5);
    const std::vector<model::PartitionSite> sites{{0.25, 0.25, 9.0}, {0.25, 3.0, 1.0}};
    const auto p = model::weighted_partition(cells, sites);
    CHECK(p.worst_relative_error < 0.02);
    CHECK(p.weight[1] > 5 * p.weight[0]); // distances ten times longer need a larger weight
    CHECK_THROWS_AS(model::weighted_partition(cells, {{0, 0, 0.0}}), std::invalid_argument);
    CHECK_THROWS_AS(model::weighted_partition(cells, {}), std::invalid_argument);
}

TEST_CASE("label arcs: simplified neighbours keep one shared boundary") {
    // Two labels split by a staircase (label 1 below the line row = 2 col / 3), 30 x 30 cells of
    // 0.1 degree, with an outside (-1) band on the left.
    model::Raster<std::int32_t> labels;
    labels.grid = {30, 30, 10.05, 19.95, 0.1, -0.1, false};
    labels.values.assign(labels.grid.cells(), 0);
    for (std::size_t r = 0; r < 30; ++r)
        for (std::size_t c = 0; c < 30; ++c)
            labels.at(r, c) = c < 2 ? -1 : (3 * r > 2 * c ? 1 : 0);
    const auto cells = io::polygonize_labels(labels, 2);
    std::vector<std::unique_ptr<OGRGeometry>> smooth;
    std::size_t raw_vertices = 0, smooth_vertices = 0;
    for (const auto& piece : cells) {
        const auto as_model = io::to_multipolygon(*piece);
        const auto simple = model::simplify_label_polygon(labels, as_model, 1.0);
        auto g = std::make_unique<OGRMultiPolygon>();
        for (const auto& part : simple) {
            OGRPolygon polygon;
            auto* ring = new OGRLinearRing;
            for (const auto& p : part.exterior)
                ring->addPoint(p.lon_deg, p.lat_deg);
            ring->closeRings();
            polygon.addRingDirectly(ring);
            g->addGeometry(&polygon);
            smooth_vertices += part.exterior.size();
        }
        for (const auto& part : as_model)
            raw_vertices += part.exterior.size();
        REQUIRE(g->IsValid());
        smooth.push_back(std::move(g));
    }
    CHECK(smooth_vertices * 3 < raw_vertices); // the staircase became a line
    // No overlap, no gap: the two areas add up to the labelled cells' area.
    std::unique_ptr<OGRGeometry> overlap(smooth[0]->Intersection(smooth[1].get()));
    CHECK(io::spherical_area_km2(*overlap) < 1e-6);
    const double labelled = io::spherical_area_km2(*cells[0]) + io::spherical_area_km2(*cells[1]);
    CHECK(io::spherical_area_km2(*smooth[0]) + io::spherical_area_km2(*smooth[1]) ==
          doctest::Approx(labelled).epsilon(1e-9));
}
