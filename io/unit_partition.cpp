#include "io/unit_partition.hpp"

#include "io/polygonize.hpp"
#include "model/area_weights.hpp"
#include "model/label_arcs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace riparia::io {

namespace {

// The grid of `cell_deg` cells, aligned on multiples of it, that covers the envelope.
model::GridEdges covering_grid(const OGRGeometry& unit, double cell_deg) {
    OGREnvelope e;
    unit.getEnvelope(&e);
    model::GridEdges g;
    const long west = std::lround(std::floor(e.MinX / cell_deg)),
               east = std::lround(std::ceil(e.MaxX / cell_deg));
    const long south = std::lround(std::floor(e.MinY / cell_deg)),
               north = std::lround(std::ceil(e.MaxY / cell_deg));
    for (long k = west; k <= std::max(east, west + 1); ++k)
        g.lon_edges_deg.push_back(double(k) * cell_deg);
    for (long k = south; k <= std::max(north, south + 1); ++k)
        g.lat_edges_deg.push_back(std::clamp(double(k) * cell_deg, -90.0, 90.0));
    return g;
}

// The label raster of the grid, north up, -1 where the unit has no area.
model::Raster<std::int32_t> label_raster(const model::GridEdges& g) {
    model::Raster<std::int32_t> r;
    const double cell_lon = g.lon_edges_deg[1] - g.lon_edges_deg[0];
    const double cell_lat = g.lat_edges_deg[1] - g.lat_edges_deg[0];
    r.grid = {g.rows(),
              g.columns(),
              g.lon_edges_deg.front() + 0.5 * cell_lon,
              g.lat_edges_deg.back() - 0.5 * cell_lat,
              cell_lon,
              -cell_lat,
              false};
    r.values.assign(r.grid.cells(), -1);
    return r;
}

std::unique_ptr<OGRMultiPolygon> to_ogr(const model::MultiPolygon& polygons) {
    auto out = std::make_unique<OGRMultiPolygon>();
    const auto ring = [](const model::Ring& points) {
        auto r = std::make_unique<OGRLinearRing>();
        for (const auto& p : points)
            r->addPoint(p.lon_deg, p.lat_deg);
        r->closeRings();
        return r;
    };
    for (const auto& part : polygons) {
        OGRPolygon p;
        p.addRingDirectly(ring(part.exterior).release());
        for (const auto& hole : part.holes)
            p.addRingDirectly(ring(hole).release());
        out->addGeometry(&p);
    }
    return out;
}

// The polygonal parts of a geometry as one multipolygon (an intersection may add lines or
// points where pieces touch).
std::unique_ptr<OGRMultiPolygon> polygonal(const OGRGeometry& g) {
    auto out = std::make_unique<OGRMultiPolygon>();
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon) out->addGeometry(&g);
    if (type == wkbMultiPolygon || type == wkbGeometryCollection)
        for (const OGRGeometry* part : *g.toGeometryCollection()) {
            const auto polygons = polygonal(*part);
            for (const OGRPolygon* p : *polygons)
                out->addGeometry(p);
        }
    return out;
}

void round_vertices(OGRGeometry& g, double step) {
    struct Rounder : OGRDefaultGeometryVisitor {
        double step = 1;
        void visit(OGRPoint* p) override {
            p->setX(std::round(p->getX() / step) * step);
            p->setY(std::round(p->getY() / step) * step);
        }
        using OGRDefaultGeometryVisitor::visit;
    } rounder;
    rounder.step = step;
    g.accept(&rounder);
}

// The cells' polygon of one label, smoothed, made valid and clipped to the unit.
std::unique_ptr<OGRMultiPolygon> clipped_piece(const model::Raster<std::int32_t>& labels,
                                               const OGRMultiPolygon& cells,
                                               const OGRGeometry& unit,
                                               const UnitPartitionOptions& options) {
    std::unique_ptr<OGRGeometry> smooth = to_ogr(
        model::simplify_label_polygon(labels, to_multipolygon(cells), options.simplify_cells));
    if (!smooth->IsValid()) smooth.reset(smooth->MakeValid());
    if (!smooth) throw std::runtime_error("a sub-basin's cells could not be made valid");
    std::unique_ptr<OGRGeometry> clip(unit.Intersection(smooth.get()));
    if (!clip) throw std::runtime_error("clipping a sub-basin to its unit failed");
    auto out = polygonal(*clip);
    if (options.coordinate_step_deg > 0) round_vertices(*out, options.coordinate_step_deg);
    return out;
}

} // namespace

UnitPartition partition_unit(const OGRGeometry& unit,
                             const std::vector<model::PartitionSite>& sites,
                             const UnitPartitionOptions& options) {
    const model::GridEdges grid = covering_grid(unit, options.cell_deg);
    const auto weights = model::compute_area_weights(grid, {to_multipolygon(unit)});
    std::vector<model::PartitionCell> cells;
    for (std::size_t k = 0; k < weights.cell.size(); ++k) {
        const std::size_t row = weights.cell[k] / grid.columns(),
                          col = weights.cell[k] % grid.columns();
        cells.push_back({0.5 * (grid.lat_edges_deg[row] + grid.lat_edges_deg[row + 1]),
                         0.5 * (grid.lon_edges_deg[col] + grid.lon_edges_deg[col + 1]),
                         weights.overlap_m2[k] * 1e-6});
    }
    UnitPartition out;
    out.cell_count = cells.size();
    out.cells = model::weighted_partition(cells, sites);
    model::Raster<std::int32_t> labels = label_raster(grid);
    for (std::size_t k = 0; k < weights.cell.size(); ++k) {
        const std::size_t row = weights.cell[k] / grid.columns(),
                          col = weights.cell[k] % grid.columns();
        labels.at(labels.grid.rows - 1 - row, col) = out.cells.site[k];
    }
    for (const auto& cells_of_site : polygonize_labels(labels, sites.size()))
        out.pieces.push_back(clipped_piece(labels, *cells_of_site, unit, options));
    return out;
}

} // namespace riparia::io
