// The daily allocation of water over a basin network (docs/allocation.md).
//
// Each day, given what flows into every node and what each reservoir holds, the solver decides
// how much each demand withdraws, how much each reservoir releases, and what flows out of every
// node, so that:
//   1. priorities are strict: priority 1 is served as fully as the water allows before priority 2
//      gets anything, and so on;
//   2. within one priority, items (demands and flow requirements) share shortage in equal
//      proportion — the same fraction of each request — raised together until no item can rise
//      further (max-min fair "progressive filling"; equal coverage when they draw on the same
//      water, as in WEAP);
//   3. reservoirs release no more than the requirements need (they keep the rest), and spill only
//      what exceeds their capacity.
// Flows are m3/s daily means; a volume is written as m3/s x 1 day (1 hm3 = 11.574 m3/s day).
#pragma once

#include <cstddef>
#include <vector>

namespace riparia::model {

struct AllocationNetwork {
    struct Demand {
        int node = 0;         // withdrawal node
        int return_node = -1; // node receiving the non-consumed part the same day; -1: consumed all
        double consumptive_fraction = 1.0;
        int priority = 1; // 1 = highest
    };
    // Outflow of `node` must be at least the day's required flow (minimum flows, agreements,
    // reservoir rule targets).
    struct Requirement {
        int node = 0;
        int priority = 1;
    };
    struct Reservoir {
        int node = 0; // at the node's outlet
    };

    std::vector<int> downstream; // per node; -1 at an outlet
    std::vector<double>
        same_day_gain; // per node: share of today's outflow reaching downstream today
    std::vector<Demand> demands;
    std::vector<Requirement> requirements;
    std::vector<Reservoir> reservoirs; // at most one per node
};

// One day's inputs. Vectors sized as the network's nodes, demands, requirements, reservoirs.
struct AllocationDay {
    std::vector<double> inflow_m3s;   // per node: own runoff + arrivals of earlier days' releases
    std::vector<double> request_m3s;  // per demand, >= 0
    std::vector<double> required_m3s; // per requirement, >= 0
    // Per reservoir, volumes in m3/s x day.
    std::vector<double> storage;      // at the start of the day
    std::vector<double> dead_storage; // never released nor withdrawn
    std::vector<double> capacity;     // above it, water spills
    std::vector<double> evaporation;  // today's open-water loss, taken first (<= storage)
    std::vector<double> max_release;  // controlled release limit (spill comes on top)
};

struct AllocationResult {
    std::vector<double> delivered_m3s; // per demand
    std::vector<double> outflow_m3s;   // per node (release + spill at a reservoir node)
    std::vector<double> met_m3s;       // per requirement: min(required, outflow)
    std::vector<double> release_m3s;   // per reservoir, controlled
    std::vector<double> spill_m3s;     // per reservoir
    std::vector<double> storage_end;   // per reservoir, m3/s x day
    // Per node: return flows that reach the node tomorrow (the part of a return that the river
    // itself would not carry there today); add them to tomorrow's inflow.
    std::vector<double> late_return_m3s;
};

// Share of a demand's return flow that reaches its return node the same day: the product of the
// same-day gains along the river from the withdrawal node to the return node (1 when they are
// the same node or when the reaches pass flow straight through).
double return_same_day_share(const AllocationNetwork& network,
                             const AllocationNetwork::Demand& demand);

// True when a demand's return flow would reach its return node past a reservoir (one at the
// withdrawal node, or between it and the return node). The solver rejects such demands: a
// reservoir can hold back the river's share of the withdrawal while the return still arrives,
// so withdrawing more could leave more water downstream, which the allocation's monotone
// feasibility test does not allow (docs/allocation.md).
bool return_bypasses_reservoir(const AllocationNetwork& network,
                               const AllocationNetwork::Demand& demand);

class AllocationSolver {
  public:
    explicit AllocationSolver(const AllocationNetwork& network);
    // Solves one day. Allocates no memory: the result vectors are sized on the first call.
    void solve(const AllocationDay& day, AllocationResult& result);

  private:
    // A pass down the tree with the current coverages and reservoir outflow caps: brings every
    // outflow up to date and returns whether all withdrawals and requirements fit (eq. 1-7).
    // Only nodes whose inputs changed since the last pass are computed again (a coverage, a cap,
    // or what arrives from upstream); each sums its inputs in the same order as a full pass, so
    // the result is bit-identical to one. with_slopes: also the outflow slopes and kink gaps at
    // reservoirs (pass_through_, kink_gap_), which only the event steps of a rise or a lowering
    // use.
    bool evaluate(const AllocationDay& day, bool with_slopes = false);
    void update_node(const AllocationDay& day, int v);
    void withdraw(const AllocationDay& day, int v, double limit, double& withdrawn,
                  double& own_return);
    double reservoir_outflow(const AllocationDay& day, int v, int r, double available,
                             double withdrawn, double own_return);
    void reservoir_slopes(const AllocationDay& day, int r);
    void mark_changed(int v);
    bool violated(std::size_t c) const;
    void set_slack(std::size_t c, double slack);
    void set_floors();
    void set_coverage(int item, double coverage);
    void set_outflow_cap(int r, double cap);
    void solve_level(const AllocationDay& day, const std::vector<int>& items);
    std::size_t full_levels_from(const AllocationDay& day, std::size_t first);
    void set_levels(std::size_t first, std::size_t last, double coverage);
    double rise_together(const AllocationDay& day, const std::vector<int>& items, double from);
    bool freeze_blocked(const AllocationDay& day, const std::vector<int>& items);
    bool draws_on_binding_limit(const AllocationDay& day, int item, double binding) const;
    double release_response(const AllocationDay& day, int r, double held, double floor) const;
    void keep_storage(const AllocationDay& day);
    void rise_derivatives(const AllocationDay& day);
    bool next_event(double& step) const;
    double lowering_room(int v, bool& limit) const;
    bool lower_exactly(const AllocationDay& day, int v, int r, double start);
    void write_result(const AllocationDay& day, AllocationResult& result);

    AllocationNetwork network_;
    std::size_t nodes_ = 0, demand_count_ = 0, requirement_count_ = 0;
    std::vector<int> order_;                   // topological, upstream first
    std::vector<int> reservoir_at_;            // per node, -1 when none
    std::vector<std::vector<int>> demands_at_; // per node
    std::vector<std::vector<int>> requirements_at_;
    std::vector<std::vector<int>> level_items_; // per priority level: demands then requirements
    std::vector<double> return_share_;          // per demand: return_same_day_share
    std::vector<int> item_node_;                // per item: the node it draws on or is checked at
    std::vector<std::size_t> position_;         // per node: its index in order_
    std::vector<std::vector<int>> upstream_of_; // per node: nodes draining into it, in order_
    std::vector<std::vector<int>> returns_to_;  // per node: demands returning to it from another
                                                // node, in the order a full pass meets them
    double tolerance_ = 0, scale_ = 1;
    std::vector<double> pass_through_; // per node: d outflow / d water held, in the last pass
    std::vector<double> d_slack_, d_upstream_in_, d_returns_in_, d_held_; // d / d t of a rise
    std::vector<double> kink_gap_;  // per reservoir: held water to the next kink below
    std::vector<char> rising_mask_; // per item, during a rise
    double rising_rate_ = 0;        // water the rising items ask for, per unit of coverage
    // Work state.
    std::vector<double> coverage_;            // per item (demands, then requirements)
    std::vector<double> withdrawal_;          // per demand, in the last pass
    std::vector<double> slack_, slack_floor_; // per limit: nodes, then requirements
    std::vector<double> outflow_cap_;    // per reservoir, +inf while coverages are being raised
    std::vector<double> outflow_, held_; // per node
    std::vector<double> return_flow_;    // per demand: (1 - consumptive) x withdrawal
    std::vector<char> changed_;          // per node: inputs changed since the last pass
    std::size_t first_changed_ = 0;      // lowest position in order_ of a changed node
    int violated_ = 0;                   // limits below their floor by more than the tolerance
    std::vector<char> slopes_current_;   // per reservoir: slopes computed since its last change
    std::vector<double> lowest_outflow_; // per reservoir: max(0, X - C) in the last pass
    std::vector<char> active_;           // per item, while its level is being solved
    std::vector<int> rising_;            // items still rising
};

} // namespace riparia::model
