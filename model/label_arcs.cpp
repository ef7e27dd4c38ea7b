#include "model/label_arcs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <utility>

namespace riparia::model {

namespace {

// A cell corner: column edge i (0 .. cols) and row edge j (0 .. rows) of the raster.
using Corner = std::pair<long, long>;
using Arc = std::vector<Corner>;

Corner corner_of(const GridGeometry& g, const LonLat& p) {
    return {std::lround((p.lon_deg - g.lon0_deg) / g.dlon_deg + 0.5),
            std::lround((p.lat_deg - g.lat0_deg) / g.dlat_deg + 0.5)};
}

LonLat lonlat_of(const GridGeometry& g, const Corner& c) {
    return {g.lon0_deg + (double(c.first) - 0.5) * g.dlon_deg,
            g.lat0_deg + (double(c.second) - 0.5) * g.dlat_deg};
}

std::int32_t label_at(const Raster<std::int32_t>& r, long row, long col) {
    if (row < 0 || col < 0 || row >= long(r.grid.rows) || col >= long(r.grid.cols)) return -1;
    return r.at(std::size_t(row), std::size_t(col));
}

// Where arcs end: three or more labels meet, two meet diagonally, or the outside touches.
bool is_node(const Raster<std::int32_t>& r, const Corner& c) {
    const auto [i, j] = c;
    const std::int32_t a = label_at(r, j - 1, i - 1), b = label_at(r, j - 1, i),
                       d = label_at(r, j, i - 1), e = label_at(r, j, i);
    if (a < 0 || b < 0 || d < 0 || e < 0) return true;
    const std::set<std::int32_t> distinct{a, b, d, e};
    return distinct.size() >= 3 || (distinct.size() == 2 && a == e && b == d);
}

// Every corner along the ring's axis-parallel edges, without the closing repetition.
Arc densified(const GridGeometry& g, const Ring& ring) {
    Arc out;
    for (std::size_t k = 0; k < ring.size(); ++k) {
        const Corner a = corner_of(g, ring[k]), b = corner_of(g, ring[(k + 1) % ring.size()]);
        const long steps = std::max(std::abs(b.first - a.first), std::abs(b.second - a.second));
        for (long s = 0; s < steps; ++s)
            out.push_back({a.first + (b.first - a.first) * s / steps,
                           a.second + (b.second - a.second) * s / steps});
    }
    return out;
}

double distance_to_segment(const Corner& p, const Corner& a, const Corner& b) {
    const double dx = double(b.first - a.first), dy = double(b.second - a.second);
    const double px = double(p.first - a.first), py = double(p.second - a.second);
    const double length2 = dx * dx + dy * dy;
    if (length2 == 0) return std::hypot(px, py);
    const double t = std::clamp((px * dx + py * dy) / length2, 0.0, 1.0);
    return std::hypot(px - t * dx, py - t * dy);
}

void douglas_peucker(const Arc& arc, std::size_t first, std::size_t last, double tolerance,
                     std::vector<bool>& keep) {
    if (last <= first + 1) return;
    std::size_t farthest = first;
    double worst = -1;
    for (std::size_t k = first + 1; k < last; ++k)
        if (const double d = distance_to_segment(arc[k], arc[first], arc[last]); d > worst)
            worst = d, farthest = k;
    if (worst <= tolerance) return;
    keep[farthest] = true;
    douglas_peucker(arc, first, farthest, tolerance, keep);
    douglas_peucker(arc, farthest, last, tolerance, keep);
}

// The arc simplified the same way whichever side traces it: walked from its smaller end (a loop,
// from its end toward the smaller neighbour), with ties of distance going to the first vertex.
Arc simplified(Arc arc, double tolerance) {
    const bool loop = arc.front() == arc.back();
    const bool reverse = loop ? arc[arc.size() - 2] < arc[1] : arc.back() < arc.front();
    if (reverse) std::reverse(arc.begin(), arc.end());
    std::vector<bool> keep(arc.size(), false);
    keep.front() = keep.back() = true;
    douglas_peucker(arc, 0, arc.size() - 1, tolerance, keep);
    Arc out;
    for (std::size_t k = 0; k < arc.size(); ++k)
        if (keep[k]) out.push_back(arc[k]);
    if (reverse) std::reverse(out.begin(), out.end());
    return out;
}

// Whether b lies on the straight line through a and c (exact on the integer corners): such a
// vertex is dropped, the line is unchanged.
bool collinear(const Corner& a, const Corner& b, const Corner& c) {
    return (b.first - a.first) * (c.second - a.second) ==
           (b.second - a.second) * (c.first - a.first);
}

Ring simplify_ring(const Raster<std::int32_t>& labels, const Ring& ring, double tolerance) {
    Arc corners = densified(labels.grid, ring);
    if (corners.size() < 3) return ring;
    // Start at a node; a ring without one (an island in one other label) starts at its least
    // corner, which both sides find.
    std::size_t start = 0;
    while (start < corners.size() && !is_node(labels, corners[start]))
        ++start;
    if (start == corners.size())
        start = std::size_t(std::min_element(corners.begin(), corners.end()) - corners.begin());
    std::rotate(corners.begin(), corners.begin() + long(start), corners.end());
    corners.push_back(corners.front());
    Arc kept{corners.front()};
    std::size_t from = 0;
    for (std::size_t k = 1; k < corners.size(); ++k) {
        if (k + 1 < corners.size() && !is_node(labels, corners[k])) continue;
        const Arc piece =
            simplified(Arc(corners.begin() + long(from), corners.begin() + long(k) + 1), tolerance);
        kept.insert(kept.end(), piece.begin() + 1, piece.end());
        from = k;
    }
    kept.pop_back(); // the closing repetition
    Ring out;
    for (std::size_t k = 0; k < kept.size(); ++k)
        if (!collinear(kept[(k + kept.size() - 1) % kept.size()], kept[k],
                       kept[(k + 1) % kept.size()]))
            out.push_back(lonlat_of(labels.grid, kept[k]));
    return out;
}

} // namespace

MultiPolygon simplify_label_polygon(const Raster<std::int32_t>& labels, const MultiPolygon& polygon,
                                    double tolerance_cells) {
    MultiPolygon out;
    for (const Polygon& part : polygon) {
        Polygon p{simplify_ring(labels, part.exterior, tolerance_cells), {}};
        for (const Ring& hole : part.holes)
            p.holes.push_back(simplify_ring(labels, hole, tolerance_cells));
        if (p.exterior.size() >= 3) out.push_back(std::move(p));
    }
    return out;
}

} // namespace riparia::model
