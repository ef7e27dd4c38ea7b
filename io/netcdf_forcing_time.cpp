#include "io/netcdf_forcing_time.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>

namespace riparia::io {

namespace {

constexpr int kNoleapCumulative[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int kLeapCumulative[12] = {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335};
constexpr std::int64_t kUnixEpochJdn = 2440588;      // Julian day number of 1970-01-01
constexpr std::int64_t kFirstGregorianJdn = 2299161; // 1582-10-15 (Gregorian reform)

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Julian calendar <-> Julian day number (Richards 2013, "Calendars", Explanatory Supplement to
// the Astronomical Almanac, 3rd ed., section 15.11, algorithms 3 and 4, valid for JDN >= 0).
std::int64_t julian_jdn(const calendar::Date& d) {
    const std::int64_t a = (14 - d.month) / 12;
    const std::int64_t y = d.year + 4800 - a;
    const std::int64_t m = d.month + 12 * a - 3;
    return d.day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
}

calendar::Date julian_date(std::int64_t jdn) {
    const std::int64_t c = jdn + 32082;
    const std::int64_t d = (4 * c + 3) / 1461;
    const std::int64_t e = c - 1461 * d / 4;
    const std::int64_t m = (5 * e + 2) / 153;
    return {static_cast<int>(d - 4800 + m / 10), static_cast<int>(m + 3 - 12 * (m / 10)),
            static_cast<int>(e - (153 * m + 2) / 5 + 1)};
}

int fixed_days_in_month(CfCalendar calendar, int year, int month) {
    static constexpr int kNoleap[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    switch (calendar) {
    case CfCalendar::noleap:
        return kNoleap[month - 1];
    case CfCalendar::all_leap:
        return month == 2 ? 29 : kNoleap[month - 1];
    case CfCalendar::day360:
        return 30;
    case CfCalendar::julian:
        return month == 2 ? (year % 4 == 0 ? 29 : 28) : kNoleap[month - 1];
    default:
        return calendar::days_in_month(year, month);
    }
}

std::string lowercase(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::optional<double> days_per_unit(const std::string& unit) {
    const std::string u = lowercase(unit);
    if (u == "days" || u == "day" || u == "d") return 1.0;
    if (u == "hours" || u == "hour" || u == "hr" || u == "h") return 1.0 / 24;
    if (u == "minutes" || u == "minute" || u == "min") return 1.0 / 1440;
    if (u == "seconds" || u == "second" || u == "sec" || u == "s") return 1.0 / 86400;
    return std::nullopt;
}

} // namespace

std::optional<CfCalendar> parse_cf_calendar(const std::string& name) {
    const std::string n = lowercase(name);
    if (n == "standard" || n == "gregorian") return CfCalendar::standard;
    if (n == "proleptic_gregorian") return CfCalendar::proleptic_gregorian;
    if (n == "julian") return CfCalendar::julian;
    if (n == "noleap" || n == "365_day") return CfCalendar::noleap;
    if (n == "all_leap" || n == "366_day") return CfCalendar::all_leap;
    if (n == "360_day") return CfCalendar::day360;
    return std::nullopt;
}

const char* accepted_cf_calendars() {
    return "standard, gregorian, proleptic_gregorian, julian, noleap, 365_day, all_leap, "
           "366_day, 360_day";
}

bool date_exists(CfCalendar calendar, const calendar::Date& d) {
    if (d.month < 1 || d.month > 12 || d.day < 1) return false;
    if (d.day > fixed_days_in_month(calendar, d.year, d.month)) return false;
    if (calendar == CfCalendar::standard && d.year == 1582 && d.month == 10)
        return d.day < 5 || d.day > 14;
    return true;
}

std::int64_t serial_day(CfCalendar calendar, const calendar::Date& d) {
    const std::int64_t y = d.year;
    switch (calendar) {
    case CfCalendar::proleptic_gregorian:
        return calendar::day_number(d);
    case CfCalendar::standard:
        if (d < calendar::Date{1582, 10, 15}) return julian_jdn(d) - kUnixEpochJdn;
        return calendar::day_number(d);
    case CfCalendar::julian:
        return julian_jdn(d) - kUnixEpochJdn;
    case CfCalendar::noleap:
        return y * 365 + kNoleapCumulative[d.month - 1] + d.day - 1;
    case CfCalendar::all_leap:
        return y * 366 + kLeapCumulative[d.month - 1] + d.day - 1;
    case CfCalendar::day360:
        return y * 360 + (d.month - 1) * 30 + d.day - 1;
    }
    return 0;
}

calendar::Date date_of_serial(CfCalendar calendar, std::int64_t serial) {
    auto from_table = [&](int year_days, const int* cumulative) {
        const std::int64_t year = floor_div(serial, year_days);
        const auto day_of_year = static_cast<int>(serial - year * year_days);
        int month = 12;
        while (cumulative[month - 1] > day_of_year)
            --month;
        return calendar::Date{static_cast<int>(year), month,
                              day_of_year - cumulative[month - 1] + 1};
    };
    switch (calendar) {
    case CfCalendar::proleptic_gregorian:
        return calendar::date_of(serial);
    case CfCalendar::standard:
        if (serial + kUnixEpochJdn < kFirstGregorianJdn) return julian_date(serial + kUnixEpochJdn);
        return calendar::date_of(serial);
    case CfCalendar::julian:
        return julian_date(serial + kUnixEpochJdn);
    case CfCalendar::noleap:
        return from_table(365, kNoleapCumulative);
    case CfCalendar::all_leap:
        return from_table(366, kLeapCumulative);
    case CfCalendar::day360: {
        const std::int64_t year = floor_div(serial, 360);
        const auto day_of_year = static_cast<int>(serial - year * 360);
        return {static_cast<int>(year), day_of_year / 30 + 1, day_of_year % 30 + 1};
    }
    }
    return {};
}

calendar::Date file_date_of(CfCalendar calendar, std::int64_t model_day) {
    calendar::Date d = calendar::date_of(model_day);
    while (d.day > 1 && !date_exists(calendar, d))
        --d.day;
    return d;
}

std::optional<CfTimeUnits> parse_cf_time_units(const std::string& units, CfCalendar calendar) {
    char unit[32] = {};
    int year = 0, month = 0, day = 0, consumed = 0;
    if (std::sscanf(units.c_str(), " %31s since %d-%d-%d%n", unit, &year, &month, &day,
                    &consumed) != 4)
        return std::nullopt;
    const auto per_unit = days_per_unit(unit);
    const calendar::Date reference{year, month, day};
    if (!per_unit || !date_exists(calendar, reference)) return std::nullopt;
    double hours = 0, minutes = 0, seconds = 0;
    const std::string rest = units.substr(static_cast<std::size_t>(consumed));
    const std::size_t start = rest.find_first_not_of(" T");
    if (start != std::string::npos) {
        const int fields =
            std::sscanf(rest.c_str() + start, "%lf:%lf:%lf", &hours, &minutes, &seconds);
        if (fields < 1 || hours < 0 || hours >= 24) return std::nullopt;
    }
    CfTimeUnits u;
    u.days_per_unit = *per_unit;
    u.reference_serial = static_cast<double>(serial_day(calendar, reference)) +
                         (hours + minutes / 60 + seconds / 3600) / 24;
    return u;
}

std::int64_t key_of_model_day(const TimeAxis& axis, std::int64_t model_day) {
    if (axis.step == TimeStep::monthly) {
        const calendar::Date d = calendar::date_of(model_day);
        return static_cast<std::int64_t>(d.year) * 12 + d.month - 1;
    }
    return serial_day(axis.calendar, file_date_of(axis.calendar, model_day));
}

std::string describe_key(const TimeAxis& axis, std::int64_t key) {
    if (axis.step == TimeStep::monthly)
        return fmt::format("{:04d}-{:02d}", floor_div(key, 12), key - 12 * floor_div(key, 12) + 1);
    return calendar::to_iso(date_of_serial(axis.calendar, key));
}

} // namespace riparia::io
