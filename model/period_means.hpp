// Turns daily values into means over output periods (each day, or each calendar month; a month
// cut by the start or end of the run averages the days it has).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace riparia::model {

enum class OutputPeriod { daily, monthly };

class PeriodMeans {
  public:
    PeriodMeans(OutputPeriod period, std::size_t variables, std::size_t nodes);

    // Adds one day: values[v][node]. Returns true when the day closes a period (the month's last
    // day, every day when daily, or the run's last day); the means are then ready to read until
    // the next add().
    bool add(std::int64_t day, const double* const* values, bool last_day_of_run);

    std::int64_t period_first_day() const { return first_day_; }
    std::int64_t period_last_day() const { return last_day_; }
    const double* mean(std::size_t variable) const { return &means_[variable * nodes_]; }

  private:
    OutputPeriod period_;
    std::size_t variables_, nodes_;
    std::vector<double> sums_, means_;
    int days_in_sum_ = 0;
    std::int64_t first_day_ = 0, last_day_ = 0;
};

} // namespace riparia::model
