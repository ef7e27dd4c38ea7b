#include "io/generator_table.hpp"

#include "io/suggest.hpp"

#include <fmt/format.h>

namespace riparia::io {

namespace {

void read_in_range(const TomlTable& t, const std::string& key, double low, double high,
                   const char* meaning, double& value) {
    const auto v = t.optional_number(key);
    if (!v) return;
    if (*v < low || *v > high)
        t.fail(key, fmt::format("found {}, expected {} in [{}, {}]", *v, meaning, low, high));
    value = *v;
}

model::GeneratorSettings::Amounts read_amounts(const TomlTable& t,
                                               model::GeneratorSettings::Amounts fallback) {
    const auto name = t.optional_string("amounts");
    if (!name) return fallback;
    if (*name == "gamma") return model::GeneratorSettings::Amounts::gamma;
    if (*name == "mixed_exponential") return model::GeneratorSettings::Amounts::mixed_exponential;
    const std::vector<std::string> names = {"gamma", "mixed_exponential"};
    t.fail("amounts", fmt::format("found '{}'{}, expected \"gamma\" or \"mixed_exponential\"",
                                  *name, did_you_mean(*name, names)));
}

} // namespace

const std::vector<std::string>& generator_keys() {
    static const std::vector<std::string> keys = {"amounts",
                                                  "gamma_shape",
                                                  "wet_persistence",
                                                  "spatial_correlation",
                                                  "temperature_sd_c",
                                                  "temperature_autocorrelation",
                                                  "annual_precipitation_cv"};
    return keys;
}

// Ranges: model::generator_settings_problem (docs/inputs.md lists them).
model::GeneratorSettings read_generator_settings(const TomlTable& t) {
    model::GeneratorSettings s;
    s.amounts = read_amounts(t, s.amounts);
    read_in_range(t, "gamma_shape", 0.1, 10, "a gamma shape", s.gamma_shape);
    read_in_range(t, "wet_persistence", 0, 0.95, "a lag-1 autocorrelation", s.wet_persistence);
    read_in_range(t, "spatial_correlation", 0, 1, "a correlation", s.spatial_correlation);
    read_in_range(t, "temperature_sd_c", 0, 20, "a standard deviation in degC", s.temperature_sd_c);
    read_in_range(t, "temperature_autocorrelation", 0, 0.99, "a lag-1 autocorrelation",
                  s.temperature_autocorrelation);
    read_in_range(t, "annual_precipitation_cv", 0, 1, "a coefficient of variation",
                  s.annual_precipitation_cv);
    return s;
}

} // namespace riparia::io
