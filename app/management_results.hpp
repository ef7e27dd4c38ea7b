// The management part of results.nc: per demand, reservoir, environmental flow and agreement.
#pragma once

#include "io/netcdf_results.hpp"
#include "model/management.hpp"
#include "model/period_means.hpp"
#include "model/water_manager.hpp"

#include <vector>

namespace riparia::app {

// The instance sets for results.nc (empty ones are left out of the file).
std::vector<io::InstanceSet> management_sets(const model::Management& management);

// Averages the daily figures of each set over the output periods, like the node variables.
class ManagementMeans {
  public:
    ManagementMeans(model::OutputPeriod period, const model::Management& management);
    // Adds a day; returns true when it closes a period (same rule as model::PeriodMeans).
    bool add(std::int64_t day, const model::ManagementDay& figures, bool last_day_of_run);
    // Pointers to the period means, set by set, variable by variable (non-empty sets only).
    void means(std::vector<const double*>& rows) const;

  private:
    std::vector<model::PeriodMeans> sets_;
    std::vector<std::size_t> variables_;
    std::vector<char> present_;
};

} // namespace riparia::app
