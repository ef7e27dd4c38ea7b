#include "model/calendar.hpp"
#include "model/period_means.hpp"

#include <doctest/doctest.h>

using namespace riparia;

TEST_CASE("calendar day numbers round-trip and agree with known dates") {
    using calendar::Date;
    CHECK(calendar::day_number({1970, 1, 1}) == 0);
    CHECK(calendar::day_number({2000, 3, 1}) == 11017); // date -d 2000-03-01 +%s / 86400
    CHECK(calendar::day_number({1871, 1, 1}) == -36159);
    for (std::int64_t d = -200000; d < 200000; d += 37) {
        CHECK(calendar::day_number(calendar::date_of(d)) == d);
    }
    CHECK(calendar::day_of_year({2000, 12, 31}) == 366);
    CHECK(calendar::day_of_year({1900, 12, 31}) == 365);
    CHECK(calendar::parse_iso_date("2001-02-29") == std::nullopt);
    CHECK(calendar::parse_iso_date("2000-02-29") == Date{2000, 2, 29});
    CHECK(calendar::parse_iso_date("2000-2-29") == std::nullopt);
    CHECK(calendar::parse_iso_date("2000-13-01") == std::nullopt);
}

TEST_CASE("monthly means average the days of each month, partial months included") {
    model::PeriodMeans means(model::OutputPeriod::monthly, 1, 1);
    const std::int64_t first = calendar::day_number({2001, 1, 15});
    const std::int64_t last = calendar::day_number({2001, 3, 10});
    std::vector<std::pair<std::int64_t, double>> closed;
    for (std::int64_t d = first; d <= last; ++d) {
        const double value = static_cast<double>(d - first); // 0, 1, 2, ...
        const double* row = &value;
        if (means.add(d, &row, d == last))
            closed.emplace_back(means.period_first_day(), means.mean(0)[0]);
    }
    REQUIRE(closed.size() == 3);
    CHECK(closed[0].first == first);
    CHECK(closed[0].second == doctest::Approx(8.0));  // days 0..16 of 15-31 Jan
    CHECK(closed[1].second == doctest::Approx(30.5)); // 17..44 over February
    CHECK(closed[2].second == doctest::Approx(49.5)); // 45..54, 1-10 March
}
