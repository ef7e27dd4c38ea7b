// Writing the screening: DIR/stress.csv, DIR/stress.json (each to a temporary name, then
// renamed) and the ranked summary on stdout.
#pragma once

#include "app/screen_run.hpp"

#include <string>
#include <vector>

namespace riparia::app {

void write_screen_csv(const std::string& path, const std::vector<ScreenBasin>& basins,
                      const std::vector<ScreenRow>& rows, const model::StressConfig& config);
void write_screen_json(const std::string& path, const std::vector<ScreenBasin>& basins,
                       const std::vector<ScreenRow>& rows, const model::StressConfig& config);
void print_screen_summary(const std::vector<ScreenBasin>& basins,
                          const std::vector<ScreenRow>& rows, const model::StressConfig& config,
                          std::size_t top);
// Writes `text` to PATH.tmp and renames it to PATH; InputError naming PATH on failure.
void write_atomically(const std::string& path, const std::string& text);

} // namespace riparia::app
