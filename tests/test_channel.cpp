// Channel routing: volume conservation, the linear reservoir's analytic impulse response, lags,
// transmission losses.
#include "model/channel.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <random>
#include <vector>

using namespace riparia::model;

namespace {
std::vector<double> route_series(const RoutingParams& p, const std::vector<double>& inflow) {
    std::vector<RoutingParams> params{p};
    ChannelState channel(params);
    std::vector<double> out;
    for (double q : inflow)
        out.push_back(channel.route(0, q));
    return out;
}
} // namespace

TEST_CASE("linear reservoir impulse response equals the integral of the analytic solution") {
    // Inflow V for one day (constant rate on [0, 1)), then nothing. With a = exp(-1/K), the
    // continuous solution is O(t) = V (1 - e^{-t/K}) on [0, 1] and V (e^{1/K} - 1) e^{-t/K}
    // after; daily means are its integrals over [j, j+1].
    for (double k : {0.3, 1.0, 2.5, 10.0, 80.0}) {
        const double v = 100.0;
        std::vector<double> inflow(400, 0.0);
        inflow[0] = v;
        const auto out = route_series({0.0, k}, inflow);
        CHECK(out[0] == doctest::Approx(v * (1 - k * (1 - std::exp(-1 / k)))).epsilon(1e-12));
        for (int j = 1; j < 30; ++j) {
            const double expected =
                v * (std::exp(1 / k) - 1) * k * (std::exp(-j / k) - std::exp(-(j + 1) / k));
            CHECK(out[j] == doctest::Approx(expected).epsilon(1e-10));
        }
    }
}

TEST_CASE("linear reservoir against a fine explicit integration") {
    // Independent check: forward Euler with 10,000 sub-steps per day.
    const double k = 3.0;
    std::vector<double> inflow = {5, 0, 20, 7, 0, 0, 1, 30, 0, 0};
    const auto out = route_series({0.0, k}, inflow);
    double storage = 0;
    const int steps = 10000;
    for (std::size_t d = 0; d < inflow.size(); ++d) {
        double volume_out = 0;
        for (int s = 0; s < steps; ++s) {
            const double q = storage / k;
            volume_out += q / steps;
            storage += (inflow[d] - q) / steps;
        }
        CHECK(out[d] == doctest::Approx(volume_out).epsilon(1e-3));
    }
}

TEST_CASE("fractional lag splits a pulse between two days") {
    std::vector<double> inflow = {10, 0, 0, 0, 0};
    const auto out = route_series({1.5, 0.0}, inflow);
    CHECK(out[0] == 0.0);
    CHECK(out[1] == doctest::Approx(5.0));
    CHECK(out[2] == doctest::Approx(5.0));
    CHECK(out[3] == 0.0);
    const auto whole = route_series({2.0, 0.0}, inflow);
    CHECK(whole[2] == 10.0);
    const auto none = route_series({0.0, 0.0}, inflow);
    CHECK(none[0] == 10.0);
}

TEST_CASE("routing conserves volume: inflow = outflow + storage left in the channel") {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> lag(0, 20), k(0, 50), flow(0, 1000);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<RoutingParams> params{{lag(rng), k(rng)}};
        ChannelState channel(params);
        double in = 0, out = 0;
        for (int day = 0; day < 2000; ++day) {
            const double q = day % 7 == 0 ? 0.0 : flow(rng);
            in += q;
            out += channel.route(0, q);
        }
        const double residual = in - out - channel.storage_m3s_day(0);
        CHECK(std::fabs(residual) <= 1e-12 * in);
    }
}

TEST_CASE("steady inflow through a losing reach arrives as (1 - f) Q") {
    // At steady state the lag and the linear reservoir pass what enters: (1 - f) Q.
    for (const double f : {0.0, 0.1, 0.5, kMaxLossFraction}) {
        for (const RoutingParams p :
             {RoutingParams{0.0, 0.0, f}, RoutingParams{2.5, 4.0, f}, RoutingParams{7.0, 0.7, f}}) {
            INFO("f = " << f << ", lag " << p.lag_days << ", k " << p.k_days);
            const double q = 250.0;
            const auto out = route_series(p, std::vector<double>(3000, q));
            CHECK(out.back() == doctest::Approx((1 - f) * q).epsilon(1e-12));
            std::vector<RoutingParams> params{p};
            ChannelState channel(params);
            channel.route(0, q);
            CHECK(channel.last_loss_m3s_day(0) == doctest::Approx(f * q).epsilon(1e-14));
        }
    }
}

TEST_CASE("losing reach conserves volume: inflow = arrived + stored + lost") {
    std::mt19937_64 rng(43);
    std::uniform_real_distribution<double> lag(0, 20), k(0, 50), flow(0, 1000),
        loss(0, kMaxLossFraction);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<RoutingParams> params{{lag(rng), k(rng), trial % 5 == 0 ? 0.0 : loss(rng)}};
        ChannelState channel(params);
        double in = 0, arrived = 0, lost = 0;
        for (int day = 0; day < 2000; ++day) {
            const double q = day % 7 == 0 ? 0.0 : flow(rng);
            in += q;
            arrived += channel.route(0, q);
            lost += channel.last_loss_m3s_day(0);
        }
        const double residual = in - arrived - channel.storage_m3s_day(0) - lost;
        CHECK(std::fabs(residual) <= 1e-12 * in);
        CHECK(lost == doctest::Approx(params[0].loss_fraction * in).epsilon(1e-10));
    }
}

TEST_CASE("routing parameter validation") {
    CHECK(routing_parameter_problem({1.0, 2.0}).empty());
    CHECK(routing_parameter_problem({1.0, 2.0, kMaxLossFraction}).empty());
    CHECK_FALSE(routing_parameter_problem({1.0, 2.0, -0.1}).empty());
    CHECK_FALSE(routing_parameter_problem({1.0, 2.0, 0.96}).empty());
    CHECK_FALSE(routing_parameter_problem({1.0, 2.0, std::nan("")}).empty());
    CHECK_FALSE(routing_parameter_problem({-1.0, 2.0}).empty());
    CHECK_FALSE(routing_parameter_problem({1.0, -2.0}).empty());
    CHECK_FALSE(routing_parameter_problem({kMaxLagDays + 1, 0.0}).empty());
}

TEST_CASE("a day's outflow splits into what was already in the channel and a same-day share") {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(0, 1);
    for (int trial = 0; trial < 40; ++trial) {
        const RoutingParams p{trial % 4 == 0 ? 0.0 : 3 * u(rng), trial % 3 == 0 ? 0.0 : 10 * u(rng),
                              trial % 2 == 0 ? 0.0 : kMaxLossFraction * u(rng)};
        std::vector<RoutingParams> params{p};
        ChannelState channel(params);
        for (int day = 0; day < 200; ++day) {
            const double q = 100 * u(rng);
            const double predicted =
                channel.arrival_without_inflow(0) + channel.same_day_gain(0) * q;
            const double routed = channel.route(0, q);
            CHECK(routed == doctest::Approx(predicted).epsilon(1e-12));
        }
    }
}
