// Small allocation problems with answers worked out by hand (docs/allocation.md): they test the
// GLPK reference itself, and the solver against the same answers.
#include "allocation_lp_reference.hpp"
#include "allocation_random.hpp"
#include "model/allocation.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <vector>

using namespace riparia::test;
using riparia::model::AllocationNetwork;
using riparia::model::AllocationResult;
using riparia::model::AllocationSolver;

namespace {

using Demand = AllocationNetwork::Demand;
using Requirement = AllocationNetwork::Requirement;

// Node 1 drains to node 0 (the outlet) with same-day gain `gain`.
RandomAllocationInstance river(double gain, double inflow_upstream, double inflow_downstream) {
    RandomAllocationInstance instance;
    instance.network.downstream = {-1, 0};
    instance.network.same_day_gain = {1.0, gain};
    instance.day.inflow_m3s = {inflow_downstream, inflow_upstream};
    return instance;
}

void add_demand(RandomAllocationInstance& instance, const Demand& demand, double request) {
    instance.network.demands.push_back(demand);
    instance.day.request_m3s.push_back(request);
}

void add_requirement(RandomAllocationInstance& instance, const Requirement& requirement,
                     double required) {
    instance.network.requirements.push_back(requirement);
    instance.day.required_m3s.push_back(required);
}

void check_coverages(const std::vector<double>& actual, const std::vector<double>& expected) {
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("item " << i << ": " << actual[i] << " expected " << expected[i]);
        CHECK(std::abs(actual[i] - expected[i]) <= 1e-7);
    }
}

AllocationResult check_both(const RandomAllocationInstance& instance,
                            const std::vector<double>& expected) {
    SUBCASE("GLPK reference") {
        check_coverages(reference_coverages(instance.network, instance.day), expected);
    }
    AllocationResult result;
    SUBCASE("solver") {
        AllocationSolver solver(instance.network);
        solver.solve(instance.day, result);
        INFO(describe(instance));
        CHECK(balance_violations(instance, result).empty());
        check_coverages(result_coverages(instance, result), expected);
    }
    return result;
}

} // namespace

TEST_CASE("two users on one river: the higher priority is served first") {
    // Inflow 10 upstream; demand A (6) at the upstream node, B (8) downstream.
    auto instance = river(1.0, 10.0, 0.0);
    SUBCASE("upstream user first: A 6, B the remaining 4 of 8") {
        add_demand(instance, {1, -1, 1.0, 1}, 6.0);
        add_demand(instance, {0, -1, 1.0, 2}, 8.0);
        check_both(instance, {1.0, 0.5});
    }
    SUBCASE("downstream user first: B 8, A the remaining 2 of 6") {
        add_demand(instance, {1, -1, 1.0, 2}, 6.0);
        add_demand(instance, {0, -1, 1.0, 1}, 8.0);
        check_both(instance, {2.0 / 6.0, 1.0});
    }
}

TEST_CASE("equal priority shares the shortage in equal proportion") {
    // 7 for requests of 4 (upstream) and 10 (downstream): 14 t = 7.
    auto instance = river(1.0, 7.0, 0.0);
    add_demand(instance, {1, -1, 1.0, 1}, 4.0);
    add_demand(instance, {0, -1, 1.0, 1}, 10.0);
    check_both(instance, {0.5, 0.5});
}

TEST_CASE("a user cut off by a dry tributary does not hold back the others") {
    // Nodes 1 (wet, 10) and 2 (dry, 1) drain to 0. Demand at 2 asks 4, demand at 0 asks 6.
    RandomAllocationInstance instance;
    instance.network.downstream = {-1, 0, 0};
    instance.network.same_day_gain = {1.0, 1.0, 1.0};
    instance.day.inflow_m3s = {0.0, 10.0, 1.0};
    add_demand(instance, {2, -1, 1.0, 1}, 4.0);
    add_demand(instance, {0, -1, 1.0, 1}, 6.0);
    check_both(instance, {0.25, 1.0});
}

TEST_CASE("a return flow is withdrawn again downstream the same day") {
    // A withdraws all 10 upstream and returns 60% to node 0; nothing is left in the river, so
    // B (8, lower priority) gets the 6 returned: coverage 0.75.
    auto instance = river(1.0, 10.0, 0.0);
    add_demand(instance, {1, 0, 0.4, 1}, 10.0);
    add_demand(instance, {0, -1, 1.0, 2}, 8.0);
    check_both(instance, {1.0, 0.75});
}

TEST_CASE("a return flow travels like the river: its same-day share arrives today") {
    // As above with a reach that delivers half of a day's flow the same day: the return reaches
    // node 0 like river water, 3 today (B gets 3 of 8) and 3 tomorrow.
    auto instance = river(0.5, 10.0, 0.0);
    add_demand(instance, {1, 0, 0.4, 1}, 10.0);
    add_demand(instance, {0, -1, 1.0, 2}, 8.0);
    check_both(instance, {1.0, 0.375});
}

TEST_CASE("a return to the withdrawal node joins its outflow and is not withdrawn twice") {
    // 10 at node 1; A (p1) takes 10 and returns half to node 1 itself: 5 flow out. B at node 1
    // (p2, 8) finds nothing left at the node; C at node 0 (p2, 4) gets the 5 in full.
    auto instance = river(1.0, 10.0, 0.0);
    add_demand(instance, {1, 1, 0.5, 1}, 10.0);
    add_demand(instance, {1, -1, 1.0, 2}, 8.0);
    add_demand(instance, {0, -1, 1.0, 2}, 4.0);
    check_both(instance, {1.0, 0.0, 1.0});
}

TEST_CASE("a full reservoir spills what exceeds its capacity, and no more") {
    // S = C = 100, inflow 20, Q_max 5. The demand (p1) takes 4, X = 116; the outflow must be 16
    // (release 5 + spill 11): releasing more would need a spill with S' < C (eq. 7).
    RandomAllocationInstance instance;
    instance.network.downstream = {-1};
    instance.network.same_day_gain = {1.0};
    instance.network.reservoirs = {{0}};
    instance.day.inflow_m3s = {20.0};
    instance.day.storage = {100.0};
    instance.day.dead_storage = {10.0};
    instance.day.capacity = {100.0};
    instance.day.evaporation = {0.0};
    instance.day.max_release = {5.0};
    add_demand(instance, {0, -1, 1.0, 1}, 4.0);
    add_requirement(instance, {0, 2}, 30.0);
    const AllocationResult result = check_both(instance, {1.0, 16.0 / 30.0});
    if (!result.spill_m3s.empty()) {
        CHECK(std::abs(result.release_m3s[0] - 5.0) <= 1e-9);
        CHECK(std::abs(result.spill_m3s[0] - 11.0) <= 1e-9);
        CHECK(std::abs(result.storage_end[0] - 100.0) <= 1e-9);
    }
}

TEST_CASE("a reservoir below capacity releases at most Q_max") {
    // S = 50 of C = 100, dead 10, inflow 2, Q_max 5: a requirement of 20 downstream gets 5.
    auto instance = river(1.0, 2.0, 0.0);
    instance.network.reservoirs = {{1}};
    instance.day.storage = {50.0};
    instance.day.dead_storage = {10.0};
    instance.day.capacity = {100.0};
    instance.day.evaporation = {1.0};
    instance.day.max_release = {5.0};
    add_requirement(instance, {0, 1}, 20.0);
    check_both(instance, {0.25});
}

TEST_CASE("a minimum flow of higher priority outranks a demand") {
    // 10 at node 1; a minimum flow of 5 at node 1's outflow and a demand of 8 at node 1.
    auto instance = river(1.0, 10.0, 0.0);
    SUBCASE("minimum flow first: the demand gets 5 of 8") {
        add_demand(instance, {1, -1, 1.0, 2}, 8.0);
        add_requirement(instance, {1, 1}, 5.0);
        check_both(instance, {5.0 / 8.0, 1.0});
    }
    SUBCASE("demand first: the minimum flow gets 2 of 5") {
        add_demand(instance, {1, -1, 1.0, 1}, 8.0);
        add_requirement(instance, {1, 2}, 5.0);
        check_both(instance, {1.0, 0.4});
    }
    SUBCASE("same priority: 8 t + 5 t = 10") {
        add_demand(instance, {1, -1, 1.0, 1}, 8.0);
        add_requirement(instance, {1, 1}, 5.0);
        check_both(instance, {10.0 / 13.0, 10.0 / 13.0});
    }
}

TEST_CASE("items asking for nothing are fully covered") {
    auto instance = river(1.0, 0.0, 0.0);
    add_demand(instance, {1, -1, 1.0, 1}, 0.0);
    add_demand(instance, {0, -1, 1.0, 1}, 3.0);
    add_requirement(instance, {0, 1}, 0.0);
    check_both(instance, {1.0, 0.0, 1.0});
}
