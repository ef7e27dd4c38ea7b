// The built-in weather generator: monthly statistics over 1,000 simulated years against the
// climatology, persistence, spatial correlation, determinism and restarts, and the basin file's
// `climate` table. Tolerances are 4 standard errors estimated from the sample itself.
#include "io/basin_file.hpp"
#include "io/generator_table.hpp"
#include "model/calendar.hpp"
#include "model/oudin.hpp"
#include "model/random.hpp"
#include "model/simulation.hpp"
#include "model/weather_generator.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace riparia;
using model::GeneratorSettings;
using model::MonthlyClimate;

namespace {

constexpr int kFirstYear = 1001; // 1,000 years: 1001..2000, leap years included
constexpr int kYears = 1000;

// Three distinct climates: Mediterranean (dry July), monsoon, temperate all year.
model::Basin three_climates() {
    MonthlyClimate med{{110, 90, 70, 50, 30, 10, 0, 5, 25, 60, 100, 120},
                       {0.35, 0.3, 0.27, 0.22, 0.15, 0.06, 0, 0.03, 0.1, 0.2, 0.3, 0.35},
                       {9, 10, 12, 15, 19, 23, 26, 26, 22, 18, 13, 10}};
    MonthlyClimate monsoon{{5, 8, 15, 40, 120, 300, 420, 380, 250, 90, 20, 6},
                           {0.05, 0.06, 0.1, 0.2, 0.45, 0.7, 0.85, 0.8, 0.6, 0.3, 0.1, 0.04},
                           {18, 20, 25, 29, 31, 30, 28, 28, 28, 26, 22, 19}};
    MonthlyClimate temperate{{60, 50, 55, 50, 65, 70, 75, 70, 60, 70, 75, 70},
                             {0.55, 0.5, 0.5, 0.45, 0.45, 0.4, 0.38, 0.38, 0.42, 0.5, 0.55, 0.58},
                             {-6, -4, 1, 7, 13, 17, 19, 18, 13, 7, 1, -4}};
    model::Basin basin;
    const char* ids[] = {"MED", "MON", "TMP"};
    const MonthlyClimate* climates[] = {&med, &monsoon, &temperate};
    for (int i = 0; i < 3; ++i) {
        model::Subbasin s;
        s.id = ids[i];
        s.country = "AAA";
        s.area_km2 = 100;
        s.lat_deg = 20.0 + 10 * i;
        s.gr4j = {300, 0, 80, 2};
        s.climate = *climates[i];
        basin.subbasins.push_back(s);
    }
    basin.network = model::Network({"MED", "MON", "TMP"}, {"TMP", "TMP", ""});
    return basin;
}

struct Series {
    std::int64_t first_day = 0;
    int days = 0;
    std::size_t stride = 0;
    std::vector<double> precip_mm, pet_mm, temperature_c;
    double p(int d, std::size_t i) const { return precip_mm[d * stride + i]; }
    double t(int d, std::size_t i) const { return temperature_c[d * stride + i]; }
};

std::int64_t jan1(int year) {
    return calendar::day_number({year, 1, 1});
}

// Fills [first_day, first_day + days) in blocks of `block_days`, in order.
Series generate(model::WeatherGenerator& g, std::int64_t first_day, int days, int block_days,
                std::size_t stride = 3) {
    Series s{first_day, days, stride, {}, {}, {}};
    const std::size_t cells = stride * static_cast<std::size_t>(days);
    s.precip_mm.assign(cells, -1.0);
    s.pet_mm.assign(cells, -1.0);
    s.temperature_c.assign(cells, -1.0);
    for (int d = 0; d < days; d += block_days) {
        const std::size_t at = static_cast<std::size_t>(d) * stride;
        model::ForcingBlock b{first_day + d, std::min(block_days, days - d),
                              stride,        &s.precip_mm[at],
                              &s.pet_mm[at], &s.temperature_c[at]};
        g.fill(b);
    }
    return s;
}

Series generate(const GeneratorSettings& settings, std::uint64_t seed, int first_year, int years) {
    model::WeatherGenerator g(three_climates(), seed, settings);
    const int days = static_cast<int>(jan1(first_year + years) - jan1(first_year));
    return generate(g, jan1(first_year), days, 365);
}

// Mean and standard error of independent yearly values.
struct Estimate {
    double mean = 0, standard_error = 0;
};

Estimate estimate(const std::vector<double>& values) {
    double sum = 0, sum2 = 0;
    for (double v : values)
        sum += v;
    const double n = static_cast<double>(values.size()), mean = sum / n;
    for (double v : values)
        sum2 += (v - mean) * (v - mean);
    return {mean, std::sqrt(sum2 / (n - 1) / n)};
}

// Yearly values per (sub-basin, month): total precipitation, wet-day share, mean temperature.
struct MonthlyYears {
    std::vector<double> precip_mm[3][12], wet_share[3][12], temperature_c[3][12];
};

MonthlyYears monthly_years(const Series& s) {
    MonthlyYears out;
    int d = 0;
    while (d < s.days) {
        const calendar::Date date = calendar::date_of(s.first_day + d);
        const int length = calendar::days_in_month(date.year, date.month), m = date.month - 1;
        for (std::size_t i = 0; i < 3; ++i) {
            double p = 0, wet = 0, t = 0;
            for (int k = d; k < d + length; ++k) {
                p += s.p(k, i);
                wet += s.p(k, i) > 0 ? 1 : 0;
                t += s.t(k, i);
            }
            out.precip_mm[i][m].push_back(p);
            out.wet_share[i][m].push_back(wet / length);
            out.temperature_c[i][m].push_back(t / length);
        }
        d += length;
    }
    return out;
}

// |sample mean - expected| within 4 standard errors (exact when the standard error is 0).
void check_mean(const std::vector<double>& yearly, double expected, const std::string& what) {
    const Estimate e = estimate(yearly);
    INFO(what << ": mean " << e.mean << ", expected " << expected << ", standard error "
              << e.standard_error);
    CHECK(std::fabs(e.mean - expected) <= 4 * e.standard_error + 1e-9 * std::fabs(expected));
}

void check_monthly_climate(const GeneratorSettings& settings) {
    const model::Basin basin = three_climates();
    const MonthlyYears years = monthly_years(generate(settings, 7, kFirstYear, kYears));
    for (std::size_t i = 0; i < 3; ++i) {
        const MonthlyClimate& c = *basin.subbasins[i].climate;
        for (int m = 0; m < 12; ++m) {
            const std::string where = basin.subbasins[i].id + " month " + std::to_string(m + 1);
            REQUIRE(years.precip_mm[i][m].size() == kYears);
            check_mean(years.precip_mm[i][m], c.precip_mm[m], where + " precip_mm");
            check_mean(years.wet_share[i][m], c.wet_day_fraction[m], where + " wet share");
            check_mean(years.temperature_c[i][m], c.temperature_c[m], where + " temperature");
        }
    }
}

// Correlation of the daily wet indicators of sub-basins a and b, each centred on its month's wet
// fraction (so the shared seasonal cycle does not count).
double occurrence_correlation(const Series& s, const model::Basin& basin, std::size_t a,
                              std::size_t b) {
    const MonthlyClimate &ca = *basin.subbasins[a].climate, &cb = *basin.subbasins[b].climate;
    double sab = 0, saa = 0, sbb = 0;
    for (int d = 0; d < s.days; ++d) {
        const int m = calendar::date_of(s.first_day + d).month - 1;
        const double x = (s.p(d, a) > 0) - ca.wet_day_fraction[m];
        const double y = (s.p(d, b) > 0) - cb.wet_day_fraction[m];
        sab += x * y;
        saa += x * x;
        sbb += y * y;
    }
    return sab / std::sqrt(saa * sbb);
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

} // namespace

TEST_CASE("generator: counter-based uniforms and normals are pure and well distributed") {
    CHECK(model::rng::uniform(1, 2, 3) == model::rng::uniform(1, 2, 3));
    CHECK(model::rng::uniform(1, 2, 3) != model::rng::uniform(1, 2, 4));
    CHECK(model::rng::uniform(1, 2, 3) != model::rng::uniform(1, 3, 3));
    CHECK(model::rng::uniform(1, 2, 3) != model::rng::uniform(2, 2, 3));
    // AS 241 against the normal distribution function, centre and both tails.
    for (double p : {1e-300, 1e-20, 1e-6, 0.01, 0.07, 0.3, 0.5, 0.8, 0.93, 0.999, 1 - 1e-12}) {
        const double z = model::rng::normal_quantile(p);
        CHECK(model::rng::normal_cdf(z) == doctest::Approx(p).epsilon(1e-13));
    }
    CHECK(std::isinf(model::rng::normal_quantile(0.0)));
    CHECK(std::isinf(model::rng::normal_quantile(1.0)));
    // Moments of 10^6 normals: mean within 4/sqrt(n), variance within 4 sqrt(2/n).
    const int n = 1'000'000;
    double sum = 0, sum2 = 0, u_min = 1, u_max = 0;
    for (int k = 0; k < n; ++k) {
        const double z = model::rng::standard_normal(42, 9, static_cast<std::uint64_t>(k));
        const double u = model::rng::uniform(42, 10, static_cast<std::uint64_t>(k));
        sum += z;
        sum2 += z * z;
        u_min = std::min(u_min, u);
        u_max = std::max(u_max, u);
    }
    CHECK(std::fabs(sum / n) < 4 / std::sqrt(n));
    CHECK(std::fabs(sum2 / n - 1) < 4 * std::sqrt(2.0 / n));
    CHECK(u_min > 0);
    CHECK(u_max < 1);
}

TEST_CASE("generator: batched normals equal single draws bit for bit, whatever the count") {
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t k = 0; k < 37; ++k)
        seeds.push_back(model::rng::stream_key(5, k));
    std::vector<double> z(37), scratch(37);
    for (std::size_t n = 1; n <= seeds.size(); n += 3) {
        for (std::uint64_t counter = 0; counter < 2000; counter += 7) {
            model::rng::normals_at(seeds.data(), counter, n, z.data(), scratch.data());
            for (std::size_t k = 0; k < n; ++k)
                REQUIRE(z[k] == model::rng::normal_at(seeds[k], counter));
        }
    }
    // A sub-basin's weather does not depend on how many sub-basins run beside it.
    model::Basin wide = three_climates();
    while (wide.subbasins.size() < 50)
        wide.subbasins.push_back(wide.subbasins[wide.subbasins.size() % 3]);
    model::WeatherGenerator narrow_g(three_climates(), 8, {}), wide_g(wide, 8, {});
    const Series narrow = generate(narrow_g, jan1(2000), 366, 366, 3);
    const Series all = generate(wide_g, jan1(2000), 366, 366, 50);
    bool same = true;
    for (int d = 0; d < 366; ++d)
        for (std::size_t i = 0; i < 3; ++i)
            same = same && narrow.p(d, i) == all.p(d, i) && narrow.t(d, i) == all.t(d, i);
    CHECK(same);
    // ... nor on its position: streams are keyed by the sub-basin id.
    model::Basin reversed = three_climates();
    std::swap(reversed.subbasins[0], reversed.subbasins[2]);
    model::WeatherGenerator reversed_g(reversed, 8, {});
    const Series swapped = generate(reversed_g, jan1(2000), 366, 366, 3);
    for (int d = 0; d < 366; ++d)
        same = same && narrow.p(d, 0) == swapped.p(d, 2) && narrow.t(d, 2) == swapped.t(d, 0);
    CHECK(same);
}

TEST_CASE("generator: 1,000 years reproduce monthly precipitation, wet days and temperature") {
    GeneratorSettings settings;
    SUBCASE("gamma amounts") {
        check_monthly_climate(settings);
    }
    SUBCASE("mixed exponential amounts") {
        settings.amounts = GeneratorSettings::Amounts::mixed_exponential;
        check_monthly_climate(settings);
    }
    SUBCASE("gamma with shape above 1, strong persistence, no spatial correlation") {
        settings.gamma_shape = 2.5;
        settings.wet_persistence = 0.6;
        settings.spatial_correlation = 0;
        check_monthly_climate(settings);
    }
}

TEST_CASE("generator: wet-wet persistence within a month matches p11 = pi + r (1 - pi)") {
    GeneratorSettings settings;
    settings.wet_persistence = 0.45;
    const model::Basin basin = three_climates();
    const Series s = generate(settings, 11, kFirstYear, kYears);
    double wet_days[3][12] = {}, wet_wet[3][12] = {};
    for (int d = 1; d < s.days; ++d) {
        const calendar::Date date = calendar::date_of(s.first_day + d);
        if (date.day == 1) continue; // the month's first day has its own transition
        for (std::size_t i = 0; i < 3; ++i) {
            if (s.p(d - 1, i) <= 0) continue;
            wet_days[i][date.month - 1] += 1;
            wet_wet[i][date.month - 1] += s.p(d, i) > 0 ? 1 : 0;
        }
    }
    for (std::size_t i = 0; i < 3; ++i) {
        for (int m = 0; m < 12; ++m) {
            const double pi = basin.subbasins[i].climate->wet_day_fraction[m];
            if (pi == 0) continue;
            const double p11 = pi + settings.wet_persistence * (1 - pi);
            // Transition-count estimator of a Markov chain: variance p (1 - p) / n
            // (Anderson & Goodman 1957).
            const double n = wet_days[i][m], estimate = wet_wet[i][m] / n;
            INFO(basin.subbasins[i].id << " month " << m + 1 << ": p11 " << estimate
                                       << ", expected " << p11 << " from " << n << " wet days");
            CHECK(std::fabs(estimate - p11) <= 4 * std::sqrt(p11 * (1 - p11) / n));
        }
    }
}

TEST_CASE("generator: temperature anomalies have the set sd and lag-1 autocorrelation") {
    GeneratorSettings settings;
    const Series s = generate(settings, 5, kFirstYear, 300);
    const model::Basin basin = three_climates();
    const double phi = settings.temperature_autocorrelation, sd = settings.temperature_sd_c;
    for (std::size_t i = 0; i < 3; ++i) {
        double s2 = 0, lag = 0, previous = 0;
        for (int d = 0; d < s.days; ++d) {
            const int m = calendar::date_of(s.first_day + d).month - 1;
            const double a = s.t(d, i) - basin.subbasins[i].climate->temperature_c[m];
            s2 += a * a;
            if (d > 0) lag += a * previous;
            previous = a;
        }
        const double n = s.days, variance = s2 / n, r1 = lag / s2;
        // AR(1) sampling variances (Bartlett 1946): var(s^2) = 2 sd^4 (1 + phi^2) / (1 - phi^2) /
        // n, var(r1) = (1 - phi^2) / n.
        CHECK(std::fabs(variance - sd * sd) <=
              4 * std::sqrt(2 * std::pow(sd, 4) * (1 + phi * phi) / (1 - phi * phi) / n));
        CHECK(std::fabs(r1 - phi) <= 4 * std::sqrt((1 - phi * phi) / n));
    }
}

TEST_CASE("generator: occurrence correlation across sub-basins rises with spatial_correlation") {
    GeneratorSettings settings;
    std::vector<double> correlation;
    for (double rho : {0.0, 0.4, 0.8}) {
        settings.spatial_correlation = rho;
        const Series s = generate(settings, 3, kFirstYear, 400);
        correlation.push_back(occurrence_correlation(s, three_climates(), 0, 2));
        // No correlation: two independent chains with lag-k autocorrelation r^k give
        // var(corr) = (1 + r^2) / (1 - r^2) / n (Bartlett 1935).
        if (rho == 0) {
            const double r = settings.wet_persistence;
            CHECK(std::fabs(correlation.back()) <=
                  4 * std::sqrt((1 + r * r) / (1 - r * r) / s.days));
        }
    }
    INFO("correlations " << correlation[0] << ", " << correlation[1] << ", " << correlation[2]);
    CHECK(correlation[1] > correlation[0] + 0.05);
    CHECK(correlation[2] > correlation[1] + 0.05);
}

TEST_CASE("generator: same seed bit-identical, another seed different") {
    GeneratorSettings settings;
    const Series a = generate(settings, 99, 1990, 3), b = generate(settings, 99, 1990, 3);
    CHECK(same_bits(a.precip_mm, b.precip_mm));
    CHECK(same_bits(a.temperature_c, b.temperature_c));
    const Series c = generate(settings, 100, 1990, 3);
    CHECK_FALSE(same_bits(a.precip_mm, c.precip_mm));
    CHECK_FALSE(same_bits(a.temperature_c, c.temperature_c));
}

TEST_CASE("generator: a year alone, in pieces or out of order equals it within a long fill") {
    const model::Basin basin = three_climates();
    const std::uint64_t seed = 2024;
    model::WeatherGenerator long_run(basin, seed, {});
    const Series decade =
        generate(long_run, jan1(1990), static_cast<int>(jan1(2000) - jan1(1990)), 1000);
    const int offset = static_cast<int>(jan1(1996) - jan1(1990)), days = 366; // a leap year
    const auto year_of = [&](const std::vector<double>& v) {
        return std::vector<double>(v.begin() + offset * 3, v.begin() + (offset + days) * 3);
    };
    model::WeatherGenerator alone(basin, seed, {});
    const Series year = generate(alone, jan1(1996), days, days);
    CHECK(same_bits(year.precip_mm, year_of(decade.precip_mm)));
    CHECK(same_bits(year.temperature_c, year_of(decade.temperature_c)));
    // The same generator asked for 1996 backwards in blocks of 40 days (each one a restart).
    Series pieces = year;
    for (int d = days - days % 40; d >= 0; d -= 40) {
        const std::size_t at = static_cast<std::size_t>(d) * 3;
        model::ForcingBlock b{
            jan1(1996) + d,        std::min(40, days - d), 3,
            &pieces.precip_mm[at], &pieces.pet_mm[at],     &pieces.temperature_c[at]};
        long_run.fill(b);
    }
    CHECK(same_bits(pieces.precip_mm, year.precip_mm));
    CHECK(same_bits(pieces.temperature_c, year.temperature_c));
    // A pre-pass over the whole period, then the run from the start again.
    const Series again =
        generate(long_run, jan1(1990), static_cast<int>(jan1(2000) - jan1(1990)), 365);
    CHECK(same_bits(again.precip_mm, decade.precip_mm));
}

TEST_CASE("generator: padded blocks, NaN PET, Oudin PET from the generated temperature") {
    const model::Basin basin = three_climates();
    model::WeatherGenerator g(basin, 1, {});
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK_FALSE(g.has_pet(i));
        CHECK(g.has_temperature(i));
    }
    const Series s = generate(g, jan1(2001), 365, 365, 8);
    for (int d = 0; d < s.days; ++d) {
        for (std::size_t i = 0; i < 8; ++i) {
            const std::size_t at = static_cast<std::size_t>(d) * 8 + i;
            if (i < 3) {
                CHECK(std::isnan(s.pet_mm[at]));
                CHECK(s.precip_mm[at] >= 0);
            } else { // padding lanes untouched
                CHECK(s.pet_mm[at] == -1.0);
                CHECK(s.precip_mm[at] == -1.0);
            }
        }
    }
    // The run computes PET with Oudin from the generated temperature: a year of the basin.
    struct PetSink : model::ResultSink {
        double pet_sum = 0;
        void consume(const model::DayBlockResults& b) override {
            for (int d = 0; d < b.days; ++d)
                for (std::size_t i = 0; i < b.count; ++i)
                    pet_sum += b.pet_mm[d * b.stride + i];
        }
    } sink;
    model::RunSettings run;
    run.period = {jan1(2001), jan1(2001), jan1(2002) - 1};
    model::WeatherGenerator forcing(basin, 1, {});
    model::simulate(basin, forcing, &sink, run);
    double expected = 0;
    for (int d = 0; d < s.days; ++d) {
        const int doy = d + 1;
        for (std::size_t i = 0; i < 3; ++i)
            expected += model::oudin_pet_mm_day(s.t(d, i), basin.subbasins[i].lat_deg, doy);
    }
    CHECK(sink.pet_sum > 0);
    CHECK(sink.pet_sum == doctest::Approx(expected).epsilon(1e-12));
}

TEST_CASE("generator: a sub-basin without climate or bad settings are refused") {
    model::Basin basin = three_climates();
    basin.subbasins[1].climate.reset();
    try {
        model::WeatherGenerator g(basin, 1, {});
        FAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("sub-basin 'MON'") != std::string::npos);
    }
    GeneratorSettings bad;
    bad.spatial_correlation = 1.5;
    CHECK_THROWS_AS(model::WeatherGenerator(three_climates(), 1, bad), std::invalid_argument);
}

namespace {

const char* kClimateOk =
    "climate = { precip_mm = [60, 50, 55, 50, 65, 70, 75, 70, 60, 70, 75, 70], "
    "wet_day_fraction = [0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.3, 0.3, 0.4, 0.5, "
    "0.5, 0.5], temperature_c = [-5, -3, 2, 8, 13, 17, 19, 18, 14, 8, 2, -3] }";

// A one-sub-basin basin file whose sub-basin 'A' has the given climate line.
std::string basin_with(const test::ScratchDir& dir, const std::string& climate_line) {
    test::write_file(dir / "forcing.csv", "date,P,E\n2000-01-01,1,1\n");
    const std::string text = "[basin]\nname = \"g\"\n\n[[subbasin]]\nid = \"A\"\ncountry = "
                             "\"FRA\"\narea_km2 = 10\nlat = 45\nlon = 5\nforcing = "
                             "\"forcing.csv\"\ngr4j = { x1 = 300, x2 = 0, x3 = 80, x4 = 2 }\n" +
                             climate_line + "\n";
    test::write_file(dir / "basin.toml", text);
    return dir / "basin.toml";
}

std::string load_error(const std::string& climate_line) {
    test::ScratchDir dir("generator-climate");
    try {
        io::load_basin_file(basin_with(dir, climate_line));
    } catch (const io::InputError& e) {
        return e.what();
    }
    return "(no error)";
}

// The climate line with element `index` (0-based) of `key` replaced by `value`.
std::string climate_with(const std::string& key, int index, const std::string& value) {
    std::string line = kClimateOk;
    std::size_t at = line.find(key + " = [") + key.size() + 4;
    for (int k = 0; k < index; ++k)
        at = line.find(", ", at) + 2;
    const std::size_t end = line.find_first_of(",]", at);
    return line.replace(at, end - at, value);
}

} // namespace

TEST_CASE("generator: the basin file's climate table is read and checked") {
    {
        test::ScratchDir dir("generator-climate-ok");
        const io::BasinFile file = io::load_basin_file(basin_with(dir, kClimateOk));
        REQUIRE(file.basin.subbasins[0].climate);
        CHECK(file.basin.subbasins[0].climate->precip_mm[6] == 75);
        CHECK(file.basin.subbasins[0].climate->wet_day_fraction[3] == 0.4);
        CHECK(file.basin.subbasins[0].climate->temperature_c[0] == -5);
        test::ScratchDir none("generator-climate-none");
        CHECK_FALSE(io::load_basin_file(basin_with(none, "")).basin.subbasins[0].climate);
    }
    struct Case {
        std::string climate;
        std::vector<std::string> fragments;
    };
    const std::vector<Case> cases = {
        {climate_with("precip_mm", 3, "-4"),
         {"basin.toml:12:", "subbasin 'A' climate key 'precip_mm'", "value 4 of 12 (April)",
          "found -4", ">= 0"}},
        {climate_with("wet_day_fraction", 11, "1.5"),
         {"key 'wet_day_fraction'", "value 12 of 12 (December)", "found 1.5", "[0, 1]"}},
        {climate_with("wet_day_fraction", 1, "0"),
         {"key 'wet_day_fraction'", "value 2 of 12 (February)", "found 0 with precip_mm 50",
          "> 0"}},
        {climate_with("temperature_c", 6, "71"),
         {"key 'temperature_c'", "value 7 of 12 (July)", "found 71", "[-60, 50]"}},
        {climate_with("temperature_c", 0, "\"cold\""),
         {"key 'temperature_c'", "value 1 of 12 (January)", "found a string"}},
        {climate_with("precip_mm", 10, "1, 2"),
         {"key 'precip_mm'", "found an array of 13 values, expected 12"}},
        {"climate = { precip_mm = 5 }", {"key 'precip_mm'", "found an integer", "12 numbers"}},
        {"climate = { precip_mm = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }",
         {"subbasin 'A' climate", "missing required key 'wet_day_fraction'"}},
        {"climate = { precip = [] }", {"unknown key 'precip'", "did you mean 'precip_mm'"}},
        {"climate = 3", {"subbasin 'A' key 'climate'", "expected a table"}},
    };
    for (const Case& c : cases) {
        const std::string message = load_error(c.climate);
        for (const std::string& fragment : c.fragments) {
            INFO(c.climate << "\n  gave: " << message << "\n  missing: " << fragment);
            CHECK(message.find(fragment) != std::string::npos);
        }
    }
}

TEST_CASE("generator: settings from a [forcing] table") {
    const toml::table ok = toml::parse("amounts = \"mixed_exponential\"\ngamma_shape = 0.6\n"
                                       "wet_persistence = 0.2\nspatial_correlation = 0\n"
                                       "temperature_sd_c = 3\ntemperature_autocorrelation = 0.5\n");
    const GeneratorSettings s = io::read_generator_settings(
        io::TomlTable(ok, "study.toml", "[forcing]", io::generator_keys()));
    CHECK(s.amounts == GeneratorSettings::Amounts::mixed_exponential);
    CHECK(s.gamma_shape == 0.6);
    CHECK(s.wet_persistence == 0.2);
    CHECK(s.spatial_correlation == 0);
    CHECK(s.temperature_sd_c == 3);
    CHECK(s.temperature_autocorrelation == 0.5);
    const toml::table empty;
    const GeneratorSettings defaults = io::read_generator_settings(
        io::TomlTable(empty, "study.toml", "[forcing]", io::generator_keys()));
    CHECK(defaults.amounts == GeneratorSettings::Amounts::gamma);
    CHECK(defaults.gamma_shape == 0.75);
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"amounts = \"gama\"", "did you mean 'gamma'"},
        {"gamma_shape = 0", "found 0, expected a gamma shape in [0.1, 10]"},
        {"wet_persistence = 1", "key 'wet_persistence': found 1"},
        {"spatial_correlation = -0.1", "key 'spatial_correlation'"},
        {"temperature_sd_c = \"2\"", "found a string, expected a number"},
        {"temperature_autocorrelation = 1", "[0, 0.99]"},
    };
    for (const auto& [text, fragment] : bad) {
        const toml::table t = toml::parse(text);
        std::string message = "(no error)";
        try {
            io::read_generator_settings(
                io::TomlTable(t, "study.toml", "[forcing]", io::generator_keys()));
        } catch (const io::InputError& e) {
            message = e.what();
        }
        INFO(text << " gave: " << message);
        CHECK(message.find(fragment) != std::string::npos);
        CHECK(message.find("study.toml:1:") != std::string::npos);
    }
}

TEST_CASE("generator: a yearly factor gives annual totals their variability, means unchanged") {
    // Annual totals of sub-basin 0 over 1,000 years, without and with annual_precipitation_cv.
    auto annual_totals = [](double cv) {
        GeneratorSettings settings;
        settings.annual_precipitation_cv = cv;
        const Series s = generate(settings, 21, 1001, 1000);
        std::vector<double> totals;
        for (int d = 0, year = 1001; d < s.days; ++year) {
            const int length = calendar::is_leap_year(year) ? 366 : 365;
            double total = 0;
            for (int k = 0; k < length; ++k)
                total += s.p(d + k, 0);
            totals.push_back(total);
            d += length;
        }
        return totals;
    };
    auto cv_of = [](const std::vector<double>& v) {
        const Estimate e = estimate(v);
        const double sd = e.standard_error * std::sqrt(static_cast<double>(v.size()));
        return sd / e.mean;
    };
    const auto plain = annual_totals(0.0), varied = annual_totals(0.25);
    const Estimate a = estimate(plain), b = estimate(varied);
    // The factor has mean 1: the means agree within the sampling error of their difference.
    CHECK(std::abs(a.mean - b.mean) <
          4 * std::sqrt(a.standard_error * a.standard_error + b.standard_error * b.standard_error));
    // Independent factor and daily noise: cv^2 = (1 + 0.25^2)(1 + cv0^2) - 1.
    const double cv0 = cv_of(plain);
    const double expected = std::sqrt((1 + 0.0625) * (1 + cv0 * cv0) - 1);
    CHECK(cv_of(varied) == doctest::Approx(expected).epsilon(0.12)); // sampling: 1,000 years
    CHECK(cv_of(varied) > cv0 + 0.05);
}
