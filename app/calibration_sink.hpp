// The result sink of a calibration evaluation: daily discharge (m3/s) at a few sub-basins over
// the reported period, kept in memory; annual volumes per calendar year on request.
#pragma once

#include "model/simulation.hpp"

#include <cstdint>
#include <vector>

namespace riparia::app {

class DischargeRecorder : public model::ResultSink {
  public:
    DischargeRecorder(std::vector<std::size_t> nodes, std::int64_t first_day,
                      std::int64_t last_day);
    void consume(const model::DayBlockResults& block) override;

    // Daily discharge of the k-th recorded node, index 0 = the first reported day.
    const std::vector<double>& daily_m3s(std::size_t k) const { return daily_[k]; }
    // Volume (km3) of the k-th node in a calendar year wholly inside the period.
    double annual_km3(std::size_t k, std::int64_t year) const;
    std::int64_t first_day() const { return first_day_; }

  private:
    std::vector<std::size_t> nodes_;
    std::int64_t first_day_ = 0;
    std::vector<std::vector<double>> daily_;
};

} // namespace riparia::app
