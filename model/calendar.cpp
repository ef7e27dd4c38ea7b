#include "model/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace riparia::calendar {

std::int64_t day_number(const Date& date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t shifted_month = date.month > 2 ? date.month - 3 : date.month + 9;
    const std::int64_t day_of_year_mar = (153 * shifted_month + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year_mar;
    return era * 146097 + day_of_era - 719468;
}

Date date_of(std::int64_t day_number) {
    const std::int64_t z = day_number + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year_mar =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t shifted_month = (5 * day_of_year_mar + 2) / 153;
    Date date;
    date.day = static_cast<int>(day_of_year_mar - (153 * shifted_month + 2) / 5 + 1);
    date.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

double mean_days_in_month(int month) {
    static constexpr double days[12] = {31, 28.2425, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

int days_in_month(int year, int month) {
    static constexpr int length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : length[month - 1];
}

int day_of_year(const Date& date) {
    return static_cast<int>(day_number(date) - day_number(Date{date.year, 1, 1})) + 1;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto field = [&](std::size_t pos, std::size_t len, int& value) {
        const char* first = text.data() + pos;
        const char* last = first + len;
        auto [ptr, ec] = std::from_chars(first, last, value);
        return ec == std::errc{} && ptr == last && *first != '-' && *first != '+';
    };
    Date date;
    if (!field(0, 4, date.year) || !field(5, 2, date.month) || !field(8, 2, date.day)) {
        return std::nullopt;
    }
    if (date.month < 1 || date.month > 12) return std::nullopt;
    if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
    return date;
}

std::string to_iso(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

} // namespace riparia::calendar
