#include "app/result_stream.hpp"

#include "model/calendar.hpp"

namespace riparia::app {

std::vector<io::ResultVariable> result_variables(bool with_snow) {
    std::vector<io::ResultVariable> v = {
        {"runoff", "runoff generated on the sub-basin's own area (GR4J Q)", "mm d-1", ""},
        {"dis", "discharge at the sub-basin outlet, upstream inflow included", "m3 s-1",
         "water_volume_transport_in_river_channel"},
        {"precipitation", "precipitation, rain and snow", "mm d-1", "lwe_precipitation_rate"},
        {"pet", "potential evapotranspiration", "mm d-1", ""},
        {"aet", "actual evapotranspiration, interception included", "mm d-1", ""},
        {"production_store", "GR4J production store level at the end of the day", "mm", ""},
        {"routing_store", "GR4J routing store level at the end of the day", "mm", ""},
    };
    if (with_snow) {
        v.push_back({"snow_water_equivalent", "snow pack at the end of the day", "mm",
                     "lwe_thickness_of_surface_snow_amount"});
    }
    return v;
}

std::size_t record_count(std::int64_t first_day, std::int64_t last_day,
                         model::OutputPeriod period) {
    if (period == model::OutputPeriod::daily)
        return static_cast<std::size_t>(last_day - first_day + 1);
    const auto a = calendar::date_of(first_day), b = calendar::date_of(last_day);
    return static_cast<std::size_t>((b.year - a.year) * 12 + (b.month - a.month) + 1);
}

ResultStream::ResultStream(io::RecordSink& file, model::OutputPeriod period, std::size_t nodes,
                           bool with_snow, std::int64_t last_day,
                           const model::Management& management)
    : file_(file), means_(period, result_variables(with_snow).size(), nodes), with_snow_(with_snow),
      last_day_(last_day) {
    if (!management.empty()) management_means_.emplace(period, management);
    rows_.resize(result_variables(with_snow).size());
    means_rows_.resize(rows_.size());
}

void ResultStream::consume(const model::DayBlockResults& b) {
    for (int d = 0; d < b.days; ++d) {
        const std::size_t row = static_cast<std::size_t>(d) * b.stride;
        const double* sources[] = {b.runoff_mm, b.discharge_m3s, b.precip_mm,  b.pet_mm,
                                   b.aet_mm,    b.production_mm, b.routing_mm, b.swe_mm};
        for (std::size_t v = 0; v < rows_.size(); ++v)
            rows_[v] = sources[v] + row;
        const std::int64_t day = b.first_day + d;
        if (management_means_ && b.management) {
            management_means_->add(day, (*b.management)[d], day == last_day_);
        }
        if (!means_.add(day, rows_.data(), day == last_day_)) continue;
        means_rows_.resize(rows_.size());
        for (std::size_t v = 0; v < rows_.size(); ++v)
            means_rows_[v] = means_.mean(v);
        if (management_means_) management_means_->means(means_rows_);
        file_.append(means_.period_first_day(), means_.period_last_day(), means_rows_.data());
    }
}

} // namespace riparia::app
