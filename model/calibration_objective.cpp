#include "model/calibration_objective.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

namespace riparia::model {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool usable(double sim, double obs) {
    return std::isfinite(sim) && std::isfinite(obs);
}

// Sums over the usable pairs: count, means, and centred second moments.
struct PairMoments {
    double n = 0, mean_sim = 0, mean_obs = 0, var_sim = 0, var_obs = 0, cov = 0;
};

PairMoments moments(std::span<const double> sim, std::span<const double> obs) {
    PairMoments m;
    const std::size_t count = std::min(sim.size(), obs.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (!usable(sim[i], obs[i])) continue;
        m.n += 1;
        m.mean_sim += sim[i];
        m.mean_obs += obs[i];
    }
    if (m.n == 0) return m;
    m.mean_sim /= m.n;
    m.mean_obs /= m.n;
    for (std::size_t i = 0; i < count; ++i) {
        if (!usable(sim[i], obs[i])) continue;
        const double ds = sim[i] - m.mean_sim, d_o = obs[i] - m.mean_obs;
        m.var_sim += ds * ds;
        m.var_obs += d_o * d_o;
        m.cov += ds * d_o;
    }
    m.var_sim /= m.n; // population moments: the ratios below do not depend on the denominator
    m.var_obs /= m.n;
    m.cov /= m.n;
    return m;
}

} // namespace

double kling_gupta_efficiency(std::span<const double> simulated, std::span<const double> observed) {
    const PairMoments m = moments(simulated, observed);
    if (m.n < 2 || m.mean_obs == 0 || m.var_obs <= 0) return kNaN;
    const double sd_sim = std::sqrt(m.var_sim), sd_obs = std::sqrt(m.var_obs);
    // A constant simulation has no correlation; r = 0 keeps the criterion finite (and poor).
    const double r = sd_sim > 0 ? m.cov / (sd_sim * sd_obs) : 0.0;
    const double alpha = sd_sim / sd_obs;
    const double beta = m.mean_sim / m.mean_obs;
    return 1.0 - std::sqrt((r - 1) * (r - 1) + (alpha - 1) * (alpha - 1) + (beta - 1) * (beta - 1));
}

double nash_sutcliffe_efficiency(std::span<const double> simulated,
                                 std::span<const double> observed) {
    const PairMoments m = moments(simulated, observed);
    if (m.n < 2 || m.var_obs <= 0) return kNaN;
    double squared_error = 0;
    const std::size_t count = std::min(simulated.size(), observed.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (!usable(simulated[i], observed[i])) continue;
        squared_error += (simulated[i] - observed[i]) * (simulated[i] - observed[i]);
    }
    return 1.0 - squared_error / (m.var_obs * m.n);
}

double mean_of(std::span<const double> values) {
    double sum = 0, n = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        sum += v;
        n += 1;
    }
    return n > 0 ? sum / n : kNaN;
}

double coefficient_of_variation(std::span<const double> values) {
    const double mean = mean_of(values);
    double sum_sq = 0, n = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        sum_sq += (v - mean) * (v - mean);
        n += 1;
    }
    if (n < 2 || mean == 0) return kNaN;
    return std::sqrt(sum_sq / (n - 1)) / mean;
}

double squared_relative_error(double simulated, double target) {
    const double e = (simulated - target) / target;
    return e * e;
}

} // namespace riparia::model
