// CF time axes of gridded forcing: the calendars of CF-1.8 section 4.4.1, the units
// "<days|hours|minutes|seconds> since <date>[ time]", and the mapping of each model day
// (proleptic Gregorian, model/calendar.hpp) onto the file's calendar.
#pragma once

#include "model/calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace riparia::io {

enum class CfCalendar { standard, proleptic_gregorian, julian, noleap, all_leap, day360 };

// "standard", "gregorian", "proleptic_gregorian", "julian", "noleap", "365_day", "all_leap",
// "366_day", "360_day" (case-insensitive); empty when unknown.
std::optional<CfCalendar> parse_cf_calendar(const std::string& name);
const char* accepted_cf_calendars();

// A day count that increases by one per day of the calendar (its origin differs by calendar).
std::int64_t serial_day(CfCalendar calendar, const calendar::Date& date);
calendar::Date date_of_serial(CfCalendar calendar, std::int64_t serial);
bool date_exists(CfCalendar calendar, const calendar::Date& date);
// The file day used for a model day: the same date, or the nearest previous one that exists in
// the file's calendar (noleap has no 29 February; 360_day has no 31st; standard skips
// 1582-10-05..14).
calendar::Date file_date_of(CfCalendar calendar, std::int64_t model_day);

struct CfTimeUnits {
    double days_per_unit = 1;
    double reference_serial = 0; // serial day of the reference date plus its time of day
};

// Empty when the text is not "<unit> since <date>[ time]".
std::optional<CfTimeUnits> parse_cf_time_units(const std::string& units, CfCalendar calendar);

enum class TimeStep { daily, monthly };

// The time axis of one variable over several files, in time order without gaps or repeats.
struct TimeAxis {
    CfCalendar calendar = CfCalendar::standard;
    TimeStep step = TimeStep::daily;
    std::int64_t first_key = 0;            // serial day (daily) or year * 12 + month - 1
    std::vector<std::string> files;        // in time order
    std::vector<std::size_t> file_first;   // global record of each file's first record; + total
    std::vector<std::size_t> file_records; // records of each file
    std::size_t records() const { return file_first.empty() ? 0 : file_first.back(); }
};

struct FileTimes {
    std::string path;
    CfCalendar calendar = CfCalendar::standard;
    std::vector<double> serial_days; // fractional serial day of each record
};

// Orders the files by their first time, detects the step (daily or monthly), and checks the
// combined axis has no gaps or repeats; InputError naming `variable`, the files and the dates.
TimeAxis build_time_axis(std::vector<FileTimes> files, const std::string& variable);

// The key a model day looks up (a serial day or a month index, in the axis's calendar).
std::int64_t key_of_model_day(const TimeAxis& axis, std::int64_t model_day);
std::string describe_key(const TimeAxis& axis, std::int64_t key); // "1999-03-01" or "1999-03"

} // namespace riparia::io
