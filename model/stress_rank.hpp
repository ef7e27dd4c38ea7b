// Rank statistics for validating the screening against event counts (docs/validation.md).
#pragma once

#include <vector>

namespace riparia::model {

// Ranks 1..n, ties given their average rank.
std::vector<double> average_ranks(const std::vector<double>& values);
// Spearman's rho: Pearson's correlation of the average ranks (Spearman 1904); NaN for n < 2 or a
// constant series.
double spearman_rho(const std::vector<double>& x, const std::vector<double>& y);

} // namespace riparia::model
