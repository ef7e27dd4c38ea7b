// build_time_axis (io/netcdf_forcing_time.hpp): files in time order, the step, gaps and repeats.
#include "io/input_error.hpp"
#include "io/netcdf_forcing_time.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::io {

namespace {

void check_same_calendar(const std::vector<FileTimes>& files, const std::string& variable) {
    for (const FileTimes& f : files) {
        if (f.serial_days.empty()) {
            throw InputError(fmt::format("{}: variable '{}': found no time steps, expected at "
                                         "least one",
                                         f.path, variable));
        }
        if (f.calendar != files.front().calendar) {
            throw InputError(fmt::format("{} and {}: variable '{}': found different calendars, "
                                         "expected one calendar for all files of a variable",
                                         files.front().path, f.path, variable));
        }
    }
}

// Daily or monthly, from the median spacing of the records (days).
TimeStep detect_step(const std::vector<FileTimes>& files, const std::string& variable) {
    std::vector<double> spacing;
    double previous = NAN;
    for (const FileTimes& f : files) {
        for (double t : f.serial_days) {
            if (!std::isnan(previous) && t > previous) spacing.push_back(t - previous);
            previous = t;
        }
    }
    if (spacing.empty()) return TimeStep::daily;
    std::nth_element(spacing.begin(), spacing.begin() + spacing.size() / 2, spacing.end());
    const double median_days = spacing[spacing.size() / 2];
    if (median_days > 0.99 && median_days < 1.01) return TimeStep::daily;
    if (median_days > 27.5 && median_days < 31.5) return TimeStep::monthly;
    throw InputError(fmt::format("{}: variable '{}': found time steps of {:g} days, expected daily "
                                 "(1 day) or monthly (28 to 31 days) data",
                                 files.front().path, variable, median_days));
}

std::int64_t key_of(const TimeAxis& axis, double serial_day_value) {
    // 1e-6 day (0.09 s) absorbs rounding of "hours since" values.
    const auto day = static_cast<std::int64_t>(std::floor(serial_day_value + 1e-6));
    if (axis.step == TimeStep::daily) return day;
    const calendar::Date d = date_of_serial(axis.calendar, day);
    return static_cast<std::int64_t>(d.year) * 12 + d.month - 1;
}

void check_next(const TimeAxis& axis, std::int64_t previous, std::int64_t key,
                const std::string& previous_file, const std::string& file,
                const std::string& variable) {
    if (key == previous + 1) return;
    const std::string files =
        previous_file == file ? file : fmt::format("{} and {}", previous_file, file);
    const char* unit = axis.step == TimeStep::daily ? "days" : "months";
    if (key > previous + 1) {
        throw InputError(fmt::format("{}: variable '{}': found a gap in time, no data from {} to "
                                     "{}; expected consecutive {}",
                                     files, variable, describe_key(axis, previous + 1),
                                     describe_key(axis, key - 1), unit));
    }
    throw InputError(fmt::format("{}: variable '{}': found {} {} after {}; expected consecutive "
                                 "{} without repeats",
                                 files, variable, describe_key(axis, key),
                                 key == previous ? "twice" : "again", describe_key(axis, previous),
                                 unit));
}

} // namespace

TimeAxis build_time_axis(std::vector<FileTimes> files, const std::string& variable) {
    check_same_calendar(files, variable);
    std::stable_sort(files.begin(), files.end(), [](const FileTimes& a, const FileTimes& b) {
        return a.serial_days.front() < b.serial_days.front();
    });
    TimeAxis axis;
    axis.calendar = files.front().calendar;
    axis.step = detect_step(files, variable);
    axis.first_key = key_of(axis, files.front().serial_days.front());
    std::int64_t previous = axis.first_key - 1;
    std::string previous_file = files.front().path;
    axis.file_first.push_back(0);
    for (const FileTimes& f : files) {
        for (double t : f.serial_days) {
            const std::int64_t key = key_of(axis, t);
            check_next(axis, previous, key, previous_file, f.path, variable);
            previous = key;
            previous_file = f.path;
        }
        axis.files.push_back(f.path);
        axis.file_records.push_back(f.serial_days.size());
        axis.file_first.push_back(axis.file_first.back() + f.serial_days.size());
    }
    return axis;
}

} // namespace riparia::io
