#include "model/allocation.hpp"

#include "model/network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace riparia::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr int kBisectionSteps = 52; // coverage to 2^-52 of its range
// Limits are checked with this slack (times the day's total water) so that rounding never
// blocks a flow equal to its requirement.
constexpr double kRelativeTolerance = 1e-13;
// Freezing: a limit is binding when its slack is below kBindingSlack x the day's water.
constexpr double kBindingSlack = 1e-12;
constexpr double kNegligibleShare = 1e-12;
constexpr std::size_t kMaxRiseEvents = 64;
constexpr double kKinkOvershoot = 1e-12;

} // namespace

AllocationSolver::AllocationSolver(const AllocationNetwork& network)
    : network_(network), nodes_(network.downstream.size()), demand_count_(network.demands.size()),
      requirement_count_(network.requirements.size()),
      order_(topological_order(network.downstream)) {
    reservoir_at_.assign(nodes_, -1);
    for (std::size_t r = 0; r < network.reservoirs.size(); ++r) {
        reservoir_at_[network.reservoirs[r].node] = static_cast<int>(r);
    }
    demands_at_.assign(nodes_, {});
    requirements_at_.assign(nodes_, {});
    std::map<int, std::vector<int>> by_priority;
    for (std::size_t j = 0; j < demand_count_; ++j) {
        demands_at_[network.demands[j].node].push_back(static_cast<int>(j));
        by_priority[network.demands[j].priority].push_back(static_cast<int>(j));
    }
    for (std::size_t k = 0; k < requirement_count_; ++k) {
        requirements_at_[network.requirements[k].node].push_back(static_cast<int>(k));
        by_priority[network.requirements[k].priority].push_back(
            static_cast<int>(demand_count_ + k));
    }
    for (auto& [priority, items] : by_priority)
        level_items_.push_back(items);
    for (const auto& d : network.demands)
        item_node_.push_back(d.node);
    for (const auto& k : network.requirements)
        item_node_.push_back(k.node);
    position_.assign(nodes_, 0);
    upstream_of_.assign(nodes_, {});
    returns_to_.assign(nodes_, {});
    for (std::size_t p = 0; p < nodes_; ++p) {
        const int v = order_[p];
        position_[v] = p;
        if (network.downstream[v] >= 0) upstream_of_[network.downstream[v]].push_back(v);
        for (const int j : demands_at_[v]) {
            const int back_to = network.demands[j].return_node;
            if (back_to >= 0 && back_to != v) returns_to_[back_to].push_back(j);
        }
    }
    for (const auto& d : network.demands) {
        if (return_bypasses_reservoir(network, d)) {
            throw std::invalid_argument("allocation: a demand's return flow bypasses a reservoir");
        }
        return_share_.push_back(return_same_day_share(network, d));
    }
    const std::size_t items = demand_count_ + requirement_count_;
    coverage_.assign(items, 0.0);
    withdrawal_.assign(demand_count_, 0.0);
    slack_.assign(nodes_ + requirement_count_, 0.0);
    slack_floor_.assign(slack_.size(), 0.0);
    pass_through_.assign(nodes_, 1.0);
    d_slack_.assign(slack_.size(), 0.0);
    d_upstream_in_.assign(nodes_, 0.0);
    d_returns_in_.assign(nodes_, 0.0);
    d_held_.assign(nodes_, 0.0);
    kink_gap_.assign(network.reservoirs.size(), kInfinity);
    rising_mask_.assign(items, 0);
    active_.assign(items, 0);
    rising_.reserve(items);
    outflow_cap_.assign(network.reservoirs.size(), kInfinity);
    lowest_outflow_.assign(network.reservoirs.size(), 0.0);
    outflow_.assign(nodes_, 0.0);
    held_.assign(nodes_, 0.0);
    return_flow_.assign(demand_count_, 0.0);
    changed_.assign(nodes_, 1);
    slopes_current_.assign(network.reservoirs.size(), 0);
}

double return_same_day_share(const AllocationNetwork& network,
                             const AllocationNetwork::Demand& demand) {
    double share = 1.0;
    if (demand.return_node < 0) return share;
    for (int v = demand.node; v != demand.return_node && v >= 0; v = network.downstream[v]) {
        share *= network.same_day_gain[v];
    }
    return share;
}

bool return_bypasses_reservoir(const AllocationNetwork& network,
                               const AllocationNetwork::Demand& demand) {
    if (demand.return_node < 0 || demand.return_node == demand.node) return false;
    for (int v = demand.node; v != demand.return_node && v >= 0; v = network.downstream[v]) {
        for (const auto& r : network.reservoirs) {
            if (r.node == v) return true;
        }
    }
    return false;
}

// Withdrawals at node v from its coverages, recording the slack of eq. 2 / eq. 4 (evaluate
// judges it), and trimmed to `limit` when they exceed it so that rounding never makes water.
void AllocationSolver::withdraw(const AllocationDay& day, int v, double limit, double& withdrawn,
                                double& own_return) {
    withdrawn = 0;
    for (const int j : demands_at_[v])
        withdrawn += coverage_[j] * day.request_m3s[j];
    set_slack(v, limit - withdrawn);
    const double trim = withdrawn > limit && withdrawn > 0 ? std::max(0.0, limit) / withdrawn : 1.0;
    withdrawn = 0;
    own_return = 0;
    for (const int j : demands_at_[v]) {
        const auto& d = network_.demands[j];
        const double w = coverage_[j] * day.request_m3s[j] * trim;
        withdrawal_[j] = w;
        withdrawn += w;
        const double back = (1.0 - d.consumptive_fraction) * w;
        if (d.return_node == v) {
            own_return += back;
        } else if (d.return_node >= 0) {
            if (back != return_flow_[j]) {
                return_flow_[j] = back;
                mark_changed(d.return_node);
            }
        }
    }
}

// Outflow of a reservoir node: within [max(0, X - C), O_max(X)] and under the current cap.
double AllocationSolver::reservoir_outflow(const AllocationDay& day, int v, int r, double available,
                                           double withdrawn, double own_return) {
    const double after_evaporation = day.storage[r] - day.evaporation[r];
    const double floor = std::min(day.dead_storage[r], after_evaporation);
    const double held = after_evaporation + available - withdrawn + own_return;
    held_[v] = held;
    const double lowest = std::max(0.0, held - day.capacity[r]);
    const double highest = std::max(
        lowest, std::max(std::min(day.max_release[r], held - floor), held - day.capacity[r]));
    lowest_outflow_[r] = lowest;
    return std::max(lowest, std::min(highest, outflow_cap_[r]));
}

// The outflow slope and the gap to the next kink of reservoir r at the water it held in the last
// pass; only the event steps of a rise or a lowering use them.
void AllocationSolver::reservoir_slopes(const AllocationDay& day, int r) {
    const int v = network_.reservoirs[r].node;
    const double held = held_[v];
    const double floor = std::min(day.dead_storage[r], day.storage[r] - day.evaporation[r]);
    pass_through_[v] = release_response(day, r, held, floor);
    // How far the water held may fall before the outflow changes branch (a kink).
    double gap = kInfinity;
    for (const double kink :
         {floor + day.max_release[r], day.capacity[r], day.capacity[r] + day.max_release[r], floor,
          floor + outflow_cap_[r], day.capacity[r] + outflow_cap_[r]}) {
        if (kink < held) gap = std::min(gap, held - kink);
    }
    kink_gap_[r] = gap;
}

// d slack / d t for every limit when all rising items rise together by dt, at the current point
// (after evaluate): the forward mode of eq. 1-7 down the tree, with the outflow slopes of the
// last pass. Also d held / d t at each reservoir node, for the kinks.
void AllocationSolver::rise_derivatives(const AllocationDay& day) {
    rising_rate_ = 0;
    for (std::size_t j = 0; j < demand_count_; ++j) {
        if (rising_mask_[j]) rising_rate_ += day.request_m3s[j];
    }
    for (std::size_t k = 0; k < requirement_count_; ++k) {
        if (rising_mask_[demand_count_ + k]) rising_rate_ += day.required_m3s[k];
    }
    std::fill(d_upstream_in_.begin(), d_upstream_in_.end(), 0.0);
    std::fill(d_returns_in_.begin(), d_returns_in_.end(), 0.0);
    for (const int v : order_) {
        const double d_available = d_upstream_in_[v] + d_returns_in_[v];
        double d_withdrawn = 0, d_own_return = 0;
        for (const int j : demands_at_[v]) {
            if (!rising_mask_[j]) continue;
            const auto& d = network_.demands[j];
            const double dw = day.request_m3s[j];
            d_withdrawn += dw;
            const double back = (1.0 - d.consumptive_fraction) * dw;
            if (d.return_node == v)
                d_own_return += back;
            else if (d.return_node >= 0)
                d_returns_in_[d.return_node] += back * return_share_[j];
        }
        d_slack_[v] = d_available - d_withdrawn;
        const double d_held = d_available - d_withdrawn + d_own_return;
        d_held_[v] = d_held;
        const double d_outflow = reservoir_at_[v] < 0 ? d_held : pass_through_[v] * d_held;
        for (const int k : requirements_at_[v]) {
            const int item = static_cast<int>(demand_count_) + k;
            d_slack_[nodes_ + k] = d_outflow - (rising_mask_[item] ? day.required_m3s[k] : 0.0);
        }
        const int down = network_.downstream[v];
        if (down >= 0) d_upstream_in_[down] += network_.same_day_gain[v] * d_outflow;
    }
}

// The next event as the rising items go up together from the current point: a limit reaching
// its floor (returns true), or a reservoir's outflow changing branch; `step` is how far in t.
bool AllocationSolver::next_event(double& step) const {
    step = kInfinity;
    bool limit = false;
    // A slope below this is a cancellation seen through rounding (as in draws_on_binding_limit).
    const double flat = -kNegligibleShare * rising_rate_;
    for (std::size_t c = 0; c < slack_.size(); ++c) {
        if (d_slack_[c] >= flat) continue;
        const double distance = std::max(0.0, slack_[c] - slack_floor_[c]) / -d_slack_[c];
        if (distance < step) {
            step = distance;
            limit = true;
        }
    }
    for (std::size_t r = 0; r < network_.reservoirs.size(); ++r) {
        const double d_held = d_held_[network_.reservoirs[r].node];
        if (d_held >= flat || kink_gap_[r] == kInfinity) continue;
        const double distance = kink_gap_[r] / -d_held;
        if (distance < step) {
            step = distance;
            limit = false;
        }
    }
    return limit;
}

namespace {
// One-sided derivative, for a small decrease of x, of the larger (or smaller) of two piecewise
// linear terms with values a, b and slopes da, db: at a tie the one that falls slower (faster)
// stays the larger (smaller).
double slope_of_max(double a, double da, double b, double db) {
    return a > b ? da : b > a ? db : std::min(da, db);
}
double slope_of_min(double a, double da, double b, double db) {
    return a < b ? da : b < a ? db : std::max(da, db);
}
} // namespace

// d outflow / d held at a reservoir, for less water held: 1 where the release follows the water
// (down to the dead level, or spilling), 0 where it stays at Q_max or at a cap.
double AllocationSolver::release_response(const AllocationDay& day, int r, double held,
                                          double floor) const {
    const double lowest = std::max(0.0, held - day.capacity[r]);
    const double d_lowest = held - day.capacity[r] > 0 ? 1.0 : 0.0;
    const double limited = std::min(day.max_release[r], held - floor);
    const double d_limited = slope_of_min(day.max_release[r], 0.0, held - floor, 1.0);
    const double spill = held - day.capacity[r];
    const double upper = std::max(limited, spill);
    const double d_upper = slope_of_max(limited, d_limited, spill, 1.0);
    const double highest = std::max(lowest, upper);
    const double d_highest = slope_of_max(lowest, d_lowest, upper, d_upper);
    const double capped = std::min(highest, outflow_cap_[r]);
    const double d_capped = slope_of_min(highest, d_highest, outflow_cap_[r], 0.0);
    return slope_of_max(lowest, d_lowest, capped, d_capped);
}

void AllocationSolver::mark_changed(int v) {
    changed_[v] = 1;
    first_changed_ = std::min(first_changed_, position_[v]);
}

void AllocationSolver::set_coverage(int item, double coverage) {
    if (coverage_[item] == coverage) return;
    coverage_[item] = coverage;
    mark_changed(item_node_[item]);
}

void AllocationSolver::set_outflow_cap(int r, double cap) {
    if (outflow_cap_[r] == cap) return;
    outflow_cap_[r] = cap;
    mark_changed(network_.reservoirs[r].node);
}

// Node v from its inputs: what arrives from upstream and from returns (eq. 1), withdrawals,
// outflow and the slack of its requirements. The sums add the same terms in the same order as a
// pass down the whole tree, each a fused multiply-add, so the result never depends on which nodes
// were computed again.
void AllocationSolver::update_node(const AllocationDay& day, int v) {
    double upstream_in = 0, returns_in = 0;
    for (const int u : upstream_of_[v])
        upstream_in = std::fma(network_.same_day_gain[u], outflow_[u], upstream_in);
    for (const int j : returns_to_[v])
        returns_in = std::fma(return_flow_[j], return_share_[j], returns_in);
    const double available = day.inflow_m3s[v] + upstream_in + returns_in; // eq. 1
    const int r = reservoir_at_[v];
    const double limit =
        r < 0 ? available
              : day.storage[r] - day.evaporation[r] -
                    std::min(day.dead_storage[r], day.storage[r] - day.evaporation[r]) + available;
    double withdrawn, own_return;
    withdraw(day, v, limit, withdrawn, own_return);
    if (r >= 0) slopes_current_[r] = 0;
    const double outflow = r < 0 ? std::max(0.0, available - withdrawn) + own_return // eq. 3
                                 : reservoir_outflow(day, v, r, available, withdrawn, own_return);
    for (const int k : requirements_at_[v]) {
        const double required = coverage_[demand_count_ + k] * day.required_m3s[k];
        set_slack(nodes_ + k, outflow - required);
    }
    if (outflow == outflow_[v]) return;
    outflow_[v] = outflow;
    if (network_.downstream[v] >= 0) mark_changed(network_.downstream[v]);
}

bool AllocationSolver::evaluate(const AllocationDay& day, bool with_slopes) {
    for (std::size_t p = first_changed_; p < nodes_; ++p) {
        const int v = order_[p];
        if (!changed_[v]) continue;
        changed_[v] = 0;
        update_node(day, v);
    }
    first_changed_ = nodes_;
    if (with_slopes) {
        for (std::size_t r = 0; r < network_.reservoirs.size(); ++r) {
            if (!slopes_current_[r]) reservoir_slopes(day, static_cast<int>(r));
            slopes_current_[r] = 1;
        }
    }
    return violated_ == 0;
}

// A limit may not lose more than the tolerance below its floor: 0, or where rounding left it
// when the current rise began (so that rounding never blocks, nor accumulates).
bool AllocationSolver::violated(std::size_t c) const {
    return !(slack_[c] >= slack_floor_[c] - tolerance_);
}

void AllocationSolver::set_slack(std::size_t c, double slack) {
    const bool was = violated(c);
    slack_[c] = slack;
    violated_ += static_cast<int>(violated(c)) - static_cast<int>(was);
}

// Floors at the current slacks where these are below 0, as a rise or a lowering begins.
void AllocationSolver::set_floors() {
    violated_ = 0;
    for (std::size_t c = 0; c < slack_.size(); ++c) {
        slack_floor_[c] = std::min(0.0, slack_[c]);
        violated_ += static_cast<int>(violated(c));
    }
}

double AllocationSolver::rise_together(const AllocationDay& day, const std::vector<int>& items,
                                       double from) {
    auto set_all = [&](double c) {
        for (const int i : items)
            set_coverage(i, c);
    };
    set_all(from);
    evaluate(day);
    set_floors();
    set_all(1.0);
    if (evaluate(day)) return 1.0;
    // Exact: walk from event to event along the piecewise linear limits.
    for (const int i : items)
        rising_mask_[i] = 1;
    double t = from;
    bool reached = false;
    for (std::size_t iteration = 0; iteration < kMaxRiseEvents && !reached; ++iteration) {
        set_all(t);
        if (!evaluate(day, true)) break;
        rise_derivatives(day);
        double step;
        const bool limit = next_event(step);
        const double next = std::min(1.0, t + step);
        reached = limit || next >= 1.0;
        if (reached) {
            set_all(next);
            if (evaluate(day))
                t = next;
            else
                reached = false; // rounding: settle it by bisection below
            break;
        }
        // Step just past the kink, so that the next slopes are those of the branch beyond it
        // (landing on it exactly, rounding could leave the held water on the near side).
        t = std::min(1.0, next + kKinkOvershoot * (1.0 + step));
    }
    for (const int i : items)
        rising_mask_[i] = 0;
    if (reached) {
        set_all(t);
        return t;
    }
    // Fallback: bisection from the last feasible point.
    double feasible = t, infeasible = 1.0;
    set_all(t);
    if (!evaluate(day)) feasible = from;
    for (int step = 0; step < kBisectionSteps; ++step) {
        const double middle = 0.5 * (feasible + infeasible);
        set_all(middle);
        if (evaluate(day))
            feasible = middle;
        else
            infeasible = middle;
    }
    set_all(feasible);
    return feasible;
}

// After a rise stops, an item is blocked when some limit binding now loses slack as the item
// alone rises. Raising an item only takes water from its node and the river below it, so the
// effect is followed down that path with the exact (one-sided) derivatives of eq. 1-7 at the
// current point: no finite step; only slopes at rounding level are taken as flat.
bool AllocationSolver::freeze_blocked(const AllocationDay& day, const std::vector<int>& items) {
    evaluate(day, true);
    const double binding = kBindingSlack * scale_;
    bool any = false;
    for (const int i : items) {
        if (draws_on_binding_limit(day, i, binding)) {
            active_[i] = 0;
            any = true;
        }
    }
    return any;
}

bool AllocationSolver::draws_on_binding_limit(const AllocationDay& day, int item,
                                              double binding) const {
    if (item >= static_cast<int>(demand_count_)) { // a requirement: only its own limit
        const int k = item - static_cast<int>(demand_count_);
        return day.required_m3s[k] > 0 && slack_[nodes_ + k] <= binding;
    }
    const auto& d = network_.demands[item];
    const double w = day.request_m3s[item];
    if (w <= 0) return false;
    if (slack_[d.node] <= binding) return true; // eq. 2 / eq. 4 at its own node
    const double back = (1.0 - d.consumptive_fraction) * w;
    // Change of the water held at the node, then of its outflow.
    double held = -w + (d.return_node == d.node ? back : 0.0);
    double flow = pass_through_[d.node] * held;
    // A change smaller than this is a cancellation (say, a return that gives back what the river
    // lost) seen through rounding, not water taken.
    const double negligible = kNegligibleShare * w;
    for (int v = d.node;;) {
        if (flow < -negligible && !requirements_at_[v].empty()) {
            for (const int k : requirements_at_[v]) {
                if (slack_[nodes_ + k] <= binding) return true;
            }
        }
        const int down = network_.downstream[v];
        if (down < 0) return false;
        double arriving = network_.same_day_gain[v] * flow;
        if (down == d.return_node && d.return_node != d.node)
            arriving += back * return_share_[item];
        if (arriving < -negligible && slack_[down] <= binding) return true; // eq. 2 / 4 below
        flow = pass_through_[down] * arriving;
        if (flow >= -negligible && down != d.return_node && arriving >= -negligible) {
            // Nothing taken from here on unless the return is still to come.
            bool return_below = false;
            for (int u = down; u >= 0 && d.return_node >= 0; u = network_.downstream[u]) {
                if (u == d.return_node) return_below = true;
            }
            if (!return_below) return false;
        }
        v = down;
    }
}

void AllocationSolver::solve_level(const AllocationDay& day, const std::vector<int>& items) {
    rising_.clear();
    for (const int i : items) {
        const bool empty = i < static_cast<int>(demand_count_)
                               ? day.request_m3s[i] <= 0
                               : day.required_m3s[i - demand_count_] <= 0;
        set_coverage(i, empty ? 1.0 : 0.0);
        if (!empty) rising_.push_back(i);
    }
    double level = 0;
    while (!rising_.empty()) {
        level = rise_together(day, rising_, level);
        if (level >= 1.0) return;
        for (const int i : rising_)
            active_[i] = 1;
        if (!freeze_blocked(day, rising_)) {
            // Each could rise alone by its step but not all together: the limit they share is
            // within the steps; they stay at this level.
            for (const int i : rising_)
                active_[i] = 0;
        }
        std::erase_if(rising_, [&](int i) { return !active_[i]; });
    }
}

// How far reservoir r (at node v) can lower its outflow from the current point before a limit
// below it reaches its floor or a reservoir below changes branch (`limit` tells which): the
// same forward derivatives as a rise, from a unit decrease of the outflow at v down the river.
double AllocationSolver::lowering_room(int v, bool& limit) const {
    const double flat = -kNegligibleShare;
    double room = kInfinity;
    limit = false;
    auto consider = [&](double slack, double floor, double slope, bool is_limit) {
        if (slope >= flat) return;
        const double distance = std::max(0.0, slack - floor) / -slope;
        if (distance < room) {
            room = distance;
            limit = is_limit;
        }
    };
    double d_outflow = -1.0;
    for (int u = v;;) {
        for (const int k : requirements_at_[u]) {
            consider(slack_[nodes_ + k], slack_floor_[nodes_ + k], d_outflow, true);
        }
        const int down = network_.downstream[u];
        if (down < 0 || d_outflow >= flat) break;
        const double arriving = network_.same_day_gain[u] * d_outflow;
        consider(slack_[down], slack_floor_[down], arriving, true);
        const int r = reservoir_at_[down];
        if (r >= 0 && kink_gap_[r] != kInfinity) consider(kink_gap_[r], 0.0, arriving, false);
        d_outflow = (r < 0 ? 1.0 : pass_through_[down]) * arriving;
        u = down;
    }
    return room;
}

void AllocationSolver::keep_storage(const AllocationDay& day) {
    evaluate(day);
    set_floors();
    bool current = true; // the last pass was feasible with the caps as they are now
    for (const int v : order_) {
        const int r = reservoir_at_[v];
        if (r < 0) continue;
        if (!current) evaluate(day);
        double low = lowest_outflow_[r], high = outflow_[v];
        set_outflow_cap(r, low);
        current = true;
        if (high <= low || evaluate(day)) continue; // nothing to keep, or it can all be kept
        if (lower_exactly(day, v, r, high)) continue;
        current = false;
        for (int step = 0; step < kBisectionSteps; ++step) {
            const double middle = 0.5 * (low + high);
            set_outflow_cap(r, middle);
            if (evaluate(day))
                high = middle;
            else
                low = middle;
        }
        set_outflow_cap(r, high);
    }
}

// Lowers reservoir r's outflow cap from `start` event by event until a limit below binds or the
// outflow reaches its lowest; false (cap restored) when rounding defeats it.
bool AllocationSolver::lower_exactly(const AllocationDay& day, int v, int r, double start) {
    double cap = start;
    for (std::size_t iteration = 0; iteration < kMaxRiseEvents; ++iteration) {
        set_outflow_cap(r, cap);
        if (!evaluate(day, true)) break;
        bool limit;
        const double room = lowering_room(v, limit);
        const double lowest = lowest_outflow_[r];
        const double next = std::max(lowest, cap - room);
        if (limit || next <= lowest) {
            set_outflow_cap(r, next);
            if (evaluate(day)) return true;
            break;
        }
        cap = std::max(lowest, next - kKinkOvershoot * (1.0 + room));
    }
    set_outflow_cap(r, start);
    return false;
}

void AllocationSolver::write_result(const AllocationDay& day, AllocationResult& result) {
    evaluate(day);
    result.delivered_m3s.resize(demand_count_);
    result.met_m3s.resize(requirement_count_);
    result.outflow_m3s.assign(outflow_.begin(), outflow_.end());
    const std::size_t reservoirs = network_.reservoirs.size();
    result.release_m3s.resize(reservoirs);
    result.spill_m3s.resize(reservoirs);
    result.storage_end.resize(reservoirs);
    result.late_return_m3s.assign(nodes_, 0.0);
    for (std::size_t j = 0; j < demand_count_; ++j) {
        result.delivered_m3s[j] = withdrawal_[j];
        const auto& d = network_.demands[j];
        if (d.return_node >= 0 && d.return_node != d.node) {
            result.late_return_m3s[d.return_node] +=
                (1.0 - d.consumptive_fraction) * result.delivered_m3s[j] * (1.0 - return_share_[j]);
        }
    }
    for (std::size_t k = 0; k < requirement_count_; ++k) {
        result.met_m3s[k] = std::min(day.required_m3s[k], outflow_[network_.requirements[k].node]);
    }
    for (std::size_t r = 0; r < reservoirs; ++r) {
        const int v = network_.reservoirs[r].node;
        result.release_m3s[r] = std::min(outflow_[v], day.max_release[r]);
        result.spill_m3s[r] = outflow_[v] - result.release_m3s[r];
        result.storage_end[r] = held_[v] - outflow_[v];
    }
}

void AllocationSolver::set_levels(std::size_t first, std::size_t last, double coverage) {
    for (std::size_t l = first; l < last; ++l)
        for (const int i : level_items_[l])
            set_coverage(i, coverage);
}

// The largest m such that levels first..m-1 at full coverage (later ones at 0) fit.
std::size_t AllocationSolver::full_levels_from(const AllocationDay& day, std::size_t first) {
    set_levels(first, level_items_.size(), 1.0);
    if (evaluate(day)) return level_items_.size();
    std::size_t fits = first, fails = level_items_.size();
    while (fails - fits > 1) {
        const std::size_t middle = fits + (fails - fits) / 2;
        set_levels(first, middle, 1.0);
        set_levels(middle, level_items_.size(), 0.0);
        if (evaluate(day))
            fits = middle;
        else
            fails = middle;
    }
    set_levels(first, level_items_.size(), 0.0);
    return fits;
}

void AllocationSolver::solve(const AllocationDay& day, AllocationResult& result) {
    double scale = 1.0;
    for (double q : day.inflow_m3s)
        scale += q;
    for (double s : day.storage)
        scale += s;
    for (double d : day.request_m3s)
        scale += d;
    scale_ = scale;
    tolerance_ = kRelativeTolerance * scale;
    std::fill(outflow_cap_.begin(), outflow_cap_.end(), kInfinity);
    std::fill(slack_floor_.begin(), slack_floor_.end(), 0.0);
    violated_ = 0; // every node is computed again in the first pass, which counts anew
    std::fill(slack_.begin(), slack_.end(), 0.0);
    std::fill(coverage_.begin(), coverage_.end(), 0.0);
    std::fill(changed_.begin(), changed_.end(), 1); // a new day: every node anew
    first_changed_ = 0;
    // Levels that can be served in full rise to 1 one after the other, two passes each; the
    // longest run of such levels is found at once by bisection on "levels next..m-1 all at 1
    // (the rest at 0) fit" — the same state the level-by-level rise reaches, since priorities
    // are strict and lower coverage elsewhere only adds room. Only a level that cannot be
    // served in full is raised exactly, event by event.
    const std::size_t levels = level_items_.size();
    for (std::size_t next = 0; next < levels;) {
        const std::size_t full = full_levels_from(day, next);
        set_levels(next, full, 1.0);
        if (full == levels) break;
        solve_level(day, level_items_[full]);
        next = full + 1;
    }
    keep_storage(day);
    write_result(day, result);
}

} // namespace riparia::model
