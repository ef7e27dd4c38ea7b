// Channel routing between sub-basins: a pure lag followed by a linear reservoir.
// A sub-basin's routing parameters describe the reach from its outlet to the outlet of its
// downstream neighbour. Inflow is a daily mean rate held constant over the day, so the linear
// reservoir dS/dt = I - S/K has the exact solution S1 = S0 a + I K (1 - a), a = exp(-1/K), and
// the day's outflow volume is I + S0 - S1: volume-exact for any K with no sub-stepping. A
// fractional lag n + f sends (1 - f) of a day's inflow n days later and f of it n + 1 days later.
// A transmission loss (evaporation from wetlands, seepage) takes loss_fraction of what the
// sub-basin sends down the reach on the day it enters; only the rest is lagged and attenuated.
#pragma once

#include "model/state_archive.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace riparia::model {

struct RoutingParams {
    double lag_days = 0.0;      // pure translation time, 0 .. kMaxLagDays
    double k_days = 0.0;        // linear reservoir time constant, 0 = no attenuation
    double loss_fraction = 0.0; // share of the reach's inflow lost, 0 .. kMaxLossFraction
};

inline constexpr double kMaxLagDays = 60.0;
inline constexpr double kMaxReservoirKDays = 1000.0;
inline constexpr double kMaxLossFraction = 0.95;

std::string routing_parameter_problem(const RoutingParams& params); // empty when valid

// All reaches of a network, one per sub-basin (unused at outlets). Flows in m3/s (daily means);
// storages in m3/s x day (multiply by units::hm3_per_m3s_day for hm3).
class ChannelState {
  public:
    ChannelState() = default;
    explicit ChannelState(std::span<const RoutingParams> params);

    // Takes today's inflow into reach i and returns today's mean outflow; the share lost on the
    // way is removed today and reported by last_loss_m3s_day.
    double route(std::size_t reach, double inflow_m3s);
    // Volume lost by the reach on its last routed day (m3/s x day); not carried across days.
    double last_loss_m3s_day(std::size_t reach) const { return last_loss_m3s_day_[reach]; }

    // Today's outflow is arrival_without_inflow(reach) + same_day_gain(reach) x today's inflow;
    // the allocation uses this split to know what an upstream release delivers the same day.
    // The gain carries the (1 - loss_fraction) factor; the arrival is water already in the reach.
    double arrival_without_inflow(std::size_t reach) const;
    double same_day_gain(std::size_t reach) const;

    double storage_m3s_day(std::size_t reach) const; // lag queue + reservoir (losses excluded)
    std::size_t state_bytes(std::size_t reach) const;

    // Lag rings and linear reservoir storages under `prefix`; load throws std::invalid_argument
    // when the archive was written for other reaches (count or lags).
    void save(StateArchive& archive, const std::string& prefix) const;
    void load(const StateArchive& archive, const std::string& prefix);

  private:
    std::vector<double> lag_fraction_, recession_, reservoir_gain_, reservoir_;
    std::vector<double> kept_fraction_, last_loss_m3s_day_; // 1 - loss_fraction; today's loss
    std::vector<int> lag_whole_days_;
    std::vector<std::size_t> ring_offset_; // ring of lag_whole_days + 2 past inflows per reach
    std::vector<int> ring_head_;
    std::vector<double> ring_;
};

} // namespace riparia::model
