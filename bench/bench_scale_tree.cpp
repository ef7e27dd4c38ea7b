// Scale: a synthetic continent of river trees (model/synthetic_network.hpp, 1,000,000 sub-basins
// by default) runs a year of GR4J and routing through model::simulate; the goal is under 4 GiB of
// peak memory. Prints the network's shape, the wall time and phase timings, the peak resident
// set (VmHWM) and what it comes to per sub-basin, and one JSON line for bench/collect_results.py.
//   bench_scale_tree [SUBBASINS] [THREADS]     (default 1000000 and every core)
#include "bench/scale_run.hpp"
#include "model/synthetic_network.hpp"

#include <chrono>
#include <fmt/format.h>
#include <string>

namespace {

constexpr double kGoalBytes = 4.0 * 1024 * 1024 * 1024;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    using namespace riparia;
    const std::size_t n = argc > 1 ? std::stoull(argv[1]) : 1'000'000;
    const int threads = argc > 2 ? std::stoi(argv[2]) : omp_get_num_procs();
    const std::size_t rss_before = bench::status_bytes("VmRSS");
    auto start = std::chrono::steady_clock::now();
    const model::Basin basin = model::synthetic_river_basin({n, 0.1, 1});
    const double build_s = seconds_since(start);
    const std::size_t basin_bytes = bench::status_bytes("VmRSS") - rss_before;
    const model::NetworkShape shape = model::network_shape(basin.network);
    const bench::YearRun run = bench::run_one_year(basin, threads);
    const std::size_t peak = bench::status_bytes("VmHWM");
    const double per_subbasin = static_cast<double>(peak - rss_before) / static_cast<double>(n);
    const double days = 365.0 * static_cast<double>(n);
    const auto& t = run.summary.timings;

    fmt::print("scale: synthetic network of {} sub-basins, one year (365 days), {} threads\n", n,
               threads);
    fmt::print("  network: {} trees, largest {} sub-basins, depth max {} mean {:.1f}, at most {} "
               "upstream; built in {:.2f} s, {:.0f} B per sub-basin resident\n",
               shape.trees, shape.largest_tree, shape.max_depth, shape.mean_depth,
               shape.max_upstream, build_s, static_cast<double>(basin_bytes) / double(n));
    fmt::print("  simulate: {:.2f} s, CPU {:.2f} s ({:.1f} M sub-basin-days/s); forcing {:.2f} s, "
               "runoff {:.2f} s, routing {:.2f} s\n",
               run.seconds, run.cpu_seconds, days / run.seconds / 1e6, t.forcing_s, t.runoff_s,
               t.routing_s);
    fmt::print("  model state {} B + parameters {} B per sub-basin\n",
               run.summary.state_bytes_per_subbasin, run.summary.parameter_bytes_per_subbasin);
    fmt::print("  peak resident set {:.2f} GiB ({:.0f} B per sub-basin); goal < 4 GiB: {}\n",
               static_cast<double>(peak) / (1 << 30), per_subbasin,
               static_cast<double>(peak) < kGoalBytes ? "met" : "NOT met");
    fmt::print("  outflow of all basins {:.6e} hm3\n", bench::total_outflow_hm3(run.summary));
    fmt::print(
        "{{\"bench\":\"scale_tree\",\"subbasins\":{},\"threads\":{},\"trees\":{},"
        "\"largest_tree\":{},\"max_depth\":{},\"mean_depth\":{:.2f},\"build_s\":{:.3f},"
        "\"simulate_s\":{:.3f},\"cpu_s\":{:.3f},\"subbasin_days_per_s\":{:.4e},\"runoff_s\":{:.3f},"
        "\"routing_s\":{:.3f},\"forcing_s\":{:.3f},\"basin_bytes_per_subbasin\":{:.1f},"
        "\"peak_rss_bytes\":{},\"peak_bytes_per_subbasin\":{:.1f},"
        "\"goal_peak_bytes\":{:.0f}}}\n",
        n, threads, shape.trees, shape.largest_tree, shape.max_depth, shape.mean_depth, build_s,
        run.seconds, run.cpu_seconds, days / run.seconds, t.runoff_s, t.routing_s, t.forcing_s,
        static_cast<double>(basin_bytes) / double(n), peak, per_subbasin, kGoalBytes);
    return 0;
}
