#include "model/area_weights.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace riparia::model {

namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
constexpr double kR2 = earth_authalic_radius_m * earth_authalic_radius_m;

// Mean of sin(lat) along a segment straight in lon/lat from lat1 to lat2 (radians):
// (cos lat1 - cos lat2) / (lat2 - lat1) = sin(mid) sin(h) / h with h = (lat2 - lat1) / 2,
// written so that it stays exact when lat1 = lat2 (the limit is sin lat1).
double mean_sin_lat(double lat1_rad, double lat2_rad) {
    const double h = 0.5 * (lat2_rad - lat1_rad);
    const double sinc = std::abs(h) < 1e-4 ? 1.0 - h * h / 6.0 : std::sin(h) / h;
    return std::sin(0.5 * (lat1_rad + lat2_rad)) * sinc;
}

// Area / R^2 enclosed by a closed ring, by Green's theorem on the sphere: the area element is
// cos(lat) dlat dlon = d(-sin(lat) dlon), so area = -R^2 * closed integral of sin(lat) dlon, and
// along an edge straight in lon/lat that integral is (lon2 - lon1) * mean_sin_lat(lat1, lat2).
// sin(lat_ref) is subtracted from every edge (the integral of dlon over a closed ring that does
// not wind round a pole is 0) so that small pieces far from the equator keep their precision.
double ring_area_sr(const Ring& ring, double lat_ref_deg) {
    const double sin_ref = std::sin(lat_ref_deg * kRadiansPerDegree);
    double sum = 0;
    const std::size_t n = ring.size();
    for (std::size_t k = 0; k < n; ++k) {
        const LonLat& p = ring[k];
        const LonLat& q = ring[k + 1 == n ? 0 : k + 1];
        if (p.lon_deg == q.lon_deg) continue; // meridians carry no sin(lat) dlon
        const double mean =
            mean_sin_lat(p.lat_deg * kRadiansPerDegree, q.lat_deg * kRadiansPerDegree);
        sum += (q.lon_deg - p.lon_deg) * kRadiansPerDegree * (mean - sin_ref);
    }
    return -sum;
}

double coordinate(const LonLat& p, bool along_lat) {
    return along_lat ? p.lat_deg : p.lon_deg;
}

void append_segment(Ring& piece, const LonLat& s, const LonLat& e) {
    if (piece.empty() || piece.back().lon_deg != s.lon_deg || piece.back().lat_deg != s.lat_deg)
        piece.push_back(s);
    piece.push_back(e);
}

// The point of segment p->q where the coordinate equals `edge` (set exactly, no rounding).
LonLat point_at(const LonLat& p, const LonLat& q, double edge, bool along_lat) {
    const double a = coordinate(p, along_lat), b = coordinate(q, along_lat);
    const double t = (edge - a) / (b - a);
    LonLat r{p.lon_deg + t * (q.lon_deg - p.lon_deg), p.lat_deg + t * (q.lat_deg - p.lat_deg)};
    (along_lat ? r.lat_deg : r.lon_deg) = edge;
    return r;
}

// Sutherland-Hodgman against every strip [edges[k], edges[k+1]] (k in [k0, k1)) in one pass over
// the ring: each edge hands its part inside strip k to pieces[k - k0]. For a strip (two parallel
// clip lines) the clipped ring is exactly the chain of these parts; the closing links between
// consecutive parts run along the strip's boundary lines. Cost O(vertices + crossings).
void split_into_strips(const Ring& ring, const std::vector<double>& edges, std::size_t k0,
                       std::size_t k1, bool along_lat, std::vector<Ring>& pieces) {
    pieces.resize(k1 - k0);
    for (auto& piece : pieces)
        piece.clear();
    const std::size_t n = ring.size();
    for (std::size_t v = 0; v < n; ++v) {
        const LonLat& p = ring[v];
        const LonLat& q = ring[v + 1 == n ? 0 : v + 1];
        const double a = coordinate(p, along_lat), b = coordinate(q, along_lat);
        const double lo = std::min(a, b), hi = std::max(a, b);
        // strips with edges[k] <= hi and edges[k + 1] >= lo
        auto first = std::lower_bound(edges.begin() + k0 + 1, edges.begin() + k1 + 1, lo);
        auto last = std::upper_bound(edges.begin() + k0, edges.begin() + k1, hi);
        const auto k_first = static_cast<std::size_t>(first - edges.begin()) - 1;
        const auto k_last = static_cast<std::size_t>(last - edges.begin()); // exclusive
        for (std::size_t k = k_first; k < k_last; ++k) {
            const double bottom = edges[k], top = edges[k + 1];
            LonLat s = p, e = q;
            if (a != b) {
                if (a < bottom) s = point_at(p, q, bottom, along_lat);
                if (a > top) s = point_at(p, q, top, along_lat);
                if (b < bottom) e = point_at(p, q, bottom, along_lat);
                if (b > top) e = point_at(p, q, top, along_lat);
            }
            append_segment(pieces[k - k0], s, e);
        }
    }
    for (auto& piece : pieces) {
        if (piece.size() > 1 && piece.front().lon_deg == piece.back().lon_deg &&
            piece.front().lat_deg == piece.back().lat_deg)
            piece.pop_back();
    }
}

// Index range [k0, k1) of the strips that overlap [lo, hi]; empty when outside.
std::pair<std::size_t, std::size_t> strip_range(const std::vector<double>& edges, double lo,
                                                double hi) {
    if (edges.size() < 2 || hi < edges.front() || lo > edges.back()) return {0, 0};
    const auto k0 = static_cast<std::size_t>(std::max<std::ptrdiff_t>(
        0, std::upper_bound(edges.begin(), edges.end(), lo) - edges.begin() - 1));
    const auto k1 = std::min<std::size_t>(
        edges.size() - 1,
        static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), hi) - edges.begin()));
    return {std::min(k0, edges.size() - 2), std::max(k1, k0 + 1)};
}

struct Entry {
    std::uint32_t cell;
    double overlap_m2;
};

// Scratch buffers reused across rings (no allocation per cell).
struct Splitter {
    const GridEdges& grid;
    std::vector<Ring> rows, columns;
    std::vector<Entry>& entries;

    // Adds sign * (area of ring inside each cell) to entries.
    void add_ring(const Ring& ring, double sign) {
        double lat_lo = 90, lat_hi = -90;
        for (const auto& p : ring) {
            lat_lo = std::min(lat_lo, p.lat_deg);
            lat_hi = std::max(lat_hi, p.lat_deg);
        }
        const auto [r0, r1] = strip_range(grid.lat_edges_deg, lat_lo, lat_hi);
        if (r0 == r1) return;
        split_into_strips(ring, grid.lat_edges_deg, r0, r1, true, rows);
        for (std::size_t r = r0; r < r1; ++r)
            add_row_piece(rows[r - r0], r, sign);
    }

    void add_row_piece(const Ring& piece, std::size_t row, double sign) {
        if (piece.size() < 3) return;
        double lon_lo = piece.front().lon_deg, lon_hi = lon_lo;
        for (const auto& p : piece) {
            lon_lo = std::min(lon_lo, p.lon_deg);
            lon_hi = std::max(lon_hi, p.lon_deg);
        }
        const auto [c0, c1] = strip_range(grid.lon_edges_deg, lon_lo, lon_hi);
        if (c0 == c1) return;
        split_into_strips(piece, grid.lon_edges_deg, c0, c1, false, columns);
        const double lat_ref = grid.lat_edges_deg[row];
        for (std::size_t c = c0; c < c1; ++c) {
            const Ring& cell_piece = columns[c - c0];
            if (cell_piece.size() < 3) continue;
            const double area = sign * kR2 * ring_area_sr(cell_piece, lat_ref);
            if (area == 0) continue;
            entries.push_back({static_cast<std::uint32_t>(row * grid.columns() + c), area});
        }
    }
};

// Longitude shifts (multiples of 360 deg) that bring part of the ring onto the grid.
std::vector<double> lon_shifts(const Ring& ring, const GridEdges& grid) {
    double lo = ring.front().lon_deg, hi = lo;
    for (const auto& p : ring) {
        lo = std::min(lo, p.lon_deg);
        hi = std::max(hi, p.lon_deg);
    }
    const double g0 = grid.lon_edges_deg.front(), g1 = grid.lon_edges_deg.back();
    std::vector<double> shifts;
    for (auto k = static_cast<long>(std::ceil((g0 - hi) / 360.0));
         k <= static_cast<long>(std::floor((g1 - lo) / 360.0)); ++k)
        shifts.push_back(360.0 * static_cast<double>(k));
    return shifts;
}

void add_ring_all_shifts(Splitter& splitter, const Ring& ring, double sign) {
    if (ring.size() < 3) return;
    const double orientation = ring_area_sr(ring, 0.0) >= 0 ? 1.0 : -1.0;
    Ring shifted(ring.size());
    for (double shift : lon_shifts(ring, splitter.grid)) {
        for (std::size_t k = 0; k < ring.size(); ++k)
            shifted[k] = {ring[k].lon_deg + shift, ring[k].lat_deg};
        splitter.add_ring(shifted, sign * orientation);
    }
}

// Sorts by cell, sums duplicates, drops what is below rounding (holes cancel exteriors).
void merge_entries(std::vector<Entry>& entries, const GridEdges& grid) {
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.cell < b.cell; });
    std::vector<Entry> merged;
    for (const Entry& e : entries) {
        if (!merged.empty() && merged.back().cell == e.cell)
            merged.back().overlap_m2 += e.overlap_m2;
        else
            merged.push_back(e);
    }
    entries.clear();
    const std::size_t nc = grid.columns();
    for (const Entry& e : merged) {
        const std::size_t row = e.cell / nc, col = e.cell % nc;
        const double cell_m2 = cell_area_m2(grid.lon_edges_deg[col], grid.lon_edges_deg[col + 1],
                                            grid.lat_edges_deg[row], grid.lat_edges_deg[row + 1]);
        if (e.overlap_m2 > 1e-9 * cell_m2) entries.push_back(e);
    }
}

} // namespace

double ring_area_m2(const Ring& ring) {
    return kR2 * ring_area_sr(ring, 0.0);
}

double polygon_area_m2(const Polygon& polygon) {
    double area = std::abs(ring_area_m2(polygon.exterior));
    for (const Ring& hole : polygon.holes)
        area -= std::abs(ring_area_m2(hole));
    return area;
}

double cell_area_m2(double lon1_deg, double lon2_deg, double lat1_deg, double lat2_deg) {
    return kR2 * (lon2_deg - lon1_deg) * kRadiansPerDegree *
           (std::sin(lat2_deg * kRadiansPerDegree) - std::sin(lat1_deg * kRadiansPerDegree));
}

AreaWeights compute_area_weights(const GridEdges& grid, const std::vector<MultiPolygon>& polygons) {
    AreaWeights w;
    w.columns = grid.columns();
    w.rows = grid.rows();
    w.first.push_back(0);
    std::vector<Entry> entries;
    Splitter splitter{grid, {}, {}, entries};
    for (const MultiPolygon& multi : polygons) {
        entries.clear();
        double polygon_m2 = 0;
        for (const Polygon& part : multi) {
            polygon_m2 += polygon_area_m2(part);
            add_ring_all_shifts(splitter, part.exterior, 1.0);
            for (const Ring& hole : part.holes)
                add_ring_all_shifts(splitter, hole, -1.0);
        }
        if (w.columns > 0 && w.rows > 0) merge_entries(entries, grid);
        double covered_m2 = 0;
        for (const Entry& e : entries)
            covered_m2 += e.overlap_m2;
        for (const Entry& e : entries) {
            w.cell.push_back(e.cell);
            w.overlap_m2.push_back(e.overlap_m2);
            w.weight.push_back(e.overlap_m2 / covered_m2);
        }
        w.first.push_back(w.cell.size());
        w.polygon_m2.push_back(polygon_m2);
        w.covered_m2.push_back(covered_m2);
    }
    return w;
}

} // namespace riparia::model
