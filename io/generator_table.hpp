// The weather generator's optional settings in a study's [forcing] table.
#pragma once

#include "io/toml_table.hpp"
#include "model/weather_generator.hpp"

#include <string>
#include <vector>

namespace riparia::io {

// The keys read_generator_settings understands (for the [forcing] table's allowed keys).
const std::vector<std::string>& generator_keys();

// Reads amounts ("gamma" | "mixed_exponential"), gamma_shape, wet_persistence,
// spatial_correlation, temperature_sd_c and temperature_autocorrelation; absent keys keep the
// defaults of model::GeneratorSettings. Throws InputError naming the key on a bad value.
model::GeneratorSettings read_generator_settings(const TomlTable& forcing_table);

} // namespace riparia::io
