#include "model/network.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace riparia::model {

namespace {

// Follows downstream links from a node known to be on a cycle and names the loop.
std::string describe_cycle(const std::vector<std::string>& ids, const std::vector<int>& downstream,
                           int start) {
    std::vector<int> seen_at(downstream.size(), -1);
    std::vector<int> path;
    int node = start;
    while (seen_at[node] < 0) {
        seen_at[node] = static_cast<int>(path.size());
        path.push_back(node);
        node = downstream[node];
    }
    std::string text;
    for (std::size_t k = static_cast<std::size_t>(seen_at[node]); k < path.size(); ++k) {
        text += fmt::format("{} -> ", ids[path[k]]);
    }
    return text + ids[node];
}

} // namespace

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

Network::Network(const std::vector<std::string>& ids,
                 const std::vector<std::string>& downstream_ids)
    : ids_(ids) {
    const std::size_t n = ids.size();
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < n; ++i) {
        auto [it, inserted] = index.emplace(ids[i], static_cast<int>(i));
        if (!inserted) {
            throw NetworkError(NetworkError::Kind::duplicate_id, i,
                               fmt::format("duplicate sub-basin id '{}' (first used by sub-basin "
                                           "#{})",
                                           ids[i], it->second + 1));
        }
    }
    downstream_.assign(n, kOutlet);
    upstream_.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
        if (downstream_ids[i].empty()) continue;
        auto it = index.find(downstream_ids[i]);
        if (it == index.end()) {
            throw NetworkError(NetworkError::Kind::unknown_downstream, i,
                               fmt::format("downstream id '{}' is not a sub-basin of this basin",
                                           downstream_ids[i]));
        }
        if (it->second == static_cast<int>(i)) {
            throw NetworkError(NetworkError::Kind::self_loop, i,
                               fmt::format("sub-basin '{}' names itself as downstream", ids[i]));
        }
        downstream_[i] = it->second;
        upstream_[it->second].push_back(static_cast<int>(i));
    }
    order_ = model::topological_order(downstream_); // what is left out sits on a cycle
    std::vector<int> pending(n);
    for (std::size_t i = 0; i < n; ++i)
        pending[i] = static_cast<int>(upstream_[i].size());
    for (const int node : order_) {
        if (downstream_[node] != kOutlet) --pending[downstream_[node]];
    }
    if (order_.size() != n) {
        const auto stuck =
            std::find_if(pending.begin(), pending.end(), [](int p) { return p > 0; });
        const int start = static_cast<int>(stuck - pending.begin());
        throw NetworkError(NetworkError::Kind::cycle, static_cast<std::size_t>(start),
                           "the network has a cycle: " + describe_cycle(ids, downstream_, start));
    }
    outlet_of_.assign(n, kOutlet);
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
        const int node = *it;
        if (downstream_[node] == kOutlet) {
            outlet_of_[node] = node;
        } else {
            outlet_of_[node] = outlet_of_[downstream_[node]];
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (downstream_[i] == kOutlet) outlets_.push_back(static_cast<int>(i));
    }
}

int Network::index_of(const std::string& id) const {
    auto it = std::find(ids_.begin(), ids_.end(), id);
    return it == ids_.end() ? -1 : static_cast<int>(it - ids_.begin());
}

} // namespace riparia::model
