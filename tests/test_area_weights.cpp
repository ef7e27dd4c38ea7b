// Exact spherical area weights (model/area_weights.hpp) against closed forms: a cell, half a
// cell, a band between two parallels, a polar cap, a polygon with a hole, multipolygons, both
// longitude conventions, and a star-shaped polygon against an independent numerical integral.
#include "model/area_weights.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <numbers>
#include <numeric>

using namespace riparia::model;

namespace {

constexpr double kR = earth_authalic_radius_m;
constexpr double kDeg = std::numbers::pi / 180;

// Closed form of a lon/lat rectangle on the sphere: R^2 dlon (sin lat2 - sin lat1).
double box_m2(double lon1, double lon2, double lat1, double lat2) {
    return kR * kR * (lon2 - lon1) * kDeg * (std::sin(lat2 * kDeg) - std::sin(lat1 * kDeg));
}

Ring box(double lon1, double lon2, double lat1, double lat2) {
    return {{lon1, lat1}, {lon2, lat1}, {lon2, lat2}, {lon1, lat2}};
}

std::vector<double> regular(double first, double last, double step) {
    std::vector<double> edges;
    const auto n = static_cast<int>(std::lround((last - first) / step));
    for (int k = 0; k <= n; ++k)
        edges.push_back(first + k * step);
    return edges;
}

GridEdges grid(double lon1, double lon2, double lat1, double lat2, double step) {
    return {regular(lon1, lon2, step), regular(lat1, lat2, step)};
}

double weight_sum(const AreaWeights& w, std::size_t p) {
    double sum = 0;
    for (std::size_t e = w.first[p]; e < w.first[p + 1]; ++e)
        sum += w.weight[e];
    return sum;
}

double overlap_sum(const AreaWeights& w, std::size_t p) {
    double sum = 0;
    for (std::size_t e = w.first[p]; e < w.first[p + 1]; ++e)
        sum += w.overlap_m2[e];
    return sum;
}

} // namespace

TEST_CASE("area weights: a polygon exactly one cell and half a cell") {
    const GridEdges g = grid(0, 10, 55, 65, 1.0);
    const std::vector<MultiPolygon> polygons{
        {{box(2, 3, 60, 61), {}}}, {{box(2, 2.5, 60, 61), {}}}, {{box(2, 3, 60, 60.5), {}}}};
    const AreaWeights w = compute_area_weights(g, polygons);
    const double cell = box_m2(2, 3, 60, 61);
    CHECK(cell_area_m2(2, 3, 60, 61) == doctest::Approx(cell).epsilon(1e-14));
    for (std::size_t p = 0; p < 3; ++p) {
        REQUIRE(w.first[p + 1] - w.first[p] == 1);
        CHECK(w.cell[w.first[p]] == 5 * 10 + 2);
        CHECK(w.weight[w.first[p]] == doctest::Approx(1.0).epsilon(1e-14));
    }
    CHECK(w.overlap_m2[0] == doctest::Approx(cell).epsilon(1e-12));
    CHECK(w.overlap_m2[1] == doctest::Approx(cell / 2).epsilon(1e-12));
    // The southern half of a cell holds more than half its area on the sphere.
    CHECK(w.overlap_m2[2] == doctest::Approx(box_m2(2, 3, 60, 60.5)).epsilon(1e-12));
    CHECK(w.overlap_m2[2] / cell > 0.503);
    CHECK(w.polygon_m2[2] == doctest::Approx(w.covered_m2[2]).epsilon(1e-12));
}

TEST_CASE("area weights: a band between two parallels and a polar cap, both lon conventions") {
    const double band =
        2 * std::numbers::pi * kR * kR * (std::sin(30 * kDeg) - std::sin(10 * kDeg));
    const double cap = 2 * std::numbers::pi * kR * kR * (1 - std::sin(80 * kDeg));
    const std::vector<MultiPolygon> polygons{{{box(-180, 180, 10, 30), {}}},
                                             {{box(-180, 180, 80, 90), {}}},
                                             {{box(-180, 180, 11.3, 27.9), {}}}};
    for (const GridEdges& g : {grid(-180, 180, -90, 90, 2.5), grid(0, 360, -90, 90, 2.5),
                               grid(-0.9375, 359.0625, -90, 90, 1.875)}) {
        const AreaWeights w = compute_area_weights(g, polygons);
        CHECK(w.polygon_m2[0] == doctest::Approx(band).epsilon(1e-12));
        CHECK(w.covered_m2[0] == doctest::Approx(band).epsilon(1e-12));
        CHECK(w.polygon_m2[1] == doctest::Approx(cap).epsilon(1e-12));
        CHECK(w.covered_m2[1] == doctest::Approx(cap).epsilon(1e-12));
        CHECK(w.covered_m2[2] == doctest::Approx(box_m2(-180, 180, 11.3, 27.9)).epsilon(1e-12));
        for (std::size_t p = 0; p < 3; ++p)
            CHECK(weight_sum(w, p) == doctest::Approx(1.0).epsilon(1e-12));
        // Every cell of a row holds the same share of the band.
        const std::size_t first = w.first[0];
        CHECK(w.weight[first] == doctest::Approx(w.weight[first + 1]).epsilon(1e-12));
    }
}

TEST_CASE("area weights: a polygon with a hole, multipolygons, orientation") {
    const GridEdges g = grid(-20, 20, -20, 20, 1.0);
    Ring outer = box(0, 10, 0, 10);
    Ring hole = box(2.5, 4.5, 2.5, 4.5);
    std::reverse(hole.begin(), hole.end());
    const Polygon with_hole{outer, {hole}};
    Ring clockwise = box(-10, -5.5, -3.2, 7.7);
    std::reverse(clockwise.begin(), clockwise.end());
    const std::vector<MultiPolygon> polygons{
        {with_hole},
        {{box(-10, -5.5, -3.2, 7.7), {}}},
        {{clockwise, {}}},
        MultiPolygon{Polygon{box(1, 2, 1, 2), {}}, Polygon{box(5, 6, 1, 2), {}}}};
    const AreaWeights w = compute_area_weights(g, polygons);
    const double expected = box_m2(0, 10, 0, 10) - box_m2(2.5, 4.5, 2.5, 4.5);
    CHECK(w.polygon_m2[0] == doctest::Approx(expected).epsilon(1e-12));
    CHECK(overlap_sum(w, 0) == doctest::Approx(expected).epsilon(1e-12));
    for (std::size_t e = w.first[0]; e < w.first[1]; ++e) {
        const std::size_t row = w.cell[e] / g.columns(), col = w.cell[e] % g.columns();
        const double lon = g.lon_edges_deg[col], lat = g.lat_edges_deg[row];
        CHECK_FALSE((lon >= 3 && lon < 4 && lat >= 3 && lat < 4)); // inside the hole: no weight
        if (lon == 2 && lat == 2) // a quarter of this cell is in the hole
            CHECK(w.overlap_m2[e] ==
                  doctest::Approx(box_m2(2, 3, 2, 3) - box_m2(2.5, 3, 2.5, 3)).epsilon(1e-12));
    }
    // Orientation does not matter; parts of a multipolygon add.
    REQUIRE(w.first[2] - w.first[1] == w.first[3] - w.first[2]);
    for (std::size_t k = 0; k < w.first[2] - w.first[1]; ++k)
        CHECK(w.overlap_m2[w.first[1] + k] ==
              doctest::Approx(w.overlap_m2[w.first[2] + k]).epsilon(1e-12));
    CHECK(w.polygon_m2[3] == doctest::Approx(box_m2(1, 2, 1, 2) + box_m2(5, 6, 1, 2)));
    CHECK(weight_sum(w, 3) == doctest::Approx(1.0));
}

TEST_CASE("area weights: a polygon partly off the grid is partly covered") {
    const GridEdges g = grid(0, 10, 0, 10, 0.5);
    const std::vector<MultiPolygon> polygons{{{box(8, 12, 4, 6), {}}}};
    const AreaWeights w = compute_area_weights(g, polygons);
    CHECK(w.covered_m2[0] == doctest::Approx(box_m2(8, 10, 4, 6)).epsilon(1e-12));
    CHECK(w.polygon_m2[0] == doctest::Approx(box_m2(8, 12, 4, 6)).epsilon(1e-12));
    CHECK(weight_sum(w, 0) == doctest::Approx(1.0));
}

namespace {

bool inside(const Ring& ring, double lon, double lat) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LonLat &a = ring[i], &b = ring[j];
        if ((a.lat_deg > lat) != (b.lat_deg > lat) &&
            lon < (b.lon_deg - a.lon_deg) * (lat - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
            in = !in;
    }
    return in;
}

} // namespace

TEST_CASE("area weights: a star-shaped polygon against a numerical integral per cell") {
    // Independent reference: midpoint rule with cos(lat) on a 400 x 400 sub-grid of each cell.
    Ring star;
    for (int k = 0; k < 14; ++k) {
        const double angle = 2 * std::numbers::pi * k / 14;
        const double radius = k % 2 ? 1.3 : 3.1;
        star.push_back({10 + radius * std::cos(angle), 50 + radius * std::sin(angle)});
    }
    const GridEdges g = grid(5, 15, 45, 55, 1.0);
    const AreaWeights w = compute_area_weights(g, {{{star, {}}}});
    CHECK(weight_sum(w, 0) == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(w.covered_m2[0] == doctest::Approx(w.polygon_m2[0]).epsilon(1e-12));
    const int n = 400;
    for (std::size_t e = w.first[0]; e < w.first[1]; ++e) {
        const std::size_t row = w.cell[e] / g.columns(), col = w.cell[e] % g.columns();
        const double lon0 = g.lon_edges_deg[col], lat0 = g.lat_edges_deg[row];
        double integral = 0;
        for (int i = 0; i < n; ++i) {
            const double lat = lat0 + (i + 0.5) / n;
            for (int j = 0; j < n; ++j)
                if (inside(star, lon0 + (j + 0.5) / n, lat)) integral += std::cos(lat * kDeg);
        }
        integral *= kR * kR * (kDeg / n) * (kDeg / n);
        // The sampling error is about perimeter x sub-cell size: 1e-4 of a cell.
        const double cell = box_m2(lon0, lon0 + 1, lat0, lat0 + 1);
        CHECK(std::abs(w.overlap_m2[e] - integral) < 2e-4 * cell);
        CHECK(w.overlap_m2[e] <= cell * (1 + 1e-12));
    }
}
