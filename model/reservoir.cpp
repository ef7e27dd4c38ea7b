#include "model/reservoir.hpp"

#include "model/units.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace riparia::model {

// ---- storage-area relation and evaporation ----

std::string storage_area_curve_problem(const StorageAreaCurve& curve) {
    if (curve.storage_hm3.size() != curve.area_km2.size())
        return "storage_hm3 and area_km2 must have the same length";
    for (std::size_t i = 0; i < curve.storage_hm3.size(); ++i) {
        if (!std::isfinite(curve.storage_hm3[i]) || !std::isfinite(curve.area_km2[i]))
            return "storage and area must be finite numbers";
        if (curve.area_km2[i] < 0) return "area_km2 must be >= 0";
        if (i == 0 && curve.storage_hm3[0] < 0) return "storage_hm3 must start at >= 0";
        if (i > 0 && curve.storage_hm3[i] <= curve.storage_hm3[i - 1])
            return "storage_hm3 must be strictly increasing";
    }
    return {};
}

double surface_area_km2(const StorageAreaCurve& curve, double storage_hm3) {
    const auto& s = curve.storage_hm3;
    const auto& a = curve.area_km2;
    if (s.empty()) return 0.0;
    if (storage_hm3 <= s.front()) return a.front();
    if (storage_hm3 >= s.back()) return a.back();
    // First point strictly above the storage; the segment is [upper - 1, upper].
    const auto upper =
        static_cast<std::size_t>(std::upper_bound(s.begin(), s.end(), storage_hm3) - s.begin());
    const std::size_t lower = upper - 1;
    const double fraction = (storage_hm3 - s[lower]) / (s[upper] - s[lower]);
    return a[lower] + fraction * (a[upper] - a[lower]);
}

double open_water_evaporation_hm3(const StorageAreaCurve& curve, double storage_hm3,
                                  double pet_mm_day) {
    if (storage_hm3 <= 0 || pet_mm_day <= 0) return 0.0;
    // Open water evaporates at the potential rate (hydrology.md "Reservoirs": surface area from a
    // storage-area relation x open-water evaporation); 1 mm over 1 km2 = 1e-3 hm3.
    const double evaporation_hm3 =
        pet_mm_day * surface_area_km2(curve, storage_hm3) * units::hm3_per_mm_km2;
    return std::min(evaporation_hm3, storage_hm3);
}

// ---- Hanasaki (2006) rule ----

namespace {

// Days per month of a 365-day year: the weights of the annual means. The climatology is a
// long-term mean, so leap days are left out (LPJmL likewise divides annual sums by 365).
constexpr std::array<int, 12> kDaysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr double kDaysPerYear = 365.0;

double days_weighted_mean(const std::array<double, 12>& monthly) {
    double sum = 0;
    for (std::size_t m = 0; m < 12; ++m)
        sum += monthly[m] * kDaysInMonth[m];
    return sum / kDaysPerYear;
}

void require_valid_means(const std::array<double, 12>& monthly, const char* what) {
    for (double value : monthly)
        if (!std::isfinite(value) || value < 0)
            throw std::invalid_argument(std::string("Hanasaki rule: monthly mean ") + what +
                                        " must be finite and >= 0");
}

// hydrology.md step 2: "The operational year starts the month after the last month with inflow
// >= i_mean". Read cyclically as LPJmL does (update_reservoir_annual.c, after Haddeland et al.
// 2006): the month after the end of the longest spell of consecutive months with i_m >= i_mean,
// wrapping from December to January. With a single wet season that does not wrap this is the
// literal reading. Ties go to the spell that ends latest in the calendar year. A month within
// 1e-12 (relative) of the mean counts as wet, so a constant inflow is all wet; when every month
// or no month is wet, the year starts in January.
int first_month_after_wet_season(const std::array<double, 12>& inflow_m3s, double mean_m3s) {
    std::array<bool, 12> wet{};
    for (std::size_t m = 0; m < 12; ++m)
        wet[m] = inflow_m3s[m] >= mean_m3s * (1.0 - 1e-12);
    const auto wet_months = std::count(wet.begin(), wet.end(), true);
    if (wet_months == 0 || wet_months == 12) return 1;

    int best_end = -1, best_length = 0, length = 0;
    for (int m = 0; m < 24; ++m) { // twice round, so a spell across the new year is counted whole
        const int month = m % 12;
        length = wet[month] ? length + 1 : 0;
        const bool spell_ends = wet[month] && !wet[(month + 1) % 12];
        const bool better = length > best_length || (length == best_length && month > best_end);
        if (spell_ends && m >= 12 && better) {
            best_length = length;
            best_end = month;
        }
    }
    return (best_end + 1) % 12 + 1;
}

} // namespace

HanasakiRule::HanasakiRule(double capacity_hm3, bool irrigation,
                           const HanasakiClimatology& climatology)
    : capacity_hm3_(capacity_hm3), inflow_m3s_(climatology.inflow_m3s) {
    if (!std::isfinite(capacity_hm3) || capacity_hm3 <= 0)
        throw std::invalid_argument("Hanasaki rule: capacity_hm3 must be > 0");
    require_valid_means(climatology.inflow_m3s, "inflow");
    require_valid_means(climatology.demand_m3s, "demand");

    // Step 1: long-term means.
    inflow_mean_m3s_ = days_weighted_mean(climatology.inflow_m3s);
    demand_mean_m3s_ = days_weighted_mean(climatology.demand_m3s);
    // Step 4: c = C / annual mean inflow volume (i_mean over a 365-day year, in hm3).
    const double annual_inflow_hm3 = inflow_mean_m3s_ * kDaysPerYear * units::hm3_per_m3s_day;
    capacity_ratio_ = capacity_hm3 / annual_inflow_hm3; // +inf when there is no inflow
    // Step 2: the start of the operational year.
    first_month_ = first_month_after_wet_season(inflow_m3s_, inflow_mean_m3s_);

    // Step 3, hydrology.md verbatim: "non-irrigation reservoirs r'_m = i_mean; irrigation
    // reservoirs with d_mean > 0.5 i_mean: r'_m = 0.1 i_m + 0.9 (i_mean / d_mean) d_m; other
    // irrigation reservoirs r'_m = i_mean + d_m - d_mean."
    const double i_mean = inflow_mean_m3s_, d_mean = demand_mean_m3s_;
    for (std::size_t m = 0; m < 12; ++m) {
        const double i_m = climatology.inflow_m3s[m], d_m = climatology.demand_m3s[m];
        if (!irrigation)
            provisional_m3s_[m] = i_mean;
        else if (d_mean > 0.5 * i_mean)
            provisional_m3s_[m] = 0.1 * i_m + 0.9 * (i_mean / d_mean) * d_m;
        else
            provisional_m3s_[m] = i_mean + d_m - d_mean;
    }
}

double HanasakiRule::provisional_release_m3s(int month) const {
    if (month < 1 || month > 12) throw std::out_of_range("Hanasaki rule: month must be 1..12");
    return provisional_m3s_[month - 1];
}

double HanasakiRule::release_for_month(int month, double storage_hm3) {
    const double provisional = provisional_release_m3s(month);
    // Step 2: k_rls = S / (alpha C) on the first day of the operational year; before the first
    // operational year starts, from the storage of the first call.
    if (!krls_set_ || month == first_month_) {
        krls_ = std::max(storage_hm3, 0.0) / (kAlpha * capacity_hm3_);
        krls_set_ = true;
    }
    // Step 4: "If c >= 0.5, r = k_rls r'_m; else r = (c/0.5)^2 k_rls r'_m + (1 - (c/0.5)^2) i_m."
    const double regulated = krls_ * provisional;
    if (capacity_ratio_ >= 0.5) return std::max(regulated, 0.0);
    const double weight = (capacity_ratio_ / 0.5) * (capacity_ratio_ / 0.5);
    const double release = weight * regulated + (1.0 - weight) * inflow_m3s_[month - 1];
    return std::max(release, 0.0);
}

void HanasakiRule::save(StateArchive& archive, const std::string& prefix) const {
    archive.put_real(prefix + "krls", krls_);
    archive.put_integer(prefix + "krls_set", krls_set_ ? 1 : 0);
}

void HanasakiRule::load(const StateArchive& archive, const std::string& prefix) {
    krls_ = archive.get_real(prefix + "krls");
    krls_set_ = archive.get_integer(prefix + "krls_set") != 0;
}

// ---- first filling ----

double filling_rate_m3s(const FillingPolicy& policy, double start_storage_hm3,
                        double capacity_hm3) {
    const double room_hm3 = std::max(capacity_hm3 - start_storage_hm3, 0.0);
    const double duration_days = policy.years * kDaysPerMeanGregorianYear;
    if (duration_days <= 0) return 0.0;
    return room_hm3 / (duration_days * units::hm3_per_m3s_day);
}

std::optional<double> filling_target_m3s(const FillingPolicy& policy, std::int64_t day,
                                         double inflow_m3s, double storage_hm3,
                                         double start_storage_hm3, double capacity_hm3) {
    if (!policy.enabled || day < policy.first_day) return std::nullopt;
    const double elapsed_days = static_cast<double>(day - policy.first_day);
    if (elapsed_days >= policy.years * kDaysPerMeanGregorianYear) return std::nullopt;
    if (storage_hm3 >= capacity_hm3) return std::nullopt;

    const double inflow = std::max(inflow_m3s, 0.0);
    const double fill_rate = filling_rate_m3s(policy, start_storage_hm3, capacity_hm3);
    // Keep at most the fill rate, and pass at least min(inflow, min_release).
    const double guaranteed = std::min(inflow, std::max(policy.min_release_m3s, 0.0));
    return std::max(inflow - fill_rate, guaranteed);
}

} // namespace riparia::model
