// The goodness-of-fit functions of calibration (model/calibration_objective.hpp), checked against
// values worked out by hand.
#include "model/calibration_objective.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <vector>

using namespace riparia::model;

TEST_CASE("calibration metrics: KGE is 1 for identical series and drops with bias") {
    const std::vector<double> obs = {1, 3, 2, 5, 4};
    CHECK(kling_gupta_efficiency(obs, obs) == doctest::Approx(1.0));
    // sim = 2 obs: r = 1, alpha = 2, beta = 2 -> KGE = 1 - sqrt(0 + 1 + 1).
    std::vector<double> doubled;
    for (double v : obs)
        doubled.push_back(2 * v);
    CHECK(kling_gupta_efficiency(doubled, obs) == doctest::Approx(1 - std::sqrt(2.0)));
    // sim = obs + 3: r = 1, alpha = 1, beta = (3 + 3) / 3 = 2 -> KGE = 0.
    std::vector<double> shifted;
    for (double v : obs)
        shifted.push_back(v + 3);
    CHECK(kling_gupta_efficiency(shifted, obs) == doctest::Approx(0.0));
}

TEST_CASE("calibration metrics: KGE of a reversed series has r = -1") {
    const std::vector<double> obs = {1, 2, 3}, sim = {3, 2, 1};
    // r = -1, alpha = 1, beta = 1 -> KGE = 1 - 2.
    CHECK(kling_gupta_efficiency(sim, obs) == doctest::Approx(-1.0));
}

TEST_CASE("calibration metrics: NSE known values") {
    const std::vector<double> obs = {1, 2, 3, 4};
    CHECK(nash_sutcliffe_efficiency(obs, obs) == doctest::Approx(1.0));
    // The mean of the observations as a model scores 0.
    CHECK(nash_sutcliffe_efficiency(std::vector<double>(4, 2.5), obs) == doctest::Approx(0.0));
    // Errors {1, 0, 0, -1}: SSE = 2, sum (obs - 2.5)^2 = 5 -> NSE = 1 - 2/5.
    const std::vector<double> sim = {2, 2, 3, 3};
    CHECK(nash_sutcliffe_efficiency(sim, obs) == doctest::Approx(0.6));
}

TEST_CASE("calibration metrics: missing observations are skipped") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> obs = {1, nan, 2, 3, 4}, sim = {2, 100, 2, 3, 3};
    CHECK(nash_sutcliffe_efficiency(sim, obs) == doctest::Approx(0.6));
    CHECK(
        std::isnan(nash_sutcliffe_efficiency(std::vector<double>{1.0}, std::vector<double>{1.0})));
}

TEST_CASE("calibration metrics: mean, coefficient of variation, relative error") {
    const std::vector<double> annual = {80, 100, 120};
    CHECK(mean_of(annual) == doctest::Approx(100.0));
    // Sample standard deviation sqrt((400 + 0 + 400) / 2) = 20 -> CV 0.2.
    CHECK(coefficient_of_variation(annual) == doctest::Approx(0.2));
    CHECK(squared_relative_error(110.0, 100.0) == doctest::Approx(0.01));
    CHECK(squared_relative_error(84.0, 84.0) == 0.0);
}
