// Per calendar year and month, the water each country (the sub-basins' countries) receives from
// other countries, and by the countries it came from or through, traced at the close of every
// month through the simulated sub-basin network (model/stress_flow_origin.hpp). The stress
// indicators' transition windows (docs/stress.md) sum these into yearly and dry-season inflows
// once the dry season is known. Memory: two values per sub-basin for the open month, then
// years x 12 x countries^2; nothing for a basin of one country (no inflow to trace). Part of
// app/run_statistics.hpp and of its checkpoint.
#pragma once

#include "model/basin.hpp"
#include "model/state_archive.hpp"
#include "model/stress_flow_origin.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::app {

class YearMonthInflow {
  public:
    explicit YearMonthInflow(const model::Basin& basin);

    // Adds a day of sub-basin `node`'s outflow and own runoff (km3) to the open month.
    void add(std::size_t node, double flow_km3, double runoff_km3) {
        open_flow_km3_[node] += flow_km3;
        open_runoff_km3_[node] += runoff_km3;
    }
    // Traces the open month into slot (year, month 0..11) and empties it.
    void close_month(std::size_t year, std::size_t month);
    // Makes room for `years` years.
    void resize(std::size_t years);
    bool active() const { return countries_.size() > 1; }

    // {countries, inflow_km3: {country: [year * 12 + month]}, through_km3: {to: {from: [...]}}},
    // volumes to the nearest 1e-6 km3 (1,000 m3); only the origins that send water.
    nlohmann::json to_json() const;
    void save(model::StateArchive& archive) const;
    void load(const model::StateArchive& archive, std::size_t years);

  private:
    std::vector<std::string> countries_;   // of the sub-basins, in order of first appearance
    std::vector<model::OriginNode> nodes_; // region and downstream of every sub-basin
    std::vector<double> open_flow_km3_;    // [node]: the open month
    std::vector<double> open_runoff_km3_;  // [node]
    std::vector<double> inflow_km3_;       // [year][month][country]
    std::vector<double> through_km3_;      // [year][month][to][from]
};

} // namespace riparia::app
