#include "app/calibration_sink.hpp"

#include "model/calendar.hpp"
#include "model/units.hpp"

namespace riparia::app {

DischargeRecorder::DischargeRecorder(std::vector<std::size_t> nodes, std::int64_t first_day,
                                     std::int64_t last_day)
    : nodes_(std::move(nodes)), first_day_(first_day) {
    daily_.assign(nodes_.size(),
                  std::vector<double>(static_cast<std::size_t>(last_day - first_day + 1)));
}

void DischargeRecorder::consume(const model::DayBlockResults& block) {
    if (daily_.empty()) return;
    for (int d = 0; d < block.days; ++d) {
        const std::int64_t at = block.first_day + d - first_day_;
        if (at < 0 || at >= static_cast<std::int64_t>(daily_.front().size())) continue;
        const double* row = block.discharge_m3s + static_cast<std::size_t>(d) * block.stride;
        for (std::size_t k = 0; k < nodes_.size(); ++k)
            daily_[k][static_cast<std::size_t>(at)] = row[nodes_[k]];
    }
}

double DischargeRecorder::annual_km3(std::size_t k, std::int64_t year) const {
    const int y = static_cast<int>(year);
    const std::int64_t from = calendar::day_number({y, 1, 1}) - first_day_;
    const std::int64_t to = calendar::day_number({y, 12, 31}) - first_day_;
    double sum_m3s_days = 0;
    for (std::int64_t d = from; d <= to; ++d)
        sum_m3s_days += daily_[k][static_cast<std::size_t>(d)];
    return sum_m3s_days * units::hm3_per_m3s_day * 1e-3; // hm3 -> km3
}

} // namespace riparia::app
