#include "app/calibration_problem.hpp"

#include "app/calibration_sink.hpp"
#include "io/input_error.hpp"
#include "model/calendar.hpp"
#include "model/calibration_objective.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::app {

using io::CalibratedParameter;
using io::TargetKind;

namespace {

// An evaluation whose metric cannot be computed (a dry simulation) ranks below every other.
constexpr double kFailedTerm = 1e6;

std::vector<std::int64_t> complete_years(const model::RunPeriod& p) {
    std::vector<std::int64_t> years;
    for (int y = calendar::date_of(p.first_day).year; y <= calendar::date_of(p.last_day).year;
         ++y) {
        if (calendar::day_number({y, 1, 1}) >= p.first_day &&
            calendar::day_number({y, 12, 31}) <= p.last_day)
            years.push_back(y);
    }
    return years;
}

} // namespace

void set_parameter(model::Subbasin& s, CalibratedParameter p, double value) {
    switch (p) {
    case CalibratedParameter::x1:
        s.gr4j.x1_mm = value;
        break;
    case CalibratedParameter::x2:
        s.gr4j.x2_mm_day = value;
        break;
    case CalibratedParameter::x3:
        s.gr4j.x3_mm = value;
        break;
    case CalibratedParameter::x4:
        s.gr4j.x4_days = value;
        break;
    case CalibratedParameter::lag_days:
        s.routing.lag_days = value;
        break;
    case CalibratedParameter::k_days:
        s.routing.k_days = value;
        break;
    }
}

double get_parameter(const model::Subbasin& s, CalibratedParameter p) {
    switch (p) {
    case CalibratedParameter::x1:
        return s.gr4j.x1_mm;
    case CalibratedParameter::x2:
        return s.gr4j.x2_mm_day;
    case CalibratedParameter::x3:
        return s.gr4j.x3_mm;
    case CalibratedParameter::x4:
        return s.gr4j.x4_days;
    case CalibratedParameter::lag_days:
        return s.routing.lag_days;
    case CalibratedParameter::k_days:
        return s.routing.k_days;
    }
    return 0;
}

CalibrationProblem::CalibrationProblem(const model::Basin& basin, const io::CalibrationFile& file,
                                       const model::RunPeriod& period,
                                       std::vector<model::ForcingSource*> forcings)
    : basin_(basin), file_(file), period_(period), forcings_(std::move(forcings)) {
    for (std::size_t g = 0; g < file.groups.size(); ++g) {
        for (const auto& range : file.groups[g].parameters)
            ranges_.push_back({g, range});
    }
    complete_years_ = complete_years(period);
    for (const auto& t : file.targets) {
        if (std::find(nodes_.begin(), nodes_.end(), t.subbasin) == nodes_.end())
            nodes_.push_back(t.subbasin);
        const std::size_t needed = t.kind == TargetKind::annual_flow_cv ? 2 : 1;
        if (t.kind != TargetKind::series && complete_years_.size() < needed) {
            throw io::InputError(fmt::format(
                "{}: target '{}' at '{}' needs {} complete calendar year(s) in the study's "
                "reported period, found {}",
                file.path, io::target_kind_name(t.kind), t.subbasin_id, needed,
                complete_years_.size()));
        }
    }
}

double CalibrationProblem::physical(std::size_t k, double unit) const {
    const io::ParameterRange& r = ranges_[k].range;
    return r.lower + std::clamp(unit, 0.0, 1.0) * (r.upper - r.lower);
}

std::vector<double> CalibrationProblem::start() const {
    std::vector<double> unit;
    for (const Slot& slot : ranges_) {
        const auto& ids = file_.groups[slot.group].subbasins;
        double sum = 0;
        for (std::size_t i : ids)
            sum += get_parameter(basin_.subbasins[i], slot.range.parameter);
        const double mean = sum / static_cast<double>(ids.size());
        const auto& r = slot.range;
        unit.push_back(std::clamp((mean - r.lower) / (r.upper - r.lower), 0.0, 1.0));
    }
    return unit;
}

model::Basin CalibrationProblem::basin_with(const std::vector<double>& unit) const {
    model::Basin basin = basin_;
    for (std::size_t k = 0; k < ranges_.size(); ++k) {
        const double value = physical(k, unit[k]);
        for (std::size_t i : file_.groups[ranges_[k].group].subbasins)
            set_parameter(basin.subbasins[i], ranges_[k].range.parameter, value);
    }
    return basin;
}

namespace {

// The simulated counterpart of a target in one member's run (km3/yr, m3/s, CV or the metric).
double simulated_value(const io::CalibrationTarget& t, const DischargeRecorder& rec, std::size_t k,
                       const std::vector<std::int64_t>& years) {
    std::vector<double> annual;
    for (std::int64_t y : years)
        annual.push_back(rec.annual_km3(k, y));
    if (t.kind == TargetKind::mean_annual_flow) {
        const double km3 = model::mean_of(annual);
        // m3/s: the mean annual volume over the mean year length of those years.
        double days = 0;
        for (std::int64_t y : years)
            days += calendar::is_leap_year(static_cast<int>(y)) ? 366 : 365;
        days /= static_cast<double>(years.size());
        return t.value_in_km3 ? km3 : km3 * 1e9 / (days * 86400.0);
    }
    if (t.kind == TargetKind::annual_flow_cv) return model::coefficient_of_variation(annual);
    std::vector<double> sim;
    for (std::int64_t key : t.series.keys) {
        sim.push_back(t.series.annual
                          ? rec.annual_km3(k, key)
                          : rec.daily_m3s(k)[static_cast<std::size_t>(key - rec.first_day())]);
    }
    return t.metric == io::SeriesMetric::kge
               ? model::kling_gupta_efficiency(sim, t.series.values)
               : model::nash_sutcliffe_efficiency(sim, t.series.values);
}

// A target's objective term from its simulated value.
TargetFit fit_of(const io::CalibrationTarget& t, double simulated) {
    TargetFit fit;
    fit.simulated = simulated;
    fit.term = t.kind == TargetKind::series
                   ? t.weight * (1.0 - simulated)
                   : t.weight * model::squared_relative_error(simulated, t.value);
    if (!std::isfinite(fit.term)) fit.term = kFailedTerm * t.weight;
    return fit;
}

} // namespace

Evaluation CalibrationProblem::evaluate(const model::Basin& basin) const {
    // Members are independent runs: simulated side by side, summed in member order so the
    // objective does not depend on the thread count.
    const int members = static_cast<int>(forcings_.size());
    std::vector<std::vector<double>> values(forcings_.size());
#pragma omp parallel for schedule(static) if (members > 1)
    for (int m = 0; m < members; ++m) {
        DischargeRecorder recorder(nodes_, period_.first_day, period_.last_day);
        model::RunSettings settings;
        settings.period = period_;
        model::simulate(basin, *forcings_[static_cast<std::size_t>(m)], &recorder, settings);
        for (const auto& t : file_.targets) {
            const auto k = static_cast<std::size_t>(
                std::find(nodes_.begin(), nodes_.end(), t.subbasin) - nodes_.begin());
            values[static_cast<std::size_t>(m)].push_back(
                simulated_value(t, recorder, k, complete_years_));
        }
    }
    Evaluation e;
    for (std::size_t i = 0; i < file_.targets.size(); ++i) {
        double sum = 0;
        for (const auto& member : values)
            sum += member[i];
        e.targets.push_back(fit_of(file_.targets[i], sum / static_cast<double>(members)));
        e.objective += e.targets.back().term;
    }
    return e;
}

} // namespace riparia::app
