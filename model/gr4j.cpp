#include "model/gr4j.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::model {

std::string gr4j_parameter_problem(const Gr4jParams& p) {
    auto finite = [](double v) { return std::isfinite(v); };
    if (!finite(p.x1_mm) || p.x1_mm <= 0)
        return fmt::format("x1 must be > 0 mm, found {}", p.x1_mm);
    if (!finite(p.x2_mm_day))
        return fmt::format("x2 must be a finite number, found {}", p.x2_mm_day);
    if (!finite(p.x3_mm) || p.x3_mm <= 0)
        return fmt::format("x3 must be > 0 mm, found {}", p.x3_mm);
    if (!finite(p.x4_days) || p.x4_days < kMinX4Days || p.x4_days > kMaxX4Days) {
        return fmt::format("x4 must be in [{}, {}] days (the unit hydrographs hold {} and {} "
                           "ordinates), found {}",
                           kMinX4Days, kMaxX4Days, kUh1Length, kUh2Length, p.x4_days);
    }
    return {};
}

namespace {
// S-curves of the two unit hydrographs (airGR SS1 and SS2, exponent 2.5).
double s_curve_1(double t, double x4) {
    if (t <= 0) return 0;
    if (t < x4) return std::pow(t / x4, 2.5);
    return 1;
}
double s_curve_2(double t, double x4) {
    if (t <= 0) return 0;
    if (t <= x4) return 0.5 * std::pow(t / x4, 2.5);
    if (t < 2 * x4) return 1 - 0.5 * std::pow(2 - t / x4, 2.5);
    return 1;
}
} // namespace

UnitHydrographs unit_hydrographs(double x4_days) {
    UnitHydrographs uh;
    for (int j = 1; j <= kUh1Length; ++j) {
        uh.uh1[j - 1] = s_curve_1(j, x4_days) - s_curve_1(j - 1, x4_days);
    }
    for (int j = 1; j <= kUh2Length; ++j) {
        uh.uh2[j - 1] = s_curve_2(j, x4_days) - s_curve_2(j - 1, x4_days);
    }
    const int whole = static_cast<int>(x4_days + 1.0);
    uh.uh1_used = std::max(1, std::min(kUh1Length - 1, whole));
    uh.uh2_used = std::max(1, std::min(kUh2Length - 1, 2 * whole));
    return uh;
}

Gr4jState::Gr4jState(std::span<const Gr4jParams> params, std::span<const double> production_fill,
                     std::span<const double> routing_fill)
    : count_(params.size()), padded_(padded_count(params.size())) {
    // Padding lanes: neutral parameters, empty stores, zero forcing -> zero output.
    x1_.assign(padded_, 1.0);
    x2_.assign(padded_, 0.0);
    x3_.assign(padded_, 1.0);
    production_.assign(padded_, 0.0);
    routing_.assign(padded_, 0.0);
    const std::size_t groups = padded_ / kLanes;
    uh1_ord_.assign(groups * kUh1Length * kLanes, 0.0);
    uh2_ord_.assign(groups * kUh2Length * kLanes, 0.0);
    uh1_queue_.assign(uh1_ord_.size(), 0.0);
    uh2_queue_.assign(uh2_ord_.size(), 0.0);
    uh1_used_.assign(groups, 1);
    uh2_used_.assign(groups, 1);
    for (std::size_t i = 0; i < count_; ++i) {
        const Gr4jParams& p = params[i];
        x1_[i] = p.x1_mm;
        x2_[i] = p.x2_mm_day;
        x3_[i] = p.x3_mm;
        production_[i] = production_fill[i] * p.x1_mm;
        routing_[i] = routing_fill[i] * p.x3_mm;
        const UnitHydrographs uh = unit_hydrographs(p.x4_days);
        const std::size_t g = i / kLanes, lane = i % kLanes;
        for (int k = 0; k < kUh1Length; ++k) {
            uh1_ord_[(g * kUh1Length + k) * kLanes + lane] = uh.uh1[k];
        }
        for (int k = 0; k < kUh2Length; ++k) {
            uh2_ord_[(g * kUh2Length + k) * kLanes + lane] = uh.uh2[k];
        }
        uh1_used_[g] = std::max(uh1_used_[g], uh.uh1_used);
        uh2_used_[g] = std::max(uh2_used_[g], uh.uh2_used);
    }
}

double Gr4jState::unit_hydrograph_storage_mm(std::size_t i) const {
    // After a day's output the first queue cell has been released; the rest is in transit.
    const std::size_t g = i / kLanes, lane = i % kLanes;
    double stored = 0;
    for (int k = 1; k < kUh1Length; ++k)
        stored += uh1_queue_[(g * kUh1Length + k) * kLanes + lane];
    for (int k = 1; k < kUh2Length; ++k)
        stored += uh2_queue_[(g * kUh2Length + k) * kLanes + lane];
    return stored;
}

std::size_t Gr4jState::state_bytes_per_subbasin() const {
    return sizeof(double) * (2 + kUh1Length + kUh2Length);
}

std::size_t Gr4jState::parameter_bytes_per_subbasin() const {
    return sizeof(double) * (3 + kUh1Length + kUh2Length);
}

void Gr4jState::save(StateArchive& archive, const std::string& prefix) const {
    archive.put_integer(prefix + "subbasin_count", static_cast<std::int64_t>(count_));
    archive.put_reals(prefix + "production_mm", production_);
    archive.put_reals(prefix + "routing_mm", routing_);
    archive.put_reals(prefix + "uh1_queue_mm", uh1_queue_);
    archive.put_reals(prefix + "uh2_queue_mm", uh2_queue_);
}

void Gr4jState::load(const StateArchive& archive, const std::string& prefix) {
    archive.expect_integer(prefix + "subbasin_count", static_cast<std::int64_t>(count_),
                           "sub-basins");
    archive.get_reals(prefix + "production_mm", production_);
    archive.get_reals(prefix + "routing_mm", routing_);
    archive.get_reals(prefix + "uh1_queue_mm", uh1_queue_);
    archive.get_reals(prefix + "uh2_queue_mm", uh2_queue_);
}

} // namespace riparia::model
