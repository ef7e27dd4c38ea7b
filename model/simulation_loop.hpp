// The time loop of one run (internal to model/simulation*.cpp): the Simulation object owns the
// state of every process and runs blocks of days; simulation_state.cpp saves and restores it.
#pragma once

#include "model/aligned_vector.hpp"
#include "model/channel.hpp"
#include "model/climatology_pass.hpp"
#include "model/simulation.hpp"

#include <memory>
#include <vector>

namespace riparia::model::detail {

class Simulation {
  public:
    Simulation(const Basin& basin, ForcingSource& forcing, int block_days,
               const std::vector<HanasakiClimatology>& climatology);
    void run_days(std::int64_t first_day, std::int64_t last_day, ResultSink* sink, bool account,
                  const RunSettings& settings, std::int64_t& days_done, std::int64_t days_total);
    void record_storage(bool at_start);
    // The whole state after the day before next_day; load returns the day to resume at.
    void save(StateArchive& archive, std::int64_t next_day, const RunPeriod& period) const;
    std::int64_t load(const StateArchive& archive, const RunPeriod& period);
    void close_basin_balances();
    WaterBalance& balance() { return balance_; }
    PhaseTimings& timings() { return timings_; }
    std::size_t state_bytes_per_subbasin() const;
    std::size_t parameter_bytes_per_subbasin() const {
        return gr4j_.parameter_bytes_per_subbasin();
    }

  private:
    std::int64_t block_last_day(std::int64_t first_day, std::int64_t phase_last_day) const;
    void run_block(std::int64_t first_day, int days, ResultSink* sink, bool account);
    void checkpoint_if_due(std::int64_t block_last_day, const RunSettings& settings) const;
    void save_balance(StateArchive& archive) const;
    void load_balance(const StateArchive& archive);
    void prepare_inputs(int days);
    void run_runoff(int days);
    void run_routing(int days);
    void run_managed_routing(int days);
    void split_trees();
    void tabulate_radiation();
    void route_tree(const std::vector<int>& order, int days);
    void accumulate(int days);
    void account_reach_loss(int node);
    void accumulate_management(int days);
    double land_storage_mm(std::size_t i) const;

    const Basin& basin_;
    ForcingSource& forcing_;
    std::size_t count_, stride_;
    int block_days_;
    std::int64_t block_first_day_ = 0;
    bool account_day_ = false; // inside the reported period
    Gr4jState gr4j_;
    ChannelState channels_;
    std::vector<double> swe_mm_, inflow_m3s_;
    std::vector<char> needs_pet_;
    std::vector<int> pet_nodes_, snow_nodes_; // sub-basins with Oudin PET, with a snow table
    std::vector<double> area_km2_;            // per sub-basin, read by the routing every day
    std::vector<int> day_of_year_;
    std::vector<double> radiation_MJ_m2_;    // per distinct latitude: 366 days
    std::vector<std::size_t> radiation_row_; // per sub-basin: its latitude's first day
    // Block arrays, day-major, stride_ wide, cache-line aligned (a lane group's day is one line).
    AlignedVector<double> precip_, pet_, temperature_, liquid_, runoff_, aet_, exchange_;
    AlignedVector<double> production_, routing_, swe_out_, discharge_;
    std::vector<double> outflow_hm3_;           // per basin (indexed like network.outlets())
    std::vector<double> reach_loss_hm3_;        // per basin: channel transmission losses
    std::vector<int> basin_index_;              // per node: index of its basin in network.outlets()
    std::vector<std::vector<int>> tree_orders_; // per basin, when its trees route in parallel
    // Managed basins.
    std::unique_ptr<WaterManager> manager_;
    std::vector<double> known_inflow_m3s_, managed_outflow_m3s_;
    std::vector<ManagementDay> figures_;                // per day of the block
    std::vector<double> consumed_hm3_, evaporated_hm3_; // per basin

  public:
    WaterManager* manager() { return manager_.get(); }

  private:
    WaterBalance balance_;
    PhaseTimings timings_;
};

} // namespace riparia::model::detail
