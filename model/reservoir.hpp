// Reservoir physics and operating rules that do not depend on the rest of the network: the
// storage-area relation and open-water evaporation, the generic operating rule of Hanasaki et al.
// (2006, J. Hydrol. 327:22-41) as the large-scale models apply it (shared/reference/hydrology.md,
// "Reservoirs"), and a first-filling policy. Every release here is a TARGET (m3/s, >= 0): dead
// storage, the maximum release and spill above capacity are enforced by the allocation, which may
// also override a target for agreements and priorities (hydrology.md: "during the allocation the
// rule becomes a target, not a constraint").
#pragma once

#include "model/state_archive.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace riparia::model {

// Surface area as a function of storage, piecewise linear.
struct StorageAreaCurve {
    std::vector<double> storage_hm3; // strictly increasing, first >= 0
    std::vector<double> area_km2;    // >= 0, same length >= 1; one point = constant area
};

// Empty when the curve is valid, else what is wrong (for load-time validation). An empty curve
// is accepted and means "no surface area known": no evaporation.
std::string storage_area_curve_problem(const StorageAreaCurve& curve);

// Linear interpolation in the table; the first / last area outside it. 0 for an empty curve.
double surface_area_km2(const StorageAreaCurve& curve, double storage_hm3);

// Open-water evaporation (hm3) in one day from PET (mm/d) over the area at the given storage,
// never more than the storage (1 mm over 1 km2 = 1e-3 hm3). Negative PET or storage give 0.
double open_water_evaporation_hm3(const StorageAreaCurve& curve, double storage_hm3,
                                  double pet_mm_day);

// Long-term means the Hanasaki rule needs (Hanasaki et al. 2006).
struct HanasakiClimatology {
    std::array<double, 12> inflow_m3s{}; // monthly mean inflow i_m, January first
    std::array<double, 12>
        demand_m3s{}; // monthly mean demand d_m downstream served by the reservoir
};

// The Hanasaki (2006) rule, hydrology.md "Hanasaki (2006) rule" steps 1-4. Choices where the
// reference leaves room (see reservoir.cpp for the details):
//  - annual means i_mean, d_mean weight each month by its days in a 365-day year (as LPJmL does);
//    the annual mean inflow volume is i_mean x 365 d;
//  - the operational year starts the month after the last month of the longest spell of
//    consecutive months with i_m >= i_mean, counted cyclically (LPJmL, after Haddeland et al.
//    2006), so a wet season spanning December-January is one spell;
//  - before the first operational year starts, k_rls comes from the storage of the first call.
class HanasakiRule {
  public:
    static constexpr double kAlpha = 0.85; // target storage fraction at the start of the year

    // Throws std::invalid_argument unless capacity > 0 and every mean is finite and >= 0.
    HanasakiRule(double capacity_hm3, bool irrigation, const HanasakiClimatology& climatology);

    // 1..12: the month after the last month with i_m >= i_mean (see above).
    int operational_year_first_month() const { return first_month_; }

    // Called on the first day of every month (1..12) with the storage then (hm3); on the first
    // day of the operational year (and on the first call) it sets k_rls = S / (alpha C).
    // Returns the target release (m3/s, >= 0) for the month. Throws std::out_of_range for a bad
    // month.
    double release_for_month(int month, double storage_hm3);

    double krls() const { return krls_; }                     // 1 until the first call
    double capacity_ratio() const { return capacity_ratio_; } // c = C / annual mean inflow volume

    double mean_inflow_m3s() const { return inflow_mean_m3s_; } // i_mean
    double mean_demand_m3s() const { return demand_mean_m3s_; } // d_mean
    double provisional_release_m3s(int month) const;            // r'_m, month 1..12

    // The release-year state (k_rls and whether it was set) under `prefix`.
    void save(StateArchive& archive, const std::string& prefix) const;
    void load(const StateArchive& archive, const std::string& prefix);

  private:
    double capacity_hm3_;
    std::array<double, 12> inflow_m3s_;
    std::array<double, 12> provisional_m3s_{}; // r'_m
    double inflow_mean_m3s_ = 0, demand_mean_m3s_ = 0, capacity_ratio_ = 0;
    int first_month_ = 1;
    double krls_ = 1.0;
    bool krls_set_ = false;
};

// A first-filling policy, e.g. "fill GERD in N years with a minimum release".
struct FillingPolicy {
    bool enabled = false;
    std::int64_t first_day = 0; // day number (days since 1970-01-01) filling starts
    double years = 0;           // target duration, in mean Gregorian years of 365.2425 days
    double min_release_m3s = 0; // released while filling whenever the inflow allows
};

inline constexpr double kDaysPerMeanGregorianYear = 365.2425;

// Target release while filling: the reservoir keeps at most the fill rate (capacity - storage at
// the start of filling, spread evenly over `years`), passes the rest, and passes at least
// min(inflow, min_release). Filling runs on days first_day <= day < first_day + years x 365.2425
// while the storage is below the capacity. Returns nullopt when not filling. The function is
// stateless: once it has returned nullopt after first_day, the caller should not call it again
// (a storage that falls below capacity after filling ended does not restart the filling).
std::optional<double> filling_target_m3s(const FillingPolicy& policy, std::int64_t day,
                                         double inflow_m3s, double storage_hm3,
                                         double start_storage_hm3, double capacity_hm3);

// The fill rate (m3/s) of a policy: (capacity - start storage) / (years x 365.2425 d), >= 0.
double filling_rate_m3s(const FillingPolicy& policy, double start_storage_hm3, double capacity_hm3);

} // namespace riparia::model
