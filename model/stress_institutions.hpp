// Institutional capacity from treaty and river-basin-organisation attributes, the capacity side
// of the Basins at Risk logic (Wolf, Yoffe & Giordano 2003) with the treaty mechanisms De Stefano
// et al. (2012) code as resilience: allocation, variability management, conflict resolution.
#pragma once

#include "model/stress_config.hpp"

#include <limits>

namespace riparia::model {

struct InstitutionFacts {
    bool known = false;               // any treaty or RBO record for the countries concerned
    bool agreement = false;           // an agreement in force binds the pair (or the basin)
    bool allocation = false;          // ... that allocates water
    bool variability_mgmt = false;    // ... with a variability-management mechanism
    bool conflict_resolution = false; // ... with a conflict-resolution mechanism
    bool rbo = false;                 // both are members of a river basin organisation
    bool all_members = false;         // that organisation includes every riparian
    // Share of agreement obligations met in a simulation (0..1); NaN when not simulated.
    double compliance = std::numeric_limits<double>::quiet_NaN();
};

// Weighted sum of the attributes over the sum of the weights (0..1), times the compliance when
// it is known; 0 when nothing is known (no institutional data counts as no agreement).
double institutional_capacity(const InstitutionFacts& facts, const StressConfig& config);

} // namespace riparia::model
