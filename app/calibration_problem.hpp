// One calibration problem: the basin to edit, the groups' parameters as a vector in [0, 1]^n
// (each bound mapped linearly), the targets, and the evaluation of a parameter vector: simulate
// the study's period (no file output) and return the weighted objective (docs/calibration.md).
#pragma once

#include "io/calibration_file.hpp"
#include "model/forcing.hpp"
#include "model/simulation.hpp"

#include <vector>

namespace riparia::app {

struct TargetFit {
    double simulated = 0; // same unit as the target (km3/yr, m3/s, CV) or the metric's value
    double term = 0;      // its weighted contribution to the objective
};

struct Evaluation {
    double objective = 0;
    std::vector<TargetFit> targets;
};

class CalibrationProblem {
  public:
    // `basin` is the one runs simulate (management already chosen); `forcings` one source per
    // member simulated in each evaluation (mean and CV targets take the members' average, a
    // series target the first member). Throws io::InputError when a mean or CV target has no
    // complete calendar year in the period.
    CalibrationProblem(const model::Basin& basin, const io::CalibrationFile& file,
                       const model::RunPeriod& period, std::vector<model::ForcingSource*> forcings);

    std::size_t dimension() const { return ranges_.size(); }
    // The basin's current values, clamped into the bounds, as a normalised vector.
    std::vector<double> start() const;
    // The basin with a normalised vector's parameters set into its groups' sub-basins.
    model::Basin basin_with(const std::vector<double>& unit) const;
    // Physical value of each fitted parameter ("group.key" order of ranges()).
    double physical(std::size_t k, double unit) const;
    Evaluation evaluate(const model::Basin& basin) const;
    Evaluation evaluate(const std::vector<double>& unit) const {
        return evaluate(basin_with(unit));
    }

    struct Slot {
        std::size_t group = 0;
        io::ParameterRange range;
    };
    const std::vector<Slot>& ranges() const { return ranges_; }

  private:
    const model::Basin& basin_;
    const io::CalibrationFile& file_;
    model::RunPeriod period_;
    std::vector<model::ForcingSource*> forcings_;
    std::vector<Slot> ranges_;
    std::vector<std::size_t> nodes_;           // distinct target sub-basins
    std::vector<std::int64_t> complete_years_; // calendar years wholly in the period
};

// Sets one parameter of a sub-basin.
void set_parameter(model::Subbasin& s, io::CalibratedParameter p, double value);
double get_parameter(const model::Subbasin& s, io::CalibratedParameter p);

} // namespace riparia::app
