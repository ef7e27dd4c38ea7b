// calibration.toml: which study to calibrate, which GR4J and routing parameters to fit per group
// of sub-basins (with bounds), the targets (mean annual flow, annual-flow CV, observed series)
// and the optimiser settings (docs/calibration.md).
#pragma once

#include "model/basin.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <toml++/toml.h>
#include <vector>

namespace riparia::io {

enum class CalibratedParameter { x1, x2, x3, x4, lag_days, k_days };
inline constexpr std::array<const char*, 6> kCalibratedParameterKeys = {"x1", "x2",       "x3",
                                                                        "x4", "lag_days", "k_days"};
const char* parameter_key(CalibratedParameter p);

struct ParameterRange {
    CalibratedParameter parameter = CalibratedParameter::x1;
    double lower = 0, upper = 0;
};

struct CalibrationGroup {
    std::string name;
    std::vector<std::string> subbasin_ids;
    std::vector<std::size_t> subbasins; // indices in the basin
    std::vector<ParameterRange> parameters;
};

enum class TargetKind { mean_annual_flow, annual_flow_cv, series };
enum class SeriesMetric { kge, nse };
enum class SeriesUnit { m3s, km3_per_year, mm_per_day };

// An observed series, converted to m3/s (daily) or km3/yr (annual, keyed by year).
struct ObservedSeries {
    std::string file;
    SeriesUnit unit = SeriesUnit::m3s;
    bool annual = false;
    std::vector<std::int64_t> keys; // day numbers (daily) or calendar years (annual)
    std::vector<double> values;     // m3/s or km3/yr; NaN where missing
};

struct CalibrationTarget {
    TargetKind kind = TargetKind::mean_annual_flow;
    std::string subbasin_id;
    std::size_t subbasin = 0;
    double value = 0;          // mean annual flow (km3/yr or m3/s) or CV (dimensionless)
    bool value_in_km3 = false; // mean_annual_flow given as value_km3 (else value_m3s)
    double weight = 1.0;
    std::string source;
    SeriesMetric metric = SeriesMetric::kge;
    ObservedSeries series;
};

struct CalibrationFile {
    std::string path;
    std::string study_path; // resolved against the calibration file
    bool management = false;
    std::string algorithm = "crs2"; // global: crs2, isres, direct
    std::string local = "bobyqa";   // polish: bobyqa, neldermead, none
    int max_evaluations = 2000;
    std::uint64_t seed = 1;
    // Members of the study's first scenario and policy simulated per evaluation; mean and CV
    // targets are compared with the members' average (a generator's 30-year realisations
    // differ by several per cent, most in arid basins).
    int members = 1;
    std::vector<CalibrationGroup> groups;
    std::vector<CalibrationTarget> targets;
    toml::table root;
};

// Reads the [calibration] table; groups and targets need the basin (read_calibration_items).
CalibrationFile load_calibration_file(const std::string& path);

// Reads [[group]] and [[target]] against the basin and the reported period (first and last
// day numbers); observed series files are read here. Throws InputError naming file and key.
void read_calibration_items(CalibrationFile& file, const model::Basin& basin,
                            std::int64_t first_day, std::int64_t last_day);

// Target kind and metric names as written in the file.
const char* target_kind_name(TargetKind kind);
const char* metric_name(SeriesMetric metric);

} // namespace riparia::io
