#include "model/stress_institutions.hpp"

#include <algorithm>
#include <cmath>

namespace riparia::model {

double institutional_capacity(const InstitutionFacts& f, const StressConfig& c) {
    if (!f.known) return 0;
    const double total = c.w_agreement + c.w_allocation + c.w_variability_mgmt +
                         c.w_conflict_resolution + c.w_rbo + c.w_all_members;
    if (!(total > 0)) return 0;
    const double sum = c.w_agreement * f.agreement + c.w_allocation * f.allocation +
                       c.w_variability_mgmt * f.variability_mgmt +
                       c.w_conflict_resolution * f.conflict_resolution + c.w_rbo * f.rbo +
                       c.w_all_members * f.all_members;
    const double capacity = sum / total;
    if (std::isnan(f.compliance)) return capacity;
    return capacity * std::clamp(f.compliance, 0.0, 1.0);
}

} // namespace riparia::model
