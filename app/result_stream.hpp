// Streams the simulation's daily blocks into results.nc as daily or monthly means.
#pragma once

#include "app/management_results.hpp"
#include "io/netcdf_results.hpp"
#include "model/period_means.hpp"
#include "model/simulation.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace riparia::app {

// The variables of results.nc, in the order the stream passes them.
std::vector<io::ResultVariable> result_variables(bool with_snow);

// Number of output records between two days (inclusive).
std::size_t record_count(std::int64_t first_day, std::int64_t last_day, model::OutputPeriod period);

class ResultStream : public model::ResultSink {
  public:
    ResultStream(io::RecordSink& file, model::OutputPeriod period, std::size_t nodes,
                 bool with_snow, std::int64_t last_day, const model::Management& management);
    void consume(const model::DayBlockResults& block) override;

  private:
    io::RecordSink& file_;
    model::PeriodMeans means_;
    bool with_snow_;
    std::int64_t last_day_;
    std::vector<const double*> rows_, means_rows_;
    std::optional<ManagementMeans> management_means_;
};

} // namespace riparia::app
