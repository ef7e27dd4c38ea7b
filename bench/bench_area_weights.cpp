// Area weights of a 0.5 degree global grid (720 x 360) over the 310 international river basins
// (TFDD, ../shared/data/tfdd/basins310.geojson, keyed by BCODE): model/area_weights.hpp against
// a straightforward baseline measured in the same run, an OGR/GEOS Intersects + Intersection
// per candidate cell (cells of each basin's bounding box), timed on a sample of 10 basins and
// extrapolated to all 310 by candidate cells. Usage: bench_area_weights [basins.geojson]
#include "io/polygons.hpp"
#include "model/area_weights.hpp"

#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

struct Basins {
    std::vector<std::string> ids;
    std::vector<std::unique_ptr<OGRGeometry>> geometries;
};

Basins read_basins(const std::string& path) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset, DatasetCloser> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error(path + ": cannot open");
    Basins b;
    for (const auto& feature : *ds->GetLayer(0)) {
        if (!feature->GetGeometryRef()) continue;
        b.ids.emplace_back(feature->GetFieldAsString("BCODE"));
        b.geometries.emplace_back(feature->GetGeometryRef()->clone());
    }
    return b;
}

// Candidate cells: those of the geometry's bounding box on a grid of `step` degrees.
std::size_t candidate_cells(const OGRGeometry& g, double step) {
    OGREnvelope e;
    g.getEnvelope(&e);
    const double cols = std::ceil((e.MaxX + 180) / step) - std::floor((e.MinX + 180) / step);
    const double rows = std::ceil((e.MaxY + 90) / step) - std::floor((e.MinY + 90) / step);
    return static_cast<std::size_t>(cols * rows);
}

// The baseline: one GEOS intersection per candidate cell that intersects the basin.
double geos_weights(const OGRGeometry& g, double step, double& sink) {
    OGREnvelope e;
    g.getEnvelope(&e);
    for (double lat = std::floor((e.MinY + 90) / step) * step - 90; lat < e.MaxY; lat += step) {
        for (double lon = std::floor((e.MinX + 180) / step) * step - 180; lon < e.MaxX;
             lon += step) {
            OGRLinearRing ring;
            ring.addPoint(lon, lat);
            ring.addPoint(lon + step, lat);
            ring.addPoint(lon + step, lat + step);
            ring.addPoint(lon, lat + step);
            ring.closeRings();
            OGRPolygon cell;
            cell.addRing(&ring);
            if (!g.Intersects(&cell)) continue;
            std::unique_ptr<OGRGeometry> piece(g.Intersection(&cell));
            if (piece) sink += OGR_G_Area(OGRGeometry::ToHandle(piece.get()));
        }
    }
    return sink;
}

} // namespace

int main(int argc, char** argv) {
    namespace model = riparia::model;
    const std::string path =
        argc > 1 ? argv[1] : std::string(RIPARIA_SHARED_DATA) + "/tfdd/basins310.geojson";
    const double step = 0.5;
    CPLSetErrorHandler(CPLQuietErrorHandler);
    const Basins basins = read_basins(path);
    const std::vector<model::MultiPolygon> polygons =
        riparia::io::read_subbasin_polygons(path, "BCODE", basins.ids);
    std::size_t candidates = 0;
    for (const auto& g : basins.geometries)
        candidates += candidate_cells(*g, step);

    model::GridEdges grid;
    for (int k = 0; k <= 720; ++k)
        grid.lon_edges_deg.push_back(-180 + step * k);
    for (int k = 0; k <= 360; ++k)
        grid.lat_edges_deg.push_back(-90 + step * k);
    double ours_s = 1e300;
    model::AreaWeights w;
    for (int repeat = 0; repeat < 3; ++repeat) {
        const auto start = Clock::now();
        w = model::compute_area_weights(grid, polygons);
        ours_s = std::min(ours_s, seconds_since(start));
    }
    double worst_coverage = 1;
    for (std::size_t p = 0; p < w.polygons(); ++p)
        worst_coverage = std::min(worst_coverage, w.covered_m2[p] / w.polygon_m2[p]);

    // Baseline on every 31st basin (10 of 310), extrapolated by candidate cells.
    std::size_t sample_candidates = 0;
    double sink = 0;
    const auto start = Clock::now();
    for (std::size_t k = 0; k < basins.geometries.size(); k += 31) {
        sample_candidates += candidate_cells(*basins.geometries[k], step);
        geos_weights(*basins.geometries[k], step, sink);
    }
    const double sample_s = seconds_since(start);
    const double baseline_s =
        sample_s * static_cast<double>(candidates) / static_cast<double>(sample_candidates);

    fmt::print("area weights, 0.5 deg global grid (720 x 360) x {} basins ({} candidate cells, "
               "{} weighted cells)\n",
               polygons.size(), candidates, w.cell.size());
    fmt::print("  ours (strip clipping + Green's theorem on the sphere): {:.3f} s, {:.3g} "
               "candidate cells/s, {:.3g} grid cells/s; worst coverage {:.6f}\n",
               ours_s, static_cast<double>(candidates) / ours_s, 720.0 * 360 / ours_s,
               worst_coverage);
    fmt::print("  baseline (OGR/GEOS Intersects + Intersection per candidate cell): {:.3f} s for "
               "{} candidate cells of 10 basins -> {:.1f} s extrapolated to all {} "
               "({:.3g} candidate cells/s) [checksum {:.3g}]\n",
               sample_s, sample_candidates, baseline_s, polygons.size(),
               static_cast<double>(sample_candidates) / sample_s, sink);
    fmt::print("  ratio baseline / ours: {:.0f}x; goal < 10 s for all 310: {}\n",
               baseline_s / ours_s, ours_s < 10 ? "met" : "NOT met");
    fmt::print("{{\"bench\":\"area_weights\",\"basins\":{},\"seconds\":{:.4f},"
               "\"candidate_cells_per_s\":{:.4e},\"geos_seconds_extrapolated\":{:.3f},"
               "\"ratio_vs_geos\":{:.1f},\"worst_coverage\":{:.6f}}}\n",
               polygons.size(), ours_s, static_cast<double>(candidates) / ours_s, baseline_s,
               baseline_s / ours_s, worst_coverage);
    return 0;
}
