#include "app/screen_run.hpp"

#include <omp.h>

namespace riparia::app {

namespace {

ScreenRow screen_one(const ScreenBasin& b, std::size_t basin, std::size_t scenario,
                     const model::StressConfig& c) {
    const model::StressScenario& s = c.scenarios[scenario];
    ScreenRow row;
    row.basin = basin, row.scenario = scenario;
    row.central = model::score_basin(basin_figures(b, model::central_member(s), c), c);
    int at_risk = 0;
    for (int m = 0; m < c.members; ++m) {
        const auto draw =
            model::draw_member(s, c.seed, scenario, basin, static_cast<std::size_t>(m));
        const auto figures = basin_figures(b, draw, c);
        double worst = 0;
        for (std::size_t u = 0; u < figures.units.size(); ++u)
            worst = std::max(worst, model::score_unit(figures, u, c).score);
        for (std::size_t p = 0; p < figures.pairs.size(); ++p)
            worst = std::max(worst, model::score_pair(figures, p, c).score);
        at_risk += model::risk_class(worst, c) >= c.flag_class ? 1 : 0;
    }
    row.share_at_risk = c.members > 0 ? static_cast<double>(at_risk) / c.members : 0;
    row.flag = row.share_at_risk >= c.flag_member_share && at_risk > 0;
    return row;
}

} // namespace

std::vector<ScreenRow> run_screen(const std::vector<ScreenBasin>& basins,
                                  const model::StressConfig& c, int threads) {
    const std::size_t scenarios = c.scenarios.size();
    const long long total = static_cast<long long>(basins.size() * scenarios);
    std::vector<ScreenRow> rows(static_cast<std::size_t>(total));
    if (threads <= 0) threads = omp_get_max_threads();
#pragma omp parallel for schedule(dynamic) num_threads(threads)
    for (long long k = 0; k < total; ++k) {
        const auto i = static_cast<std::size_t>(k);
        rows[i] = screen_one(basins[i / scenarios], i / scenarios, i % scenarios, c);
    }
    return rows;
}

} // namespace riparia::app
