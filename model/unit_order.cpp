#include "model/unit_order.hpp"

#include <algorithm>

namespace riparia::model {

namespace {

// Units with terrain, upstream first: higher lowland, then higher mean elevation, then input
// order.
std::vector<std::size_t> rank_by_terrain(const std::vector<OrderUnit>& units) {
    std::vector<std::size_t> ranked;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (units[i].has_terrain) ranked.push_back(i);
    std::stable_sort(ranked.begin(), ranked.end(), [&](auto a, auto b) {
        if (units[a].low_m != units[b].low_m) return units[a].low_m > units[b].low_m;
        return units[a].mean_m > units[b].mean_m;
    });
    return ranked;
}

// Input index -> input index drained to (-1: outlet) for the ranked units: the lower unit with
// the longest shared border (the next lower on equal borders), else the next lower one.
std::vector<int> terrain_targets(const std::vector<OrderUnit>& units,
                                 const std::vector<std::size_t>& ranked) {
    std::vector<int> target(units.size(), -1), rank(units.size(), -1);
    for (std::size_t r = 0; r < ranked.size(); ++r)
        rank[ranked[r]] = static_cast<int>(r);
    for (std::size_t r = 0; r + 1 < ranked.size(); ++r) {
        int best = -1;
        double longest = -1;
        for (const auto& [v, km] : units[ranked[r]].borders) {
            if (rank[v] <= static_cast<int>(r)) continue; // not lower
            if (km > longest || (km == longest && rank[v] < best)) best = rank[v], longest = km;
        }
        target[ranked[r]] = static_cast<int>(ranked[best >= 0 ? best : r + 1]);
    }
    return target;
}

// Units without terrain, in fallback order, each with the unit with terrain it drains to: the
// next one in fallback order, else the lowest.
std::vector<std::pair<std::size_t, std::size_t>>
fallback_targets(const std::vector<OrderUnit>& units, std::size_t lowest) {
    std::vector<std::size_t> by_rank(units.size());
    for (std::size_t i = 0; i < units.size(); ++i)
        by_rank[i] = i;
    std::stable_sort(by_rank.begin(), by_rank.end(), [&](auto a, auto b) {
        return units[a].fallback_rank < units[b].fallback_rank;
    });
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t next = lowest;
    for (auto it = by_rank.rbegin(); it != by_rank.rend(); ++it)
        if (units[*it].has_terrain)
            next = *it;
        else
            out.insert(out.begin(), {*it, next});
    return out;
}

UnitOrder chain(std::vector<std::size_t> order) {
    UnitOrder out;
    out.order = std::move(order);
    for (std::size_t p = 0; p < out.order.size(); ++p)
        out.downstream.push_back(p + 1 < out.order.size() ? static_cast<int>(p + 1) : -1);
    return out;
}

} // namespace

UnitOrder order_by_terrain(const std::vector<OrderUnit>& units) {
    const auto ranked = rank_by_terrain(units);
    if (ranked.empty()) { // no terrain at all: the fallback order as a chain
        std::vector<std::size_t> order;
        for (const auto& [unit, target] : fallback_targets(units, 0))
            order.push_back(unit);
        return chain(order);
    }
    auto target = terrain_targets(units, ranked);
    std::vector<std::vector<std::size_t>> feeders(units.size());
    for (const auto& [unit, to] : fallback_targets(units, ranked.back())) {
        feeders[to].push_back(unit);
        target[unit] = static_cast<int>(to);
    }
    UnitOrder out; // each unit without terrain just before the unit it drains to
    for (const std::size_t t : ranked) {
        out.order.insert(out.order.end(), feeders[t].begin(), feeders[t].end());
        out.order.push_back(t);
    }
    std::vector<int> position(units.size(), -1);
    for (std::size_t p = 0; p < out.order.size(); ++p)
        position[out.order[p]] = static_cast<int>(p);
    for (const std::size_t i : out.order)
        out.downstream.push_back(target[i] < 0 ? -1 : position[target[i]]);
    return out;
}

} // namespace riparia::model
