#include "model/stress_flow_origin.hpp"

#include <algorithm>
#include <stdexcept>

namespace riparia::model {

namespace {

// Units ordered so that every unit comes after all its upstream units (Kahn 1962).
template <typename Unit> std::vector<std::size_t> upstream_first(const std::vector<Unit>& units) {
    const std::size_t n = units.size();
    std::vector<int> pending(n, 0);
    for (const auto& u : units) {
        if (u.downstream < -1 || u.downstream >= static_cast<int>(n))
            throw std::invalid_argument("flow origin: downstream index out of range");
        if (u.downstream >= 0) ++pending[static_cast<std::size_t>(u.downstream)];
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i)
        if (pending[i] == 0) order.push_back(i);
    for (std::size_t next = 0; next < order.size(); ++next) {
        const int d = units[order[next]].downstream;
        if (d >= 0 && --pending[static_cast<std::size_t>(d)] == 0)
            order.push_back(static_cast<std::size_t>(d));
    }
    if (order.size() != n) throw std::invalid_argument("flow origin: the units form a cycle");
    return order;
}

// Adds `scale` times `from` to `to`.
void add_scaled(std::vector<double>& to, const std::vector<double>& from, double scale) {
    for (std::size_t k = 0; k < to.size(); ++k)
        to[k] += from[k] * scale;
}

} // namespace

FlowOrigin track_flow_origin(const std::vector<FlowUnit>& units) {
    const std::size_t n = units.size();
    FlowOrigin r;
    r.available_m3.assign(n, 0);
    r.inflow_m3.assign(n, 0);
    r.outflow_m3.assign(n, 0);
    std::vector<std::vector<double>> volume(n, std::vector<double>(n, 0)); // m3 by origin
    for (std::size_t u : upstream_first(units)) {
        volume[u][u] += std::max(0.0, units[u].local_runoff_m3);
        r.available_m3[u] = std::max(0.0, units[u].local_runoff_m3) + r.inflow_m3[u];
        r.outflow_m3[u] = std::max(0.0, r.available_m3[u] - units[u].consumption_m3);
        const int d = units[u].downstream;
        if (d < 0 || r.available_m3[u] <= 0) continue;
        const double kept = r.outflow_m3[u] / r.available_m3[u];
        for (std::size_t k = 0; k < n; ++k)
            volume[d][k] += volume[u][k] * kept;
        r.inflow_m3[d] += r.outflow_m3[u];
    }
    r.origin_share = std::move(volume);
    for (std::size_t u = 0; u < n; ++u) {
        for (double& v : r.origin_share[u])
            v = r.available_m3[u] > 0 ? v / r.available_m3[u] : 0;
        if (r.available_m3[u] <= 0) r.origin_share[u][u] = 1; // nothing arrives: own water only
    }
    return r;
}

RegionWater trace_region_water(const std::vector<OriginNode>& nodes, std::size_t regions) {
    for (const auto& node : nodes)
        if (node.region >= regions)
            throw std::invalid_argument("flow origin: region index out of range");
    const std::vector<double> none(regions, 0.0);
    RegionWater w;
    w.available_m3.assign(regions, 0);
    w.inflow_m3.assign(regions, 0);
    w.origin_m3.assign(regions, none);
    w.through_m3.assign(regions, none);
    // What enters each node, by origin and by the regions it crossed.
    std::vector<double> entering(nodes.size(), 0);
    std::vector<std::vector<double>> origin(nodes.size(), none), through(nodes.size(), none);
    for (std::size_t i : upstream_first(nodes)) {
        const OriginNode& n = nodes[i];
        const double local = std::max(0.0, n.local_runoff_m3);
        w.available_m3[n.region] += local;
        w.origin_m3[n.region][n.region] += local;
        entering[i] += local;
        origin[i][n.region] += local;
        through[i][n.region] = entering[i]; // all of it is now in the node's region
        if (n.downstream < 0) continue;
        const auto d = static_cast<std::size_t>(n.downstream);
        const double out = std::max(0.0, n.outflow_m3);
        if (!(entering[i] > 0)) { // storage released with nothing entering: the node's own water
            origin[i][n.region] = through[i][n.region] = entering[i] = out;
        }
        const double kept = entering[i] > 0 ? out / entering[i] : 0;
        entering[d] += out;
        add_scaled(origin[d], origin[i], kept);
        add_scaled(through[d], through[i], kept);
        const std::size_t r = nodes[d].region;
        if (r == n.region) continue;
        w.available_m3[r] += out;
        w.inflow_m3[r] += out;
        add_scaled(w.origin_m3[r], origin[i], kept);
        add_scaled(w.through_m3[r], through[i], kept);
    }
    return w;
}

} // namespace riparia::model
