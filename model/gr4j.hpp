// GR4J rainfall-runoff model (Perrin, Michel & Andreassian 2003, J. Hydrol. 279:275-289), as
// implemented by the GR team in airGR (frun_GR4J.f): same states, unit hydrographs, exchange and
// tanh cap. Sub-basins are held struct-of-arrays in lanes of kLanes so that one day of every
// sub-basin in a lane group is computed by the same vector instructions; padding lanes carry
// neutral parameters and zero forcing, so a sub-basin's result never depends on how many others
// are run or on which thread runs it.
#pragma once

#include "model/aligned_vector.hpp"
#include "model/state_archive.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace riparia::model {

struct Gr4jParams {
    double x1_mm = 0;     // production store capacity (> 0)
    double x2_mm_day = 0; // groundwater exchange coefficient (either sign; > 0 imports water)
    double x3_mm = 0;     // routing store capacity (> 0)
    double x4_days = 0;   // unit hydrograph time base (0.5 .. kMaxX4Days)
};

// airGR's unit hydrographs have NH = 20 ordinates for UH1 and 2 * NH for UH2, which supports
// X4 up to 20 days; a longer base would truncate the hydrograph and lose water.
inline constexpr int kUh1Length = 20;
inline constexpr int kUh2Length = 2 * kUh1Length;
inline constexpr double kMinX4Days = 0.5;
inline constexpr double kMaxX4Days = 20.0;

// Empty when the parameters are valid, else what is wrong ("x1_mm must be > 0, found -3").
std::string gr4j_parameter_problem(const Gr4jParams& params);

struct UnitHydrographs {
    double uh1[kUh1Length] = {};
    double uh2[kUh2Length] = {};
    int uh1_used = 1; // ordinates airGR convolves: max(1, min(NH-1, int(X4+1)))
    int uh2_used = 1; //                           max(1, min(2NH-1, 2 int(X4+1)))
};
UnitHydrographs unit_hydrographs(double x4_days);

inline constexpr int kLanes = 8;
inline std::size_t padded_count(std::size_t count) {
    return (count + kLanes - 1) / kLanes * kLanes;
}

// Per-day inputs and outputs of a block of days, day-major: value(day, i) = data[day * stride + i]
// with stride = padded sub-basin count. Arrays should be 64-byte aligned (AlignedVector) so that
// each lane group's day is one cache line; unaligned arrays work but run slower.
struct Gr4jDayArrays {
    const double* precip_mm = nullptr; // liquid water reaching the soil (after snow)
    const double* pet_mm = nullptr;
    double* runoff_mm = nullptr;
    double* aet_mm = nullptr;        // actual evapotranspiration, including interception
    double* exchange_mm = nullptr;   // groundwater exchange actually applied
    double* production_mm = nullptr; // store levels at the end of each day
    double* routing_mm = nullptr;
    std::size_t stride = 0;
    int days = 0;
};

class Gr4jState {
  public:
    Gr4jState() = default;
    // Initial stores are fill fractions of X1 and X3; unit hydrograph queues start empty.
    Gr4jState(std::span<const Gr4jParams> params, std::span<const double> production_fill,
              std::span<const double> routing_fill);

    std::size_t size() const { return count_; }
    std::size_t stride() const { return padded_; }

    // Runs days for the lane groups [first_group, last_group). Groups are independent.
    void run_groups(const Gr4jDayArrays& io, std::size_t first_group, std::size_t last_group);
    std::size_t group_count() const { return padded_ / kLanes; }

    double production_mm(std::size_t i) const { return production_[i]; }
    double routing_mm(std::size_t i) const { return routing_[i]; }
    double unit_hydrograph_storage_mm(std::size_t i) const; // water in both queues
    std::size_t state_bytes_per_subbasin() const;           // stores and unit hydrograph queues
    std::size_t parameter_bytes_per_subbasin() const;       // X1-X3 and unit hydrograph ordinates

    // Stores and unit hydrograph queues under `prefix`; load throws std::invalid_argument when
    // the archive was written for another number of sub-basins.
    void save(StateArchive& archive, const std::string& prefix) const;
    void load(const StateArchive& archive, const std::string& prefix);

  private:
    std::size_t count_ = 0;
    std::size_t padded_ = 0;
    AlignedVector<double> x1_, x2_, x3_;
    AlignedVector<double> production_, routing_;
    // Lane-group blocked: [group][ordinate][lane].
    AlignedVector<double> uh1_ord_, uh2_ord_, uh1_queue_, uh2_queue_;
    std::vector<int> uh1_used_, uh2_used_; // per group, the longest of its lanes
};

} // namespace riparia::model
