// An independent reference for the daily allocation (docs/allocation.md): the same network of one
// day written as a mixed-integer programme (one binary per reservoir that can spill) and solved by
// GLPK, with the priority levels and the equal-shortage freezing done as a sequence of
// optimisations. Tests only; it shares nothing with model/allocation.cpp but the problem structs.
#pragma once

#include "model/allocation.hpp"

#include <vector>

namespace riparia::test {

// Coverage of every item: all demands in order, then all requirements in order. An item asking
// for nothing (request or required flow 0) has coverage 1. Throws std::runtime_error when GLPK
// fails or the levels cannot be completed.
std::vector<double> reference_coverages(const riparia::model::AllocationNetwork& network,
                                        const riparia::model::AllocationDay& day);

} // namespace riparia::test
