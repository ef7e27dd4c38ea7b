// The indicators reported for every item of a stress table (docs/stress.md, "Indicators"): one
// catalogue of keys, units, CSV columns and descriptions, and the values of a unit, a pair or the
// basin as a whole in catalogue order (NaN where an indicator does not apply or is not known).
#pragma once

#include "model/stress_score.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace riparia::model {

struct IndicatorInfo {
    const char* key;         // in stress.json's "indicators"
    const char* unit;        // "ratio", "share", "m3 per person per year", ...
    const char* column;      // stress.csv column of the members' median
    const char* description; // definition and source, one sentence
};

const std::vector<IndicatorInfo>& indicator_catalogue();

std::vector<double> unit_indicators(const BasinFigures& basin, std::size_t unit,
                                    const StressConfig& config);
std::vector<double> pair_indicators(const BasinFigures& basin, std::size_t pair,
                                    const StressConfig& config);
std::vector<double> basin_indicators(const BasinFigures& basin, const StressConfig& config);

// The class label of a value of indicator `index` (Aqueduct water stress or IAV, Falkenmark);
// empty for indicators without classes or an unknown value.
std::string indicator_class(std::size_t index, double value, const StressConfig& config);

} // namespace riparia::model
