#include "model/channel.hpp"

#include <cmath>
#include <fmt/format.h>

namespace riparia::model {

std::string routing_parameter_problem(const RoutingParams& p) {
    if (!std::isfinite(p.lag_days) || p.lag_days < 0 || p.lag_days > kMaxLagDays) {
        return fmt::format("lag_days must be in [0, {}], found {}", kMaxLagDays, p.lag_days);
    }
    if (!std::isfinite(p.k_days) || p.k_days < 0 || p.k_days > kMaxReservoirKDays) {
        return fmt::format("k_days must be in [0, {}], found {}", kMaxReservoirKDays, p.k_days);
    }
    if (!std::isfinite(p.loss_fraction) || p.loss_fraction < 0 ||
        p.loss_fraction > kMaxLossFraction) {
        return fmt::format("loss_fraction must be in [0, {}], found {}", kMaxLossFraction,
                           p.loss_fraction);
    }
    return {};
}

ChannelState::ChannelState(std::span<const RoutingParams> params) {
    const std::size_t n = params.size();
    lag_fraction_.resize(n);
    recession_.resize(n);
    reservoir_gain_.resize(n);
    reservoir_.assign(n, 0.0);
    kept_fraction_.resize(n);
    last_loss_m3s_day_.assign(n, 0.0);
    lag_whole_days_.resize(n);
    ring_offset_.resize(n + 1);
    ring_head_.assign(n, 0);
    std::size_t offset = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double whole = std::floor(params[i].lag_days);
        lag_whole_days_[i] = static_cast<int>(whole);
        lag_fraction_[i] = params[i].lag_days - whole;
        kept_fraction_[i] = 1.0 - params[i].loss_fraction;
        const double k = params[i].k_days;
        // a = exp(-1/K); K (1 - a) = -K expm1(-1/K); K = 0 passes the flow straight through.
        recession_[i] = k > 0 ? std::exp(-1.0 / k) : 0.0;
        reservoir_gain_[i] = k > 0 ? -k * std::expm1(-1.0 / k) : 0.0;
        ring_offset_[i] = offset;
        offset += static_cast<std::size_t>(lag_whole_days_[i]) + 2;
    }
    ring_offset_[n] = offset;
    ring_.assign(offset, 0.0);
}

double ChannelState::route(std::size_t reach, double inflow_m3s) {
    const int n = lag_whole_days_[reach];
    const int length = n + 2;
    double* ring = &ring_[ring_offset_[reach]];
    int& head = ring_head_[reach]; // ring[head] holds today's inflow, ring[head + k] k days ago
    head = head == 0 ? length - 1 : head - 1;
    // The ring holds what entered the reach net of the loss: storage and arrivals are what is kept.
    const double kept_m3s = kept_fraction_[reach] * inflow_m3s;
    last_loss_m3s_day_[reach] = inflow_m3s - kept_m3s;
    ring[head] = kept_m3s;
    const double f = lag_fraction_[reach];
    // (head + n) and (head + n + 1) modulo length, without the divisions (head < length = n + 2).
    const int at_n = head + n < length ? head + n : head + n - length;
    const int at_n1 = at_n + 1 < length ? at_n + 1 : 0;
    const double lagged = (1.0 - f) * ring[at_n] + f * ring[at_n1];

    const double s0 = reservoir_[reach];
    const double s1 = s0 * recession_[reach] + lagged * reservoir_gain_[reach];
    reservoir_[reach] = s1;
    return lagged + s0 - s1;
}

double ChannelState::arrival_without_inflow(std::size_t reach) const {
    const int n = lag_whole_days_[reach];
    const int length = n + 2;
    const double* ring = &ring_[ring_offset_[reach]];
    // After tomorrow's shift, the inflow k days ago sits at (head + k) with today's at head - 1.
    const int head = (ring_head_[reach] + length - 1) % length;
    const double f = lag_fraction_[reach];
    const double at_n = n == 0 ? 0.0 : ring[(head + n) % length];
    const double lagged = (1.0 - f) * at_n + f * ring[(head + n + 1) % length];
    const double s0 = reservoir_[reach];
    const double s1 = s0 * recession_[reach] + lagged * reservoir_gain_[reach];
    return lagged + s0 - s1;
}

double ChannelState::same_day_gain(std::size_t reach) const {
    if (lag_whole_days_[reach] > 0) return 0.0;
    // (1 - f) of today's inflow enters the linear reservoir today, which lets 1 - K (1 - a) of it
    // out.
    // The loss comes off first: only (1 - loss_fraction) of the inflow enters the lag.
    return kept_fraction_[reach] * (1.0 - lag_fraction_[reach]) * (1.0 - reservoir_gain_[reach]);
}

double ChannelState::storage_m3s_day(std::size_t reach) const {
    // After today's release: inflows of the last n days are wholly in transit, and the fraction
    // f of the inflow n days ago (its remaining part leaves tomorrow).
    const int n = lag_whole_days_[reach];
    const int length = n + 2;
    const double* ring = &ring_[ring_offset_[reach]];
    const int head = ring_head_[reach];
    double in_transit = 0;
    for (int k = 0; k < n; ++k)
        in_transit += ring[(head + k) % length];
    in_transit += lag_fraction_[reach] * ring[(head + n) % length];
    return in_transit + reservoir_[reach];
}

std::size_t ChannelState::state_bytes(std::size_t reach) const {
    return sizeof(double) * (ring_offset_[reach + 1] - ring_offset_[reach] + 6) + 2 * sizeof(int);
}

void ChannelState::save(StateArchive& archive, const std::string& prefix) const {
    archive.put_integers(prefix + "lag_whole_days", lag_whole_days_);
    archive.put_integers(prefix + "ring_head", ring_head_);
    archive.put_reals(prefix + "ring_inflow_m3s", ring_);
    archive.put_reals(prefix + "reservoir_m3s_day", reservoir_);
}

void ChannelState::load(const StateArchive& archive, const std::string& prefix) {
    std::vector<int> lags(lag_whole_days_.size());
    archive.get_integers(prefix + "lag_whole_days", lags);
    if (lags != lag_whole_days_) {
        throw std::invalid_argument("checkpoint does not match this run: its channel lags ('" +
                                    prefix + "lag_whole_days') differ from this basin's");
    }
    archive.get_integers(prefix + "ring_head", ring_head_);
    archive.get_reals(prefix + "ring_inflow_m3s", ring_);
    archive.get_reals(prefix + "reservoir_m3s_day", reservoir_);
}

} // namespace riparia::model
