// Yearly and monthly figures of one run for the summaries a policy reader needs and the stress
// indicators (docs/stress.md): the volume that flows out of every sub-basin and the runoff
// generated on its own area in each calendar year and in each month of the year summed over the
// years (km3), each country's requested and delivered withdrawals per year and per month of the
// year (hm3), and per year the number of months in which a country's deficit exceeded 10 % of
// its demand; per year and month each country's inflow from other countries by origin
// (app/run_statistics_inflow.hpp). Memory is bounded by years x sub-basins (and years x 12 x
// countries^2), never by days. A sink in front of the
// output stream; its sums are part of a checkpoint.
#pragma once

#include "app/run_statistics_inflow.hpp"
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

    // A month is a supply failure when its deficit exceeds this share of its demand (issue 6:
    // "share of months with a deficit above 10 % of demand").
    static constexpr double kFailureDeficitShare = 0.1;

  private:
    std::size_t year_slot(int year);
    void close_month(std::size_t year);
    nlohmann::json months_json() const;
    nlohmann::json by_node(const std::vector<double>& table) const;

    const model::Basin& basin_;
    model::ResultSink& next_;
    std::vector<std::string> countries_; // of the demands, sorted
    std::vector<int> demand_country_;    // per demand: index in countries_
    std::vector<int> years_, days_;      // per calendar year of the reported period
    std::vector<double> flow_km3_;       // [year][node]
    std::vector<double> runoff_km3_;     // [year][node]: generated on the node's own area
    std::vector<double> requested_hm3_;  // [year][country]
    std::vector<double> delivered_hm3_;  // [year][country]
    std::vector<int> demand_months_;     // [year][country]: months with a demand
    std::vector<int> failed_months_;     // [year][country]: months with a deficit > 10 %
    std::vector<double> open_requested_hm3_, open_delivered_hm3_; // [country]: the open month
    std::vector<int> month_days_;             // [month]: days summed into each month
    std::vector<double> month_flow_km3_;      // [month][node]
    std::vector<double> month_runoff_km3_;    // [month][node]
    std::vector<double> month_requested_hm3_; // [month][country]
    std::vector<double> month_delivered_hm3_; // [month][country]
    YearMonthInflow inflow_;                  // per year and month, by origin
};

} // namespace riparia::app
