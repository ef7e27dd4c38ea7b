// Goodness-of-fit measures for calibration: pure functions of simulated and observed values.
// KGE: Gupta, Kling, Yilmaz & Martinez (2009), J. Hydrol. 377:80-91, eq. 9.
// NSE: Nash & Sutcliffe (1970), J. Hydrol. 10:282-290.
// Pairs where either value is not finite are skipped (missing observations).
#pragma once

#include <span>

namespace riparia::model {

// 1 - sqrt((r - 1)^2 + (alpha - 1)^2 + (beta - 1)^2), with r the Pearson correlation,
// alpha = sigma_sim / sigma_obs and beta = mu_sim / mu_obs. NaN when fewer than 2 pairs or
// when the observations have zero mean or zero variance.
double kling_gupta_efficiency(std::span<const double> simulated, std::span<const double> observed);

// 1 - sum (sim - obs)^2 / sum (obs - mean obs)^2. NaN when fewer than 2 pairs or constant obs.
double nash_sutcliffe_efficiency(std::span<const double> simulated,
                                 std::span<const double> observed);

// Arithmetic mean of the finite values (NaN when none).
double mean_of(std::span<const double> values);

// Sample coefficient of variation s / mean, s with the n - 1 denominator (NaN when < 2 values
// or a zero mean).
double coefficient_of_variation(std::span<const double> values);

// ((simulated - target) / target)^2: the objective term of a scalar target (target != 0).
double squared_relative_error(double simulated, double target);

} // namespace riparia::model
