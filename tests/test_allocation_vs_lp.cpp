// The allocation solver against the independent GLPK reference (docs/allocation.md, "What the
// tests compare"): the coverage of every item on 1,000 random basins, plus the water balance of
// every solved day checked from the formulation alone.
//
// RIPARIA_ALLOCATION_SEEDS=first:last (or a single seed) narrows the run when debugging.
#include "allocation_lp_reference.hpp"
#include "allocation_random.hpp"
#include "model/allocation.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace riparia::test;
using riparia::model::AllocationResult;
using riparia::model::AllocationSolver;

namespace {

constexpr double kCoverageTolerance = 1e-6; // absolute, on coverage
// GLPK checks feasibility to a relative 1e-9 of each row's bounds (storages of 1e3 m3/s x day),
// so allocations are compared to 1e-6 of the day's water (inflows and storages).
constexpr double kWaterTolerance = 1e-6;

struct SeedRange {
    std::uint64_t first = 1, last = 1000;
};

SeedRange seed_range() {
    SeedRange range;
    if (const char* text = std::getenv("RIPARIA_ALLOCATION_SEEDS")) {
        const std::string s(text);
        const auto colon = s.find(':');
        range.first = std::stoull(s.substr(0, colon));
        range.last = colon == std::string::npos ? range.first : std::stoull(s.substr(colon + 1));
    }
    return range;
}

int node_count(std::uint64_t seed) {
    return 2 + static_cast<int>(seed * 7 % 199);
}

// Lines naming each item whose coverages differ.
std::vector<std::string> coverage_mismatches(const RandomAllocationInstance& instance,
                                             const std::vector<double>& solver,
                                             const std::vector<double>& reference) {
    std::vector<std::string> lines;
    const std::size_t demands = instance.network.demands.size();
    // Water allocated to an item: its coverage times its request (demand) or required flow.
    const auto& day = instance.day;
    double water = 0; // the day's water: inflows and storages, m3/s (x day)
    for (double q : day.inflow_m3s) water += q;
    for (double s : day.storage) water += s;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        const double amount = i < demands ? day.request_m3s[i] : day.required_m3s[i - demands];
        const double difference = std::abs(solver[i] - reference[i]) * amount;
        // Within 1e-6 of the day's water, or 1e-6 on the coverage itself.
        if (difference <= kWaterTolerance * water ||
            std::abs(solver[i] - reference[i]) <= kCoverageTolerance)
            continue;
        std::ostringstream out;
        out.precision(12);
        if (i < demands)
            out << "demand " << i;
        else
            out << "requirement " << i - demands;
        out << ": solver " << solver[i] << ", reference " << reference[i];
        lines.push_back(out.str());
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines)
        text += "  " + line + "\n";
    return text;
}

} // namespace

TEST_CASE("allocation solver agrees with the GLPK reference on 1000 random basins") {
    const SeedRange range = seed_range();
    double solver_seconds = 0, reference_seconds = 0;
    int failed = 0;
    std::vector<std::string> unsolved; // instances GLPK itself could not solve
    for (std::uint64_t seed = range.first; seed <= range.last; ++seed) {
        const RandomAllocationInstance instance = make_random_instance(seed, node_count(seed));
        const auto t0 = std::chrono::steady_clock::now();
        AllocationSolver solver(instance.network);
        AllocationResult result;
        solver.solve(instance.day, result);
        const auto t1 = std::chrono::steady_clock::now();
        std::vector<double> reference;
        try {
            reference = reference_coverages(instance.network, instance.day);
        } catch (const std::exception& e) {
            unsolved.push_back("seed " + std::to_string(seed) + ": " + e.what());
            continue;
        }
        const auto t2 = std::chrono::steady_clock::now();
        solver_seconds += std::chrono::duration<double>(t1 - t0).count();
        reference_seconds += std::chrono::duration<double>(t2 - t1).count();

        const auto balance = balance_violations(instance, result);
        std::vector<std::string> mismatches;
        if (balance.empty() || result.delivered_m3s.size() == instance.network.demands.size())
            mismatches =
                coverage_mismatches(instance, result_coverages(instance, result), reference);
        if (balance.empty() && mismatches.empty()) continue;
        ++failed;
        INFO("seed " << seed << ", " << node_count(seed) << " nodes");
        INFO("balance violations:\n" << joined(balance));
        INFO("coverage mismatches:\n" << joined(mismatches));
        // The full dump only for the first few failures, to keep the log readable.
        INFO((failed <= 3 ? describe(instance) : std::string("(dump omitted)")));
        CHECK(balance.empty());
        CHECK(mismatches.empty());
    }
    // GLPK's simplex and branch and bound give up on a few of these (numerically hard) MIPs; the
    // comparison stands on the rest, and the count of those is bounded here.
    INFO("instances the reference could not solve:\n" << joined(unsolved));
    CHECK(unsolved.size() <= (range.last - range.first + 1) / 200);
    MESSAGE("seeds " << range.first << ".." << range.last << ": solver " << solver_seconds
                     << " s, GLPK reference " << reference_seconds << " s, " << failed
                     << " failing, " << unsolved.size() << " not solved by GLPK");
}
