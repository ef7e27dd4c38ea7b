// The calendar: proleptic Gregorian civil dates <-> day numbers (days since 1970-01-01).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace riparia::calendar {

struct Date {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    auto operator<=>(const Date&) const = default;
};

// Days since 1970-01-01 (negative before). Algorithm: H. Hinnant, "chrono-compatible low-level
// date algorithms" (days_from_civil / civil_from_days), exact for the proleptic Gregorian calendar.
std::int64_t day_number(const Date& date);
Date date_of(std::int64_t day_number);

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Mean length (days) of month 1..12 in the Gregorian calendar (97 leap years in 400: February
// 28.2425 days): a climatological month's length.
double mean_days_in_month(int month);
int day_of_year(const Date& date); // 1..366

// Parses "YYYY-MM-DD" strictly (zero-padded, valid day of month). Empty optional when invalid.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(const Date& date);

} // namespace riparia::calendar
