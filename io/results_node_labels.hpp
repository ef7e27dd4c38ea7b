// The sub-basin labels of a results.nc (node_id, country, downstream_id), for tools that read a
// run folder back. Throws InputError naming the file when it is not a riparia results.nc.
#pragma once

#include <string>
#include <vector>

namespace riparia::io {

struct NodeLabels {
    std::vector<std::string> ids, countries, downstream_ids; // downstream: "" at an outlet
};

NodeLabels read_node_labels(const std::string& path);

} // namespace riparia::io
