#include "model/period_means.hpp"

#include "model/calendar.hpp"

#include <algorithm>

namespace riparia::model {

PeriodMeans::PeriodMeans(OutputPeriod period, std::size_t variables, std::size_t nodes)
    : period_(period), variables_(variables), nodes_(nodes), sums_(variables * nodes, 0.0),
      means_(variables * nodes, 0.0) {}

bool PeriodMeans::add(std::int64_t day, const double* const* values, bool last_day_of_run) {
    if (days_in_sum_ == 0) first_day_ = day;
    for (std::size_t v = 0; v < variables_; ++v) {
        double* sum = sums_.data() + v * nodes_; // no element taken: a set may be empty
        for (std::size_t n = 0; n < nodes_; ++n)
            sum[n] += values[v][n];
    }
    ++days_in_sum_;
    bool closes = last_day_of_run || period_ == OutputPeriod::daily;
    if (!closes) closes = calendar::date_of(day + 1).day == 1;
    if (!closes) return false;
    last_day_ = day;
    const double inverse = 1.0 / days_in_sum_;
    for (std::size_t k = 0; k < sums_.size(); ++k)
        means_[k] = sums_[k] * inverse;
    std::fill(sums_.begin(), sums_.end(), 0.0);
    days_in_sum_ = 0;
    return true;
}

} // namespace riparia::model
