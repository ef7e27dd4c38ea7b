// The allocation solver against the independent GLPK reference (docs/allocation.md, "What the tests
// compare"): the coverage of every item on 1,000 random basins within 1e-6, plus the water balance
// of every solved day checked from the formulation alone.
//
// RIPARIA_ALLOCATION_SEEDS=first:last (or a single seed) narrows the run when debugging.
#include "allocation_lp_reference.hpp"
#include "allocation_random.hpp"
#include "model/allocation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <doctest/doctest.h>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

using namespace riparia::test;
using riparia::model::AllocationResult;
using riparia::model::AllocationSolver;

namespace {

// Absolute, on coverage. The random instances keep every coverage well conditioned
// (allocation_random.cpp); the reference then agrees with the solver to about 1e-8.
constexpr double kCoverageTolerance = 1e-6;

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

// 2 to 200 nodes, spread over the seeds.
int node_count(std::uint64_t seed) {
    return 2 + static_cast<int>(seed * 7 % 199);
}

// Lines naming each item whose coverages differ; `worst` gets the largest difference.
std::vector<std::string> coverage_mismatches(const RandomAllocationInstance& instance,
                                             const std::vector<double>& solver,
                                             const std::vector<double>& reference, double& worst) {
    std::vector<std::string> lines;
    const std::size_t demands = instance.network.demands.size();
    for (std::size_t i = 0; i < reference.size(); ++i) {
        const double difference = std::abs(solver[i] - reference[i]);
        worst = std::max(worst, difference);
        if (difference <= kCoverageTolerance) continue;
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

// What one instance gave: problems found (empty when it passes) and the time of each side.
struct Outcome {
    std::vector<std::string> balance, mismatches, errors;
    double solver_seconds = 0, reference_seconds = 0;
    bool passed() const { return balance.empty() && mismatches.empty() && errors.empty(); }
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Outcome compare(const RandomAllocationInstance& instance, double& worst) {
    Outcome outcome;
    try {
        auto start = std::chrono::steady_clock::now();
        AllocationSolver solver(instance.network);
        AllocationResult result;
        solver.solve(instance.day, result);
        outcome.solver_seconds = seconds_since(start);
        outcome.balance = balance_violations(instance, result);
        start = std::chrono::steady_clock::now();
        const std::vector<double> reference = reference_coverages(instance.network, instance.day);
        outcome.reference_seconds = seconds_since(start);
        if (result.delivered_m3s.size() == instance.network.demands.size() &&
            result.met_m3s.size() == instance.network.requirements.size())
            outcome.mismatches =
                coverage_mismatches(instance, result_coverages(instance, result), reference, worst);
    } catch (const std::exception& e) {
        outcome.errors.push_back(e.what());
    }
    return outcome;
}

} // namespace

TEST_CASE("allocation solver agrees with the GLPK reference on 1000 random basins") {
    const SeedRange range = seed_range();
    double solver_seconds = 0, reference_seconds = 0, worst = 0;
    int failed = 0;
    for (std::uint64_t seed = range.first; seed <= range.last; ++seed) {
        const RandomAllocationInstance instance = make_random_instance(seed, node_count(seed));
        const Outcome outcome = compare(instance, worst);
        solver_seconds += outcome.solver_seconds;
        reference_seconds += outcome.reference_seconds;
        if (outcome.passed()) continue;
        ++failed;
        INFO("seed " << seed << ", " << node_count(seed) << " nodes");
        INFO("errors:\n" << joined(outcome.errors));
        INFO("balance violations:\n" << joined(outcome.balance));
        INFO("coverage mismatches:\n" << joined(outcome.mismatches));
        // The full dump only for the first few failures, to keep the log readable.
        INFO((failed <= 3 ? describe(instance) : std::string("(dump omitted)")));
        CHECK(outcome.errors.empty());
        CHECK(outcome.balance.empty());
        CHECK(outcome.mismatches.empty());
    }
    CHECK(failed == 0);
    MESSAGE("seeds " << range.first << ".." << range.last << ": solver " << solver_seconds
                     << " s, GLPK reference " << reference_seconds << " s, largest coverage "
                     << "difference " << worst << ", " << failed << " failing");
}
