// Reads the conflict-stress configuration (config/stress.toml; keys in docs/stress.md). Every key
// is optional (the defaults of model::StressConfig); unknown keys and bad values are InputError
// naming the file, the line and the key.
#pragma once

#include "model/stress_config.hpp"

#include <string>

namespace riparia::io {

model::StressConfig read_stress_config(const std::string& path);

} // namespace riparia::io
