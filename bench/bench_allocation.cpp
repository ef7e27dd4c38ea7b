// The daily allocation: riparia's solver against GLPK solving the same lexicographic problem
// (tests/allocation_lp_reference.*, formulated independently from docs/allocation.md), on random
// 150-node basins (about 250 arcs with demands, returns and reservoirs), in the same run.
#include "model/allocation.hpp"
#include "tests/allocation_lp_reference.hpp"
#include "tests/allocation_random.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace riparia::model;
using namespace riparia::test;
using Clock = std::chrono::steady_clock;

int main() {
    constexpr int kNodes = 150, kInstances = 40, kRepeats = 50;
    std::vector<RandomAllocationInstance> instances;
    std::size_t arcs = 0, demands = 0, reservoirs = 0;
    for (int seed = 1; seed <= kInstances; ++seed) {
        instances.push_back(make_random_instance(static_cast<std::uint64_t>(seed), kNodes, 8));
        const auto& n = instances.back().network;
        arcs += kNodes - 1 + n.demands.size();
        demands += n.demands.size();
        reservoirs += n.reservoirs.size();
    }
    double ours = 0, reference = 0, worst = 0;
    for (const auto& instance : instances) {
        AllocationSolver solver(instance.network);
        AllocationResult result;
        const auto t0 = Clock::now();
        for (int r = 0; r < kRepeats; ++r)
            solver.solve(instance.day, result);
        const auto t1 = Clock::now();
        std::vector<double> coverage;
        try {
            coverage = reference_coverages(instance.network, instance.day);
        } catch (const std::exception&) {
            continue;
        }
        const auto t2 = Clock::now();
        ours += std::chrono::duration<double>(t1 - t0).count() / kRepeats;
        reference += std::chrono::duration<double>(t2 - t1).count();
        for (std::size_t j = 0; j < instance.network.demands.size(); ++j) {
            const double request = instance.day.request_m3s[j];
            if (request > 0) {
                worst = std::max(worst, std::fabs(result.delivered_m3s[j] / request - coverage[j]));
            }
        }
    }
    std::printf("daily allocation, %d random basins of %d nodes (mean %zu arcs incl. withdrawals, "
                "%zu demands, %zu reservoirs)\n",
                kInstances, kNodes, arcs / kInstances, demands / kInstances,
                reservoirs / kInstances);
    std::printf("  riparia solver : %10.1f steps/s (%.1f us/step)\n", kInstances / ours,
                1e6 * ours / kInstances);
    std::printf("  GLPK reference : %10.1f steps/s (%.1f us/step)\n", kInstances / reference,
                1e6 * reference / kInstances);
    std::printf("  ratio          : %10.1f x GLPK\n", reference / ours);
    std::printf("  largest coverage difference: %.2e\n", worst);
    std::printf("  reference: the best-known open-source LP-based tool reports 2,200 steps/s; "
                "goal >= 100,000 steps/s and >= 50 x GLPK\n");
    std::printf("{\"bench\":\"allocation\",\"instances\":%d,\"nodes\":%d,\"steps_per_s\":%.1f,"
                "\"glpk_steps_per_s\":%.2f,\"ratio_vs_glpk\":%.2f,\"max_coverage_diff\":%.2e}\n",
                kInstances, kNodes, kInstances / ours, kInstances / reference, reference / ours,
                worst);
    return 0;
}
