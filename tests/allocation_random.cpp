// Random allocation instances: every draw comes from one std::mt19937_64 seeded by the caller.
//
// The draws keep every coverage well conditioned, so that it can be compared to 1e-6: requests and
// required flows are 0 or at least 0.2 and 0.5 m3/s, consumptive fractions 0, 1 or at least 0.05,
// same-day gains 0, 1 or at least 0.05. (A demand taking a tiny request, or returning all but a
// tiny fraction through a reach that passes a tiny share, moves a binding limit downstream by a
// tiny amount per unit of coverage: its coverage is then fixed by amounts of water below any LP
// solver's tolerance, and the comparison would test GLPK's rounding.)
#include "allocation_random.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace riparia::test {
namespace {

using model::AllocationDay;
using model::AllocationNetwork;

class Draw {
  public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}
    double uniform(double lo, double hi) {
        return std::uniform_real_distribution<>(lo, hi)(engine_);
    }
    int integer(int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(engine_); }
    bool chance(double p) { return uniform(0.0, 1.0) < p; }

  private:
    std::mt19937_64 engine_;
};

// Node 0 is an outlet; node i > 0 drains to a random earlier node, or is an outlet itself (3%).
void make_tree(Draw& draw, int nodes, AllocationNetwork& network) {
    network.downstream.assign(nodes, -1);
    network.same_day_gain.assign(nodes, 1.0);
    for (int v = 1; v < nodes; ++v)
        network.downstream[v] = draw.chance(0.03) ? -1 : draw.integer(0, v - 1);
    for (int v = 0; v < nodes; ++v) {
        const double u = draw.uniform(0.0, 1.0);
        network.same_day_gain[v] = u < 0.35 ? 1.0 : u < 0.5 ? 0.0 : draw.uniform(0.05, 1.0);
    }
}

void make_inflows(Draw& draw, int nodes, AllocationDay& day) {
    day.inflow_m3s.assign(nodes, 0.0);
    for (double& inflow : day.inflow_m3s) {
        if (!draw.chance(0.25))
            inflow = draw.chance(0.2) ? draw.uniform(0.0, 0.5) : draw.uniform(0.0, 20.0);
    }
}

bool has_reservoir(const AllocationNetwork& network, int v) {
    return std::any_of(network.reservoirs.begin(), network.reservoirs.end(),
                       [v](const AllocationNetwork::Reservoir& r) { return r.node == v; });
}

// Where the non-consumed part of a withdrawal at v goes: v, a node a few steps down, or nowhere. A
// return may not pass a reservoir (docs/allocation.md): the walk down neither leaves a reservoir
// node nor goes on past one.
int draw_return_node(Draw& draw, const AllocationNetwork& network, int v) {
    const double u = draw.uniform(0.0, 1.0);
    if (u < 0.3) return v;
    if (u < 0.45) return -1;
    int node = v;
    for (int steps = draw.integer(1, 4); steps > 0 && network.downstream[node] >= 0; --steps) {
        if (has_reservoir(network, node)) break;
        node = network.downstream[node];
    }
    return node;
}

double draw_fraction(Draw& draw) {
    const double u = draw.uniform(0.0, 1.0);
    return u < 0.2 ? 1.0 : u < 0.25 ? 0.0 : draw.uniform(0.05, 1.0);
}

void make_demands(Draw& draw, int nodes, AllocationNetwork& network, AllocationDay& day) {
    for (int v = 0; v < nodes; ++v) {
        if (!draw.chance(0.5)) continue;
        for (int count = draw.integer(1, 3); count > 0; --count) {
            AllocationNetwork::Demand demand;
            demand.node = v;
            demand.consumptive_fraction = draw_fraction(draw);
            demand.return_node = draw_return_node(draw, network, v);
            demand.priority = draw.integer(1, 4);
            network.demands.push_back(demand);
            day.request_m3s.push_back(draw.chance(0.08) ? 0.0 : draw.uniform(0.2, 15.0));
        }
    }
}

void make_requirements(Draw& draw, int nodes, AllocationNetwork& network, AllocationDay& day) {
    for (int v = 0; v < nodes; ++v) {
        if (!draw.chance(0.2)) continue;
        for (int count = draw.integer(1, 2); count > 0; --count) {
            network.requirements.push_back({v, draw.integer(1, 4)});
            day.required_m3s.push_back(draw.chance(0.08) ? 0.0 : draw.uniform(0.5, 30.0));
        }
    }
}

void add_reservoir(Draw& draw, int v, AllocationNetwork& network, AllocationDay& day) {
    network.reservoirs.push_back({v});
    const double capacity = draw.uniform(20.0, 2000.0);
    const double dead = draw.chance(0.15) ? 0.0 : draw.uniform(0.0, 0.4 * capacity);
    const double u = draw.uniform(0.0, 1.0);
    const double storage = u < 0.2    ? draw.uniform(0.0, dead)
                           : u < 0.4  ? capacity
                           : u < 0.45 ? draw.uniform(0.995 * capacity, capacity)
                                      : draw.uniform(dead, capacity);
    const double w = draw.uniform(0.0, 1.0);
    const double release = w < 0.35  ? draw.uniform(0.0, 5.0)
                           : w < 0.8 ? draw.uniform(5.0, 60.0)
                                     : 1e6;
    day.storage.push_back(storage);
    day.dead_storage.push_back(dead);
    day.capacity.push_back(capacity);
    day.evaporation.push_back(draw.chance(0.2) ? 0.0 : draw.uniform(0.0, 0.02) * storage);
    day.max_release.push_back(release);
}

void make_reservoirs(Draw& draw, int nodes, int max_reservoirs, AllocationNetwork& network,
                     AllocationDay& day) {
    for (int v = 0; v < nodes; ++v) {
        if (draw.chance(0.15) && static_cast<int>(network.reservoirs.size()) < max_reservoirs)
            add_reservoir(draw, v, network, day);
    }
}

} // namespace

RandomAllocationInstance make_random_instance(std::uint64_t seed, int nodes, int max_reservoirs) {
    Draw draw(seed);
    RandomAllocationInstance instance;
    make_tree(draw, nodes, instance.network);
    make_inflows(draw, nodes, instance.day);
    make_reservoirs(draw, nodes, max_reservoirs, instance.network, instance.day);
    make_demands(draw, nodes, instance.network, instance.day);
    make_requirements(draw, nodes, instance.network, instance.day);
    return instance;
}

std::string describe(const RandomAllocationInstance& instance) {
    const auto& net = instance.network;
    const auto& day = instance.day;
    std::ostringstream out;
    out.precision(17);
    for (std::size_t v = 0; v < net.downstream.size(); ++v) {
        out << "node " << v << " down=" << net.downstream[v] << " g=" << net.same_day_gain[v]
            << " I=" << day.inflow_m3s[v] << '\n';
    }
    for (std::size_t j = 0; j < net.demands.size(); ++j) {
        const auto& d = net.demands[j];
        out << "demand " << j << " node=" << d.node << " ret=" << d.return_node
            << " kappa=" << d.consumptive_fraction << " p=" << d.priority
            << " D=" << day.request_m3s[j] << '\n';
    }
    for (std::size_t k = 0; k < net.requirements.size(); ++k) {
        const auto& r = net.requirements[k];
        out << "requirement " << k << " node=" << r.node << " p=" << r.priority
            << " R=" << day.required_m3s[k] << '\n';
    }
    for (std::size_t r = 0; r < net.reservoirs.size(); ++r) {
        out << "reservoir " << r << " node=" << net.reservoirs[r].node << " S=" << day.storage[r]
            << " dead=" << day.dead_storage[r] << " C=" << day.capacity[r]
            << " E=" << day.evaporation[r] << " Qmax=" << day.max_release[r] << '\n';
    }
    return out.str();
}

} // namespace riparia::test

namespace riparia::test {
namespace {

using model::AllocationResult;

// The terms of eq. 1-3 at one node, recomputed from a result.
struct NodeWater {
    double available = 0;  // A_v, eq. 1
    double withdrawn = 0;  // sum of W_j at v
    double own_return = 0; // returns of withdrawals at v to v itself
};

NodeWater node_water(const RandomAllocationInstance& instance, const AllocationResult& result,
                     int v) {
    const auto& net = instance.network;
    NodeWater water;
    water.available = instance.day.inflow_m3s[v];
    for (std::size_t u = 0; u < net.downstream.size(); ++u) {
        if (net.downstream[u] == v) water.available += net.same_day_gain[u] * result.outflow_m3s[u];
    }
    for (std::size_t j = 0; j < net.demands.size(); ++j) {
        const auto& d = net.demands[j];
        const double returned = (1.0 - d.consumptive_fraction) * result.delivered_m3s[j];
        if (d.return_node == v && d.node != v) {
            // Today only the river's same-day share of the path arrives (docs/allocation.md).
            double along_river = 1.0;
            for (int u = d.node; u != v; u = net.downstream[u])
                along_river *= net.same_day_gain[u];
            water.available += returned * along_river;
        }
        if (d.node != v) continue;
        water.withdrawn += result.delivered_m3s[j];
        if (d.return_node == v) water.own_return += returned;
    }
    return water;
}

class Violations {
  public:
    explicit Violations(std::vector<std::string>& lines) : lines_(lines) {}
    void check(bool ok, const std::string& what, double lhs, double rhs) {
        if (ok) return;
        std::ostringstream out;
        out.precision(17);
        out << what << ": " << lhs << " vs " << rhs;
        lines_.push_back(out.str());
    }

  private:
    std::vector<std::string>& lines_;
};

void check_plain_node(const RandomAllocationInstance& instance, const AllocationResult& result,
                      int v, Violations& violations) {
    const NodeWater w = node_water(instance, result, v);
    const double outflow = result.outflow_m3s[v];
    const double tol = 1e-9 * (1.0 + w.available + w.withdrawn + outflow);
    const std::string at = "node " + std::to_string(v);
    violations.check(w.withdrawn <= w.available + tol, at + " eq.2 withdrawals <= A", w.withdrawn,
                     w.available);
    const double expected = w.available - w.withdrawn + w.own_return;
    violations.check(std::abs(outflow - expected) <= tol, at + " eq.3 outflow", outflow, expected);
}

void check_reservoir(const RandomAllocationInstance& instance, const AllocationResult& result,
                     int r, Violations& violations) {
    const auto& day = instance.day;
    const int v = instance.network.reservoirs[r].node;
    const NodeWater w = node_water(instance, result, v);
    const double s = day.storage[r], e = day.evaporation[r], c = day.capacity[r];
    const double low = std::min(day.dead_storage[r], s - e);
    const double outflow = result.outflow_m3s[v], end = result.storage_end[r];
    const double release = result.release_m3s[r], spill = result.spill_m3s[r];
    const double tol = 1e-9 * (1.0 + w.available + w.withdrawn + outflow + s + c);
    const std::string at = "reservoir " + std::to_string(r) + " (node " + std::to_string(v) + ")";
    violations.check(w.withdrawn <= s - e - low + w.available + tol, at + " eq.4 withdrawals",
                     w.withdrawn, s - e - low + w.available);
    violations.check(std::abs(outflow - release - spill) <= tol, at + " O = release + spill",
                     outflow, release + spill);
    const double held = s - e + w.available - w.withdrawn + w.own_return; // X_v
    violations.check(std::abs(end - (held - outflow)) <= tol, at + " S' = X - O", end,
                     held - outflow);
    violations.check(end >= low - tol, at + " S' >= L", end, low);
    violations.check(end <= c + tol, at + " S' <= C", end, c);
    violations.check(release >= -tol, at + " release >= 0", release, 0.0);
    violations.check(release <= day.max_release[r] + tol, at + " release <= Q_max", release,
                     day.max_release[r]);
    violations.check(spill >= -tol, at + " spill >= 0", spill, 0.0);
    violations.check(spill <= tol || end >= c - tol, at + " spill only when full", spill, end);
}

void check_items(const RandomAllocationInstance& instance, const AllocationResult& result,
                 Violations& violations) {
    const auto& net = instance.network;
    const auto& day = instance.day;
    for (std::size_t j = 0; j < net.demands.size(); ++j) {
        const double w = result.delivered_m3s[j], d = day.request_m3s[j];
        const double tol = 1e-9 * (1.0 + d);
        const std::string at = "demand " + std::to_string(j);
        violations.check(w >= -tol, at + " W >= 0", w, 0.0);
        violations.check(w <= d + tol, at + " W <= D", w, d);
    }
    for (std::size_t k = 0; k < net.requirements.size(); ++k) {
        const double met = result.met_m3s[k], r = day.required_m3s[k];
        const double outflow = result.outflow_m3s[net.requirements[k].node];
        const double tol = 1e-9 * (1.0 + r + outflow);
        violations.check(std::abs(met - std::min(r, outflow)) <= tol,
                         "requirement " + std::to_string(k) + " met = min(R, O)", met,
                         std::min(r, outflow));
    }
}

bool sizes_match(const RandomAllocationInstance& instance, const AllocationResult& result) {
    const auto& net = instance.network;
    return result.delivered_m3s.size() == net.demands.size() &&
           result.outflow_m3s.size() == net.downstream.size() &&
           result.met_m3s.size() == net.requirements.size() &&
           result.release_m3s.size() == net.reservoirs.size() &&
           result.spill_m3s.size() == net.reservoirs.size() &&
           result.storage_end.size() == net.reservoirs.size();
}

} // namespace

std::vector<std::string> balance_violations(const RandomAllocationInstance& instance,
                                            const AllocationResult& result) {
    std::vector<std::string> lines;
    if (!sizes_match(instance, result)) return {"result vectors are not sized as the network"};
    Violations violations(lines);
    std::vector<int> reservoir_at(instance.network.downstream.size(), -1);
    for (std::size_t r = 0; r < instance.network.reservoirs.size(); ++r)
        reservoir_at[instance.network.reservoirs[r].node] = static_cast<int>(r);
    for (std::size_t v = 0; v < reservoir_at.size(); ++v) {
        const double outflow = result.outflow_m3s[v];
        violations.check(outflow >= -1e-9 * (1.0 + std::abs(outflow)),
                         "node " + std::to_string(v) + " O >= 0", outflow, 0.0);
        if (reservoir_at[v] < 0)
            check_plain_node(instance, result, static_cast<int>(v), violations);
        else
            check_reservoir(instance, result, reservoir_at[v], violations);
    }
    check_items(instance, result, violations);
    return lines;
}

std::vector<double> result_coverages(const RandomAllocationInstance& instance,
                                     const AllocationResult& result) {
    std::vector<double> coverage;
    const auto& day = instance.day;
    for (std::size_t j = 0; j < day.request_m3s.size(); ++j) {
        const double d = day.request_m3s[j];
        coverage.push_back(d > 0.0 ? result.delivered_m3s[j] / d : 1.0);
    }
    for (std::size_t k = 0; k < day.required_m3s.size(); ++k) {
        const double r = day.required_m3s[k];
        coverage.push_back(r > 0.0 ? result.met_m3s[k] / r : 1.0);
    }
    return coverage;
}

} // namespace riparia::test
