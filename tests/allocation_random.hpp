// Random one-day allocation problems (docs/allocation.md) for comparing the solver with the GLPK
// reference: trees of any size with every feature of the formulation, deterministic from a seed.
#pragma once

#include "model/allocation.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riparia::test {

struct RandomAllocationInstance {
    riparia::model::AllocationNetwork network;
    riparia::model::AllocationDay day;
};

// A tree of `nodes` nodes (node 0 an outlet; now and then another node is an outlet too) with gains
// of exactly 1, exactly 0 or in [0.05, 1), some dry nodes, reservoirs on about 15% of the nodes
// (`max_reservoirs` at most; some empty, some full, some with a binding Q_max), 0-3 demands on
// about half the nodes (returns to the node itself, further down but never past a reservoir, or
// nowhere), minimum flows, and priorities 1-4. Requests, fractions and gains keep every coverage
// well conditioned (see allocation_random.cpp).
RandomAllocationInstance make_random_instance(std::uint64_t seed, int nodes,
                                              int max_reservoirs = 1 << 30);

// A compact, complete text dump of an instance (one line per node, demand, requirement, reservoir)
// for failure messages.
std::string describe(const RandomAllocationInstance& instance);

// Checks a solved day against the formulation alone, node by node: eq. 1-3 at plain nodes; at
// reservoirs eq. 4, O = release + spill, S' = S - E + A - sum W + own returns - O, L <= S' <= C,
// 0 <= release <= Q_max, spill only when S' = C; 0 <= W <= D, O >= 0, met = min(R, O).
// Tolerance 1e-9 x the magnitude of the quantities at the node. Returns one line per violation.
std::vector<std::string> balance_violations(const RandomAllocationInstance& instance,
                                            const riparia::model::AllocationResult& result);

// Coverage of every item in a solved day (demands, then requirements): delivered / request and
// met / required, 1 when nothing is asked.
std::vector<double> result_coverages(const RandomAllocationInstance& instance,
                                     const riparia::model::AllocationResult& result);

} // namespace riparia::test
