// The built-in stochastic weather generator (Richardson type): daily precipitation and
// temperature per sub-basin from its monthly climatology, so a study runs with no external data.
// Equations, defaults and sources: docs/model.md, "Weather generator".
#pragma once

#include "model/basin.hpp"
#include "model/forcing.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riparia::model {

struct GeneratorSettings {
    enum class Amounts { gamma, mixed_exponential };
    Amounts amounts = Amounts::gamma;
    double gamma_shape = 0.75;                // wet-day amounts; 0.6-0.9 typical (Wilks 1998)
    double mixed_exponential_weight = 0.3;    // share of wet days from the heavy component
    double heavy_to_light_ratio = 5.0;        // mean of the heavy over the light component
    double wet_persistence = 0.3;             // lag-1 autocorrelation r of occurrence
    double spatial_correlation = 0.7;         // correlation of the shared normal drivers
    double temperature_sd_c = 2.0;            // sd of the daily temperature anomaly
    double temperature_autocorrelation = 0.7; // lag-1 correlation of the anomaly
    // Year-to-year variability a daily chain lacks (its annual totals vary far less than
    // observed): every wet-day amount of a year is multiplied by one basin-wide lognormal factor
    // of mean 1 and this coefficient of variation (0: none). A simple form of the low-frequency
    // corrections of Wilks (1999, Agric. For. Meteorol. 93:153-169) and Hansen & Mavromatis (2001).
    double annual_precipitation_cv = 0.0;
};

// Empty when the settings are usable, else what is wrong (in words, for an error message).
std::string generator_settings_problem(const GeneratorSettings& settings);

// Two-state Markov occurrence, gamma or mixed-exponential amounts, AR(1) temperature anomalies
// around the monthly means; sub-basins correlated through basin-wide normal drivers. Every draw
// is a pure function of (seed, sub-basin, day), and the state restarts from the stationary
// distribution each 1 January, so a year's weather depends only on (seed, year).
class WeatherGenerator : public ForcingSource {
  public:
    // Throws std::invalid_argument naming the sub-basin when one has no (valid) climate, or
    // when the settings are out of range.
    WeatherGenerator(const Basin& basin, std::uint64_t seed, GeneratorSettings settings = {});

    bool has_pet(std::size_t) const override { return false; } // Oudin from the temperature
    bool has_temperature(std::size_t) const override { return true; }
    // Any range, in any order; a range that does not continue the last one regenerates from
    // 1 January of its first year.
    void fill(const ForcingBlock& block) override;

    std::size_t subbasin_count() const { return count_; }

  private:
    void make_stream_keys(const Basin& basin, std::uint64_t seed);
    void build_tables(const Basin& basin);
    void start_year(std::int64_t january_first);
    void catch_up_to(std::int64_t day);
    void step(std::int64_t day, double* precip_mm, double* temperature_c);
    double wet_day_amount_mm(std::size_t i, std::size_t at, std::uint64_t counter) const;
    double unit_gamma(std::uint64_t stream_seed, std::uint64_t counter, double first_normal) const;

    GeneratorSettings settings_;
    std::size_t count_ = 0;
    // Per sub-basin stream seeds (rng::stream_key, keyed by the sub-basin id) and basin-wide ones.
    std::vector<std::uint64_t> occurrence_key_, temperature_key_, amount_key_, start_key_;
    std::uint64_t shared_occurrence_key_ = 0, shared_temperature_key_ = 0, shared_start_key_ = 0;
    // Month tables, [month * count_ + i]: wet when the sub-basin's normal driver is below the
    // threshold Phi^-1(p) for yesterday's state; on a month's first day the thresholds carry the
    // previous month's wet fraction to this month's.
    std::vector<double> dry_to_wet_z_, wet_to_wet_z_, first_dry_to_wet_z_, first_wet_to_wet_z_;
    std::vector<double> stationary_wet_z_;
    std::vector<double> wet_total_mm_; // precip_mm / wet_day_fraction: wet-day mean x month days
    std::vector<double> mean_temperature_c_;
    // Amount constants: Marsaglia-Tsang d and c for the boosted shape, 1 / shape.
    double gamma_d_ = 0, gamma_c_ = 0, inverse_shape_ = 0;
    bool gamma_boost_ = false;
    double shared_weight_ = 0, own_weight_ = 0, innovation_sd_c_ = 0;
    // State after the last generated day.
    std::int64_t next_day_;
    std::vector<unsigned char> wet_;
    std::vector<double> anomaly_c_;
    double year_factor_ = 1.0; // this year's precipitation factor (annual_precipitation_cv)
    // Per-day working space (no allocation while generating).
    std::vector<double> own_wet_z_, own_anomaly_z_, own_amount_z_, scratch_;
    std::vector<double> scratch_precip_mm_, scratch_temperature_c_;
};

} // namespace riparia::model
