#include "model/weather_generator.hpp"

#include "model/calendar.hpp"
#include "model/random.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace riparia::model {

namespace {

constexpr std::int64_t kNoDay = std::numeric_limits<std::int64_t>::min();

// What a stream of random numbers is for.
enum class Purpose : std::uint64_t {
    shared_occurrence = 1,
    shared_temperature,
    shared_start,
    occurrence,
    temperature,
    amount,
    start
};

// Streams: a hash of the purpose and the sub-basin's id (FNV-1a, then the SplitMix64 finaliser),
// so a sub-basin keeps its weather when others are added, removed or reordered.
std::uint64_t stream_of(Purpose purpose, std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a 64-bit offset basis and prime
    for (const char c : id)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return rng::mix64(h ^ (static_cast<std::uint64_t>(purpose) << 56));
}

// Counters: the day number in the high bits, up to 2^16 draws per day and stream.
std::uint64_t day_counter(std::int64_t day) {
    return static_cast<std::uint64_t>(day) << 16;
}

// The wet fraction actually generated: no wet days in a month without precipitation.
double wet_fraction(const MonthlyClimate& c, int month) {
    return c.precip_mm[month] > 0 ? c.wet_day_fraction[month] : 0.0;
}

struct Transitions {
    double dry_to_wet = 0, wet_to_wet = 0;
};

// Markov chain with persistence r (Katz 1977): p11 - p01 = r and P(wet today) = pi when
// P(wet yesterday) = pi_before. With pi_before = pi this is p01 = pi (1 - r),
// p11 = pi + r (1 - pi). Across a month boundary r is lowered where needed to keep both in [0, 1].
Transitions transitions(double pi_before, double pi, double r) {
    if (pi_before > 0) r = std::min(r, pi / pi_before);
    if (pi_before < 1) r = std::min(r, (1 - pi) / (1 - pi_before));
    Transitions t;
    t.dry_to_wet = std::clamp(pi - r * pi_before, 0.0, 1.0);
    t.wet_to_wet = std::clamp(t.dry_to_wet + r, 0.0, 1.0);
    return t;
}

std::string climate_problem(const MonthlyClimate& c) {
    for (int m = 0; m < 12; ++m) {
        const double p = c.precip_mm[m], f = c.wet_day_fraction[m], t = c.temperature_c[m];
        if (!(p >= 0) || !std::isfinite(p)) return fmt::format("precip_mm[{}] = {} < 0", m, p);
        if (!(f >= 0 && f <= 1))
            return fmt::format("wet_day_fraction[{}] = {} not in [0, 1]", m, f);
        if (p > 0 && f == 0) return fmt::format("wet_day_fraction[{}] = 0 with precipitation", m);
        if (!(t >= -60 && t <= 50))
            return fmt::format("temperature_c[{}] = {} not in [-60, 50]", m, t);
    }
    return {};
}

bool in(double v, double low, double high) {
    return v >= low && v <= high;
}

} // namespace

std::string generator_settings_problem(const GeneratorSettings& s) {
    if (!in(s.gamma_shape, 0.1, 10)) return "gamma_shape must be in [0.1, 10]";
    if (!in(s.mixed_exponential_weight, 0, 1)) return "mixed_exponential_weight must be in [0, 1]";
    if (!in(s.heavy_to_light_ratio, 1, 1000)) return "heavy_to_light_ratio must be in [1, 1000]";
    if (!in(s.wet_persistence, 0, 0.95)) return "wet_persistence must be in [0, 0.95]";
    if (!in(s.spatial_correlation, 0, 1)) return "spatial_correlation must be in [0, 1]";
    if (!in(s.temperature_sd_c, 0, 20)) return "temperature_sd_c must be in [0, 20]";
    if (!in(s.temperature_autocorrelation, 0, 0.99))
        return "temperature_autocorrelation must be in [0, 0.99]";
    if (!in(s.annual_precipitation_cv, 0, 1)) return "annual_precipitation_cv must be in [0, 1]";
    return {};
}

WeatherGenerator::WeatherGenerator(const Basin& basin, std::uint64_t seed,
                                   GeneratorSettings settings)
    : settings_(settings), count_(basin.subbasins.size()), next_day_(kNoDay) {
    if (const std::string problem = generator_settings_problem(settings); !problem.empty())
        throw std::invalid_argument("weather generator: " + problem);
    for (const Subbasin& s : basin.subbasins) {
        if (!s.climate) {
            throw std::invalid_argument(fmt::format(
                "weather generator: sub-basin '{}' has no climate table (monthly precip_mm, "
                "wet_day_fraction, temperature_c)",
                s.id));
        }
        if (const std::string problem = climate_problem(*s.climate); !problem.empty())
            throw std::invalid_argument(
                fmt::format("weather generator: sub-basin '{}' climate: {}", s.id, problem));
    }
    // Marsaglia & Tsang (2000): d = a - 1/3, c = 1 / sqrt(9 d), for shape a >= 1; a shape < 1
    // draws Gamma(a + 1) and multiplies by U^(1/a) (their section 6).
    gamma_boost_ = settings.gamma_shape < 1;
    gamma_d_ = settings.gamma_shape + (gamma_boost_ ? 1.0 : 0.0) - 1.0 / 3.0;
    gamma_c_ = 1 / std::sqrt(9 * gamma_d_);
    inverse_shape_ = 1 / settings.gamma_shape;
    shared_weight_ = std::sqrt(settings.spatial_correlation);
    own_weight_ = std::sqrt(1 - settings.spatial_correlation);
    const double phi = settings.temperature_autocorrelation;
    innovation_sd_c_ = settings.temperature_sd_c * std::sqrt(1 - phi * phi);

    make_stream_keys(basin, seed);
    build_tables(basin);
    wet_.assign(count_, 0);
    anomaly_c_.assign(count_, 0.0);
    for (auto* v : {&own_wet_z_, &own_anomaly_z_, &own_amount_z_, &scratch_, &scratch_precip_mm_,
                    &scratch_temperature_c_})
        v->assign(count_, 0.0);
}

void WeatherGenerator::make_stream_keys(const Basin& basin, std::uint64_t seed) {
    shared_occurrence_key_ = rng::stream_key(seed, stream_of(Purpose::shared_occurrence, ""));
    shared_temperature_key_ = rng::stream_key(seed, stream_of(Purpose::shared_temperature, ""));
    shared_start_key_ = rng::stream_key(seed, stream_of(Purpose::shared_start, ""));
    for (const Subbasin& s : basin.subbasins) {
        occurrence_key_.push_back(rng::stream_key(seed, stream_of(Purpose::occurrence, s.id)));
        temperature_key_.push_back(rng::stream_key(seed, stream_of(Purpose::temperature, s.id)));
        amount_key_.push_back(rng::stream_key(seed, stream_of(Purpose::amount, s.id)));
        start_key_.push_back(rng::stream_key(seed, stream_of(Purpose::start, s.id)));
    }
}

void WeatherGenerator::build_tables(const Basin& basin) {
    const std::size_t cells = 12 * count_;
    for (auto* v : {&dry_to_wet_z_, &wet_to_wet_z_, &first_dry_to_wet_z_, &first_wet_to_wet_z_,
                    &stationary_wet_z_, &wet_total_mm_, &mean_temperature_c_}) {
        v->assign(cells, 0.0);
    }
    const double r = settings_.wet_persistence;
    for (std::size_t i = 0; i < count_; ++i) {
        const MonthlyClimate& c = *basin.subbasins[i].climate;
        for (int m = 0; m < 12; ++m) {
            const std::size_t at = static_cast<std::size_t>(m) * count_ + i;
            const double pi = wet_fraction(c, m), pi_before = wet_fraction(c, (m + 11) % 12);
            const Transitions within = transitions(pi, pi, r);
            const Transitions first = transitions(pi_before, pi, r);
            dry_to_wet_z_[at] = rng::normal_quantile(within.dry_to_wet);
            wet_to_wet_z_[at] = rng::normal_quantile(within.wet_to_wet);
            first_dry_to_wet_z_[at] = rng::normal_quantile(first.dry_to_wet);
            first_wet_to_wet_z_[at] = rng::normal_quantile(first.wet_to_wet);
            stationary_wet_z_[at] = rng::normal_quantile(pi);
            wet_total_mm_[at] = pi > 0 ? c.precip_mm[m] / pi : 0.0;
            mean_temperature_c_[at] = c.temperature_c[m];
        }
    }
}

// The state on 31 December before `january_first`, drawn from the stationary distributions
// (December's wet fraction; anomaly N(0, sd^2)) with the year's own counters.
void WeatherGenerator::start_year(std::int64_t january_first) {
    const std::uint64_t counter = day_counter(january_first);
    const double shared_wet = rng::normal_at(shared_start_key_, counter);
    const double shared_anomaly = rng::normal_at(shared_start_key_, counter + 1);
    rng::normals_at(start_key_.data(), counter, count_, own_wet_z_.data(), scratch_.data());
    rng::normals_at(start_key_.data(), counter + 1, count_, own_anomaly_z_.data(), scratch_.data());
    const double* wet_z = &stationary_wet_z_[11 * count_];
    for (std::size_t i = 0; i < count_; ++i) {
        const double z_wet = shared_weight_ * shared_wet + own_weight_ * own_wet_z_[i];
        const double z_anomaly = shared_weight_ * shared_anomaly + own_weight_ * own_anomaly_z_[i];
        wet_[i] = z_wet < wet_z[i] ? 1 : 0;
        anomaly_c_[i] = settings_.temperature_sd_c * z_anomaly;
    }
    // Lognormal with mean 1: sigma^2 = ln(1 + cv^2), factor = exp(sigma z - sigma^2 / 2).
    const double sigma2 =
        std::log1p(settings_.annual_precipitation_cv * settings_.annual_precipitation_cv);
    year_factor_ =
        std::exp(std::sqrt(sigma2) * rng::normal_at(shared_start_key_, counter + 2) - sigma2 / 2);
}

void WeatherGenerator::catch_up_to(std::int64_t day) {
    const calendar::Date date = calendar::date_of(day);
    for (std::int64_t d = calendar::day_number({date.year, 1, 1}); d < day; ++d)
        step(d, scratch_precip_mm_.data(), scratch_temperature_c_.data());
}

void WeatherGenerator::step(std::int64_t day, double* precip_mm, double* temperature_c) {
    const calendar::Date date = calendar::date_of(day);
    if (date.month == 1 && date.day == 1) start_year(day);
    const std::size_t row = static_cast<std::size_t>(date.month - 1) * count_;
    const bool first = date.day == 1;
    const double* dry_z = first ? &first_dry_to_wet_z_[row] : &dry_to_wet_z_[row];
    const double* wet_z = first ? &first_wet_to_wet_z_[row] : &wet_to_wet_z_[row];
    const double* mean_c = &mean_temperature_c_[row];
    const std::uint64_t counter = day_counter(day);
    const double shared_wet = rng::normal_at(shared_occurrence_key_, counter);
    const double shared_anomaly = rng::normal_at(shared_temperature_key_, counter);
    rng::normals_at(occurrence_key_.data(), counter, count_, own_wet_z_.data(), scratch_.data());
    rng::normals_at(temperature_key_.data(), counter, count_, own_anomaly_z_.data(),
                    scratch_.data());
    const double phi = settings_.temperature_autocorrelation;
    for (std::size_t i = 0; i < count_; ++i) {
        // Wilks (1998): z_i = sqrt(rho) Z + sqrt(1 - rho) e_i; wet when Phi(z_i) < p, i.e.
        // z_i < Phi^-1(p), p the transition probability from yesterday's state.
        const double z_wet = shared_weight_ * shared_wet + own_weight_ * own_wet_z_[i];
        wet_[i] = z_wet < (wet_[i] ? wet_z[i] : dry_z[i]) ? 1 : 0;
        const double z_anomaly = shared_weight_ * shared_anomaly + own_weight_ * own_anomaly_z_[i];
        anomaly_c_[i] = phi * anomaly_c_[i] + innovation_sd_c_ * z_anomaly;
        temperature_c[i] = mean_c[i] + anomaly_c_[i];
    }
    if (settings_.amounts == GeneratorSettings::Amounts::gamma) { // first attempts' normals
        rng::normals_at(amount_key_.data(), counter + 1, count_, own_amount_z_.data(),
                        scratch_.data());
    }
    const double per_day = 1.0 / calendar::days_in_month(date.year, date.month);
    for (std::size_t i = 0; i < count_; ++i)
        precip_mm[i] =
            wet_[i] ? year_factor_ * per_day * wet_day_amount_mm(i, row + i, counter) : 0.0;
    next_day_ = day + 1;
}

// A wet day's amount times the days in the month: its mean is precip_mm / wet_day_fraction.
double WeatherGenerator::wet_day_amount_mm(std::size_t i, std::size_t at,
                                           std::uint64_t counter) const {
    const double mean = wet_total_mm_[at];
    if (settings_.amounts == GeneratorSettings::Amounts::gamma) {
        return mean * inverse_shape_ * unit_gamma(amount_key_[i], counter, own_amount_z_[i]);
    }
    // Mixed exponential (Woolhiser & Roldan 1982; Wilks 1998): light mean b, heavy mean ratio b,
    // with w b ratio + (1 - w) b = mean.
    const double w = settings_.mixed_exponential_weight, ratio = settings_.heavy_to_light_ratio;
    const double light = mean / (w * ratio + 1 - w);
    const bool heavy = rng::uniform_at(amount_key_[i], counter) < w;
    return -(heavy ? ratio * light : light) *
           std::log(rng::uniform_at(amount_key_[i], counter + 1));
}

// Gamma(shape, 1): Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
// ACM TOMS 26:363-372. Draw 0 of the day is the U^(1/shape) boost, then two draws per attempt;
// `first_normal` is draw 1, normal_at(stream_seed, counter + 1), computed for all sub-basins.
double WeatherGenerator::unit_gamma(std::uint64_t stream_seed, std::uint64_t counter,
                                    double first_normal) const {
    for (std::uint64_t draw = counter + 1;; draw += 2) {
        const double x = draw == counter + 1 ? first_normal : rng::normal_at(stream_seed, draw);
        double v = 1 + gamma_c_ * x;
        if (v <= 0) continue;
        v = v * v * v;
        const double u = rng::uniform_at(stream_seed, draw + 1);
        const double x2 = x * x;
        if (u < 1 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + gamma_d_ * (1 - v + std::log(v))) {
            const double g = gamma_d_ * v;
            if (!gamma_boost_) return g;
            return g * std::exp(std::log(rng::uniform_at(stream_seed, counter)) * inverse_shape_);
        }
    }
}

void WeatherGenerator::fill(const ForcingBlock& block) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int k = 0; k < block.days; ++k) {
        const std::int64_t day = block.first_day + k;
        if (day != next_day_) catch_up_to(day);
        const std::size_t row = static_cast<std::size_t>(k) * block.stride;
        step(day, block.precip_mm + row, block.temperature_c + row);
        if (block.pet_mm) std::fill_n(block.pet_mm + row, count_, nan);
    }
}

} // namespace riparia::model
