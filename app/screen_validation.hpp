// Validation of the baseline screening against the TFDD events 1948-1989 (docs/validation.md):
// Spearman's rho between scores and conflictive-event counts (BAR < 0), the overlap of the two
// top-20 lists, and the ranks of the hotspots the literature names.
#pragma once

#include "app/screen_run.hpp"

#include <string>
#include <vector>

namespace riparia::app {

std::string validation_markdown(const std::vector<ScreenBasin>& basins,
                                const std::vector<ScreenRow>& rows,
                                const std::vector<io::TfddEvent>& events,
                                const model::StressConfig& config, const std::string& command);

} // namespace riparia::app
