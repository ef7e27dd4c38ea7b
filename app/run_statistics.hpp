// Yearly figures of one run for the summaries a policy reader needs and the stress indicators:
// the volume that flows out of every sub-basin and the runoff generated on its own area in each
// calendar year (km3), and each country's requested and delivered withdrawals (hm3). A sink in
// front of the output stream; its sums are part of a checkpoint.
#pragma once

#include "model/basin.hpp"
#include "model/simulation.hpp"
#include "model/state_archive.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::app {

class RunStatistics : public model::ResultSink {
  public:
    RunStatistics(const model::Basin& basin, model::ResultSink& next);
    void consume(const model::DayBlockResults& block) override;

    nlohmann::json to_json() const;
    void save(model::StateArchive& archive) const;
    void load(const model::StateArchive& archive);

  private:
    std::size_t year_slot(int year);

    const model::Basin& basin_;
    model::ResultSink& next_;
    std::vector<std::string> countries_; // of the demands, sorted
    std::vector<int> demand_country_;    // per demand: index in countries_
    std::vector<int> years_, days_;      // per calendar year of the reported period
    std::vector<double> flow_km3_;       // [year][node]
    std::vector<double> runoff_km3_;     // [year][node]: generated on the node's own area
    std::vector<double> requested_hm3_;  // [year][country]
    std::vector<double> delivered_hm3_;  // [year][country]
};

} // namespace riparia::app
