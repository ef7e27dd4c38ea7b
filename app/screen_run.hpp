// The screening ensemble: every basin x scenario, the central member (the scenario's mean
// changes) scored with its units, pairs and reasons, and N drawn members counted at risk.
#pragma once

#include "app/screen_network.hpp"

#include <vector>

namespace riparia::app {

struct ScreenRow {
    std::size_t basin = 0, scenario = 0;
    model::BasinScore central;
    double share_at_risk = 0; // members with class >= flag_class
    bool flag = false;        // share_at_risk >= flag_member_share
};

// Rows in basin-major order; identical for any thread count (draws are counter-based).
std::vector<ScreenRow> run_screen(const std::vector<ScreenBasin>& basins,
                                  const model::StressConfig& config, int threads);

} // namespace riparia::app
