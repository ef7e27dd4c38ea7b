// The basin network: sub-basins form directed trees toward their outlets. A file may hold several
// independent trees (each outlet closes its own basin); there are no cycles, every downstream id
// exists, ids are unique. Routing runs in the topological order computed here.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace riparia::model {

class NetworkError : public std::runtime_error {
  public:
    enum class Kind { duplicate_id, unknown_downstream, self_loop, cycle };
    NetworkError(Kind kind, std::size_t node, const std::string& message)
        : std::runtime_error(message), kind_(kind), node_(node) {}
    Kind kind() const { return kind_; }
    std::size_t node() const { return node_; } // index of the offending sub-basin
  private:
    Kind kind_;
    std::size_t node_;
};

// Kahn's algorithm from the headwaters over a downstream map (-1 at outlets): every node after
// all of its upstream nodes, ties broken by index. Nodes on a cycle are left out.
std::vector<int> topological_order(const std::vector<int>& downstream);

class Network {
  public:
    static constexpr int kOutlet = -1;

    Network() = default;
    // downstream_ids[i] empty = outlet. Throws NetworkError.
    Network(const std::vector<std::string>& ids, const std::vector<std::string>& downstream_ids);

    std::size_t size() const { return downstream_.size(); }
    int downstream(std::size_t node) const { return downstream_[node]; }
    const std::vector<int>& upstream(std::size_t node) const { return upstream_[node]; }
    // Every node after all of its upstream nodes; ties broken by file order (deterministic).
    const std::vector<int>& topological_order() const { return order_; }
    const std::vector<int>& outlets() const { return outlets_; }
    int outlet_of(std::size_t node) const { return outlet_of_[node]; }
    int index_of(const std::string& id) const; // -1 when unknown

  private:
    std::vector<std::string> ids_;
    std::vector<int> downstream_, order_, outlets_, outlet_of_;
    std::vector<std::vector<int>> upstream_;
};

} // namespace riparia::model
