// The stress part of `riparia compare`: the rows of A's and B's stress.json matched on
// (scenario, policy, level, item), and per matched row the difference B - A of the score (median,
// P10, P90; stress.json holds no member-level scores, so these are differences of the summaries,
// not the spread of member-wise differences), of the class, of the share of members at risk, of
// every indicator both rows have ({median, p10, p90}), and the flags that appear or disappear.
#pragma once

#include "app/compare_folder.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace riparia::app {

struct CompareFilter {
    std::optional<std::string> scenario, policy; // only rows of this scenario / policy
};

// {"rows": [...], "flags": {"appearing": [...], "disappearing": [...]}, "only_in_a": [...],
//  "only_in_b": [...], "spread": "..."}; rows sorted by the largest change first. Throws
// InputError when no row matches, saying what differs (basin, scenarios, policies).
nlohmann::json compare_stress(const RunFolder& a, const RunFolder& b, const CompareFilter& filter);

} // namespace riparia::app
