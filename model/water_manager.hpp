// Runs the management of a basin day by day: turns demands, environmental flows, agreements and
// reservoir rules into the day's allocation problem (model/allocation.hpp), solves it, carries the
// reservoir storages forward and keeps the compliance accounts.
#pragma once

#include "model/allocation.hpp"
#include "model/basin.hpp"
#include "model/reservoir.hpp"
#include "model/state_archive.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace riparia::model {

// Daily figures of one day, per item, for the results file.
struct ManagementDay {
    std::vector<double> request_m3s, delivered_m3s, deficit_m3s; // per demand
    std::vector<double> storage_hm3, release_m3s, spill_m3s,     // per reservoir
        evaporation_hm3, target_m3s, departure_m3s;
    std::vector<double> required_m3s, met_m3s;           // per agreement
    std::vector<double> flow_required_m3s, flow_met_m3s; // per environmental flow
};

// Yearly account of one agreement (or environmental flow).
struct ComplianceYear {
    int year = 0;
    double required_hm3 = 0;
    double delivered_hm3 = 0; // min(required, actual) summed over the days
    int days_short = 0;       // days with delivered < required (beyond rounding)
    // The actual flow at the point summed over the days: an annual-volume agreement is honoured
    // over the year when it reaches required_hm3, whatever the days it came on.
    double flow_hm3 = 0;
};

struct ManagementTotals { // over the reported period, hm3
    double withdrawn = 0, consumed = 0, returned = 0, evaporated = 0;
    double reservoir_storage_start = 0, reservoir_storage_end = 0;
};

class WaterManager {
  public:
    // same_day_gain: per node, from the channel routing; climatology: per reservoir, for the
    // Hanasaki rule (long-term natural inflow and downstream demand by month).
    WaterManager(const Basin& basin, std::vector<double> same_day_gain,
                 const std::vector<HanasakiClimatology>& climatology);
    ~WaterManager();

    // One day: inflow_m3s per node is its runoff plus the arrivals of earlier days' releases;
    // pet_mm per node. Fills outflow_m3s per node (what enters each reach) and the day's figures.
    void step(std::int64_t day, const double* inflow_m3s, const double* pet_mm, bool account,
              std::vector<double>& outflow_m3s, ManagementDay& figures);

    const std::vector<std::vector<ComplianceYear>>& agreement_compliance() const {
        return agreement_years_;
    }
    const std::vector<std::vector<ComplianceYear>>& flow_compliance() const { return flow_years_; }
    ManagementTotals& totals() { return totals_; }
    double total_storage_hm3() const;
    double storage_hm3(std::size_t reservoir) const { return storage_hm3_[reservoir]; }
    // Return flows on their way to a node, arriving tomorrow (docs/allocation.md).
    double late_returns_hm3(std::size_t node) const;
    std::size_t requirement_count() const { return network_.requirements.size(); }

    // Everything carried from one day to the next (storages, filling, Hanasaki release years,
    // late returns, reference flows and drought windows, compliance years and totals) under
    // `prefix`. load throws std::invalid_argument when the archive is of another management.
    void save(StateArchive& archive, const std::string& prefix) const;
    void load(const StateArchive& archive, const std::string& prefix);

  private:
    void set_requests(std::int64_t day, int month);
    void set_reservoirs(std::int64_t day, int month, const double* inflow_m3s,
                        const double* pet_mm);
    void set_agreements(std::int64_t day, int month);
    void record(std::int64_t day, bool account, ManagementDay& figures);

    const Basin& basin_;
    AllocationNetwork network_;
    std::unique_ptr<AllocationSolver> solver_;
    AllocationDay day_;
    AllocationResult result_;
    std::vector<std::optional<HanasakiRule>> hanasaki_; // per reservoir following that rule
    std::vector<double> storage_hm3_;                   // per reservoir
    std::vector<double> filling_start_hm3_;             // per reservoir
    std::vector<double> evaporation_hm3_, target_m3s_, hanasaki_release_m3s_;
    std::vector<char> hanasaki_started_, filling_done_;
    std::vector<double> arrival_m3s_;     // per node, yesterday: inflow + same-day arrivals
    std::vector<double> late_return_m3s_; // per node, return flows arriving tomorrow
    std::vector<std::vector<double>> drought_history_; // per agreement: last 365 reference arrivals
    int history_head_ = 0, history_days_ = 0;
    std::vector<std::vector<ComplianceYear>> agreement_years_, flow_years_;
    ManagementTotals totals_;
};

} // namespace riparia::model
