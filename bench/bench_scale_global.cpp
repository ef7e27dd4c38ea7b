// Scale: a global 0.5 deg network, one sub-basin per land cell, derived from ETOPO5 with the
// delineation's own steps (model/dem_sea, dem_fill: sea mask, priority-flood, D8), Antarctica
// left out as in the 0.5 deg land masks of global hydrology (CRU TS: 67,420 cells). Runs a year
// of GR4J and routing through model::simulate on 1 and on 2 threads (best of 3 each); the goal
// is under a second on 2 cores. Prints the ratio and one JSON line for bench/collect_results.py.
//   bench_scale_global [DEM]     (default: ETOPO5 of Debian's ferret-datasets)
#include "bench/scale_run.hpp"
#include "io/dem_reader.hpp"
#include "model/dem_sea.hpp"
#include "model/synthetic_network.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <string>

namespace {

using namespace riparia;

constexpr double kCellDeg = 0.5;
constexpr double kSouthernLimitDeg = -60; // Antarctica is not part of the network
constexpr double kInlandSinkMinKm2 = 500; // as `riparia delineate`: Dead Sea-sized and larger
constexpr int kRepeats = 3;

// Mean elevation of each block of factor x factor cells (NaN when all are missing).
model::Raster<float> coarsen(const model::Raster<float>& dem, std::size_t factor) {
    model::Raster<float> out;
    out.grid = dem.grid;
    out.grid.rows = dem.grid.rows / factor;
    out.grid.cols = dem.grid.cols / factor;
    out.grid.dlat_deg *= double(factor);
    out.grid.dlon_deg *= double(factor);
    out.grid.lat0_deg += dem.grid.dlat_deg * double(factor - 1) / 2;
    out.grid.lon0_deg += dem.grid.dlon_deg * double(factor - 1) / 2;
    out.values.assign(out.grid.cells(), NAN);
    for (std::size_t r = 0; r < out.grid.rows; ++r)
        for (std::size_t c = 0; c < out.grid.cols; ++c) {
            double sum = 0;
            int count = 0;
            for (std::size_t i = 0; i < factor; ++i)
                for (std::size_t j = 0; j < factor; ++j) {
                    const float z = dem.at(r * factor + i, c * factor + j);
                    if (std::isfinite(z)) sum += z, ++count;
                }
            if (count > 0 && out.grid.lat_deg(r) >= kSouthernLimitDeg)
                out.at(r, c) = static_cast<float>(sum / count);
        }
    return out;
}

model::FlowGrid land_flow(const model::Raster<float>& dem) {
    const auto sea = model::sea_mask(dem, 0.0f);
    const auto land = model::land_outside_sea(dem, sea, 0.0f, kInlandSinkMinKm2);
    return model::d8_directions(dem, model::priority_flood(dem, land), land);
}

struct Best {
    double seconds = 1e300, cpu_seconds = 1e300, outflow_hm3 = 0;
};

Best best_of(const model::Basin& basin, int threads) {
    Best best;
    for (int k = 0; k < kRepeats; ++k) {
        const bench::YearRun run = bench::run_one_year(basin, threads);
        const auto& t = run.summary.timings;
        fmt::print("  {} thread(s): {:.3f} s, CPU {:.3f} s (forcing {:.3f}, PET and snow {:.3f}, "
                   "runoff {:.3f}, routing {:.3f})\n",
                   threads, run.seconds, run.cpu_seconds, t.forcing_s, t.pet_snow_s, t.runoff_s,
                   t.routing_s);
        best.seconds = std::min(best.seconds, run.seconds);
        best.cpu_seconds = std::min(best.cpu_seconds, run.cpu_seconds);
        best.outflow_hm3 = bench::total_outflow_hm3(run.summary);
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : io::default_dem_path;
    const model::Raster<float> dem = io::read_dem(path);
    const auto factor =
        static_cast<std::size_t>(std::lround(kCellDeg / std::abs(dem.grid.dlat_deg)));
    const model::Basin basin = model::basin_from_flow_grid(land_flow(coarsen(dem, factor)), 1);
    const model::NetworkShape shape = model::network_shape(basin.network);
    const std::size_t n = basin.subbasins.size();
    const Best one = best_of(basin, 1), two = best_of(basin, 2);
    const std::size_t peak = bench::status_bytes("VmHWM");
    const double days = 365.0 * static_cast<double>(n);
    const double ratio = one.seconds / two.seconds;
    const bool identical = one.outflow_hm3 == two.outflow_hm3;

    fmt::print("scale: 0.5 deg land cells of {} (south of 60 S left out), one year\n", path);
    fmt::print("  network: {} cells, {} basins, largest {} cells, depth max {} mean {:.1f}\n", n,
               shape.trees, shape.largest_tree, shape.max_depth, shape.mean_depth);
    fmt::print("  simulate, best of {}: 1 thread {:.3f} s (CPU {:.3f} s), 2 threads {:.3f} s "
               "(CPU {:.3f} s), ratio {:.2f}x ({:.1f} M cell-days/s); goal < 1 s on 2 cores: {}\n",
               kRepeats, one.seconds, one.cpu_seconds, two.seconds, two.cpu_seconds, ratio,
               days / two.seconds / 1e6, two.seconds < 1.0 ? "met" : "NOT met");
    fmt::print("  outflow of all basins {:.6e} hm3 (1 thread) {:.6e} (2 threads){}\n",
               one.outflow_hm3, two.outflow_hm3, identical ? ", identical" : ", DIFFERENT");
    fmt::print("  peak resident set {:.0f} MiB\n", static_cast<double>(peak) / (1 << 20));
    fmt::print("{{\"bench\":\"scale_global\",\"cells\":{},\"basins\":{},\"largest_basin\":{},"
               "\"max_depth\":{},\"simulate_1t_s\":{:.4f},\"simulate_2t_s\":{:.4f},"
               "\"cpu_1t_s\":{:.4f},\"cpu_2t_s\":{:.4f},\"ratio_2t_vs_1t\":{:.3f},"
               "\"cell_days_per_s_2t\":{:.4e},\"identical\":{},\"peak_rss_bytes\":{},"
               "\"goal_s\":1.0}}\n",
               n, shape.trees, shape.largest_tree, shape.max_depth, one.seconds, two.seconds,
               one.cpu_seconds, two.cpu_seconds, ratio, days / two.seconds, identical, peak);
    return 0;
}
