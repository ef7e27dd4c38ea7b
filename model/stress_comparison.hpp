// Comparisons counted over ensemble members, in words (docs/stress.md, "Reasons"): how a policy
// changes a quantity against the as-is policy, or a scenario against the baseline, member by
// member, e.g. "GERD filled in 3 years cuts dry-season inflow to EGY by more than 10 % against
// basin in 14 of 20 members (median -23 %)".
#pragma once

#include <string>
#include <vector>

namespace riparia::model {

// (value - reference) / reference per member; NaN where the reference is not positive.
std::vector<double> relative_changes(const std::vector<double>& values,
                                     const std::vector<double>& reference);

// The sentence for `changes` (relative, one per member, NaN = not known): the direction in which
// more members move by more than `notable` (a share), with their count and the median change of
// the known members. Empty when no member moves by more than `notable`.
std::string change_sentence(const std::string& cause, const std::string& quantity,
                            const std::string& reference, const std::vector<double>& changes,
                            double notable);

} // namespace riparia::model
