#include "model/allocation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace riparia::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr int kBisectionSteps = 52;     // coverage to 2^-52 of its range
constexpr double kFreezeStep = 1e-9;    // an item that cannot rise by this alone is blocked
constexpr double kRelativeTolerance = 1e-12;

std::vector<int> topological_order(const std::vector<int>& downstream) {
    const std::size_t n = downstream.size();
    std::vector<int> pending(n, 0), order;
    for (std::size_t v = 0; v < n; ++v) {
        if (downstream[v] >= 0) ++pending[downstream[v]];
    }
    std::vector<int> ready;
    for (std::size_t v = n; v-- > 0;) {
        if (pending[v] == 0) ready.push_back(static_cast<int>(v));
    }
    while (!ready.empty()) {
        const int v = ready.back();
        ready.pop_back();
        order.push_back(v);
        if (downstream[v] >= 0 && --pending[downstream[v]] == 0) ready.push_back(downstream[v]);
    }
    return order;
}
} // namespace

AllocationSolver::AllocationSolver(const AllocationNetwork& network)
    : network_(network), nodes_(network.downstream.size()),
      demand_count_(network.demands.size()), requirement_count_(network.requirements.size()),
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
    for (auto& [priority, items] : by_priority) level_items_.push_back(items);
    const std::size_t items = demand_count_ + requirement_count_;
    coverage_.assign(items, 0.0);
    active_.assign(items, 0);
    rising_.reserve(items);
    outflow_cap_.assign(network.reservoirs.size(), kInfinity);
    lowest_outflow_.assign(network.reservoirs.size(), 0.0);
    outflow_.assign(nodes_, 0.0);
    upstream_in_.assign(nodes_, 0.0);
    returns_in_.assign(nodes_, 0.0);
    held_.assign(nodes_, 0.0);
}

void AllocationSolver::set_coverage(int item, double coverage) { coverage_[item] = coverage; }

bool AllocationSolver::evaluate(const AllocationDay& day) {
    std::fill(upstream_in_.begin(), upstream_in_.end(), 0.0);
    std::fill(returns_in_.begin(), returns_in_.end(), 0.0);
    bool feasible = true;
    for (const int v : order_) {
        const double available = day.inflow_m3s[v] + upstream_in_[v] + returns_in_[v]; // eq. 1
        double withdrawn = 0, own_return = 0;
        for (const int j : demands_at_[v]) {
            const auto& d = network_.demands[j];
            const double w = coverage_[j] * day.request_m3s[j];
            withdrawn += w;
            const double back = (1.0 - d.consumptive_fraction) * w;
            if (d.return_node == v) own_return += back;
            else if (d.return_node >= 0) returns_in_[d.return_node] += back;
        }
        const int r = reservoir_at_[v];
        double outflow;
        if (r < 0) {
            feasible = feasible && withdrawn <= available + tolerance_; // eq. 2
            outflow = std::max(0.0, available - withdrawn) + own_return; // eq. 3
        } else {
            const double after_evaporation = day.storage[r] - day.evaporation[r];
            const double floor = std::min(day.dead_storage[r], after_evaporation);
            feasible = feasible && withdrawn <= after_evaporation - floor + available + tolerance_;
            const double held = after_evaporation + available - withdrawn + own_return;
            held_[v] = held;
            const double lowest = std::max(0.0, held - day.capacity[r]);
            const double highest = std::max(
                lowest, std::max(std::min(day.max_release[r], held - floor), held - day.capacity[r]));
            lowest_outflow_[r] = lowest;
            outflow = std::max(lowest, std::min(highest, outflow_cap_[r]));
        }
        outflow_[v] = outflow;
        for (const int k : requirements_at_[v]) {
            const double required = coverage_[demand_count_ + k] * day.required_m3s[k];
            feasible = feasible && outflow + tolerance_ >= required;
        }
        const int down = network_.downstream[v];
        if (down >= 0) upstream_in_[down] += network_.same_day_gain[v] * outflow;
    }
    return feasible;
}

double AllocationSolver::rise_together(const AllocationDay& day, const std::vector<int>& items,
                                       double from) {
    auto set_all = [&](double c) {
        for (const int i : items) coverage_[i] = c;
    };
    set_all(1.0);
    if (evaluate(day)) return 1.0;
    double feasible = from, infeasible = 1.0;
    for (int step = 0; step < kBisectionSteps; ++step) {
        const double middle = 0.5 * (feasible + infeasible);
        set_all(middle);
        if (evaluate(day)) feasible = middle;
        else infeasible = middle;
    }
    set_all(feasible);
    return feasible;
}

bool AllocationSolver::freeze_blocked(const AllocationDay& day, const std::vector<int>& items,
                                      double level) {
    bool any = false;
    for (const int i : items) {
        coverage_[i] = std::min(1.0, level + kFreezeStep);
        const bool can_rise = evaluate(day);
        coverage_[i] = level;
        if (!can_rise) {
            active_[i] = 0;
            any = true;
        }
    }
    return any;
}

void AllocationSolver::solve_level(const AllocationDay& day, const std::vector<int>& items) {
    rising_.clear();
    for (const int i : items) {
        const bool empty = i < static_cast<int>(demand_count_)
                               ? day.request_m3s[i] <= 0
                               : day.required_m3s[i - demand_count_] <= 0;
        coverage_[i] = empty ? 1.0 : 0.0;
        if (!empty) rising_.push_back(i);
    }
    double level = 0;
    while (!rising_.empty()) {
        level = rise_together(day, rising_, level);
        if (level >= 1.0) return;
        for (const int i : rising_) active_[i] = 1;
        if (!freeze_blocked(day, rising_, level)) {
            // Nothing is blocked alone within the freezing step: the binding limit is shared
            // below rounding; stop here, all at this level.
            return;
        }
        std::erase_if(rising_, [&](int i) { return !active_[i]; });
    }
}

void AllocationSolver::keep_storage(const AllocationDay& day) {
    for (const int v : order_) {
        const int r = reservoir_at_[v];
        if (r < 0) continue;
        evaluate(day);
        double low = lowest_outflow_[r], high = outflow_[v];
        outflow_cap_[r] = low;
        if (evaluate(day)) continue;
        for (int step = 0; step < kBisectionSteps; ++step) {
            const double middle = 0.5 * (low + high);
            outflow_cap_[r] = middle;
            if (evaluate(day)) high = middle;
            else low = middle;
        }
        outflow_cap_[r] = high;
    }
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
    for (std::size_t j = 0; j < demand_count_; ++j) {
        result.delivered_m3s[j] = coverage_[j] * day.request_m3s[j];
    }
    for (std::size_t k = 0; k < requirement_count_; ++k) {
        result.met_m3s[k] =
            std::min(day.required_m3s[k], outflow_[network_.requirements[k].node]);
    }
    for (std::size_t r = 0; r < reservoirs; ++r) {
        const int v = network_.reservoirs[r].node;
        result.release_m3s[r] = std::min(outflow_[v], day.max_release[r]);
        result.spill_m3s[r] = outflow_[v] - result.release_m3s[r];
        result.storage_end[r] = held_[v] - outflow_[v];
    }
}

void AllocationSolver::solve(const AllocationDay& day, AllocationResult& result) {
    double scale = 1.0;
    for (double q : day.inflow_m3s) scale += q;
    for (double s : day.storage) scale += s;
    for (double d : day.request_m3s) scale += d;
    tolerance_ = kRelativeTolerance * scale;
    std::fill(coverage_.begin(), coverage_.end(), 0.0);
    std::fill(outflow_cap_.begin(), outflow_cap_.end(), kInfinity);
    for (const auto& items : level_items_) solve_level(day, items);
    keep_storage(day);
    write_result(day, result);
}

} // namespace riparia::model
