// The run.json part of `riparia compare`: per (scenario, policy) both runs have, the headline
// figures of each member — mean annual flow at the border points (km3/yr), the shortage of each
// country (share of its requested withdrawals not delivered, %), and the compliance of each
// agreement and environmental flow (delivered / required volume, %) over the reported years —
// and the difference B - A: the median and P10-P90 of the member-wise differences when both have
// the same members (names and seeds), else the difference of the members' medians (stated).
#pragma once

#include "app/compare_folder.hpp"
#include "app/compare_stress.hpp"

#include <nlohmann/json.hpp>

namespace riparia::app {

// {"groups": [{scenario, policy, members_a, members_b, method, figures: [...]}], "note": ...};
// figures sorted by the largest change first (relative to A's median).
nlohmann::json compare_headline(const RunFolder& a, const RunFolder& b,
                                const CompareFilter& filter);

} // namespace riparia::app
