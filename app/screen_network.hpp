// The 310 TFDD basins as networks of basin-country units for `riparia screen`
// (docs/stress.md, "Screening"): units ordered upstream to downstream, their institutions, and
// per ensemble member the figures the score reads.
#pragma once

#include "io/tfdd_tables.hpp"
#include "io/unit_terrain.hpp"
#include "model/stress_ensemble.hpp"
#include "model/stress_score.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace riparia::app {

struct ScreenInputs {
    std::vector<io::TfddBasin> basins;
    std::vector<io::TfddUnit> units;
    std::vector<io::TfddTreatyRow> treaties;
    std::vector<io::TfddRboRow> rbos;
    std::map<std::string, double> dependency_pct; // AQUASTAT national dependency ratio by ISO3
    std::vector<io::UnitTerrain> terrain;         // units with a country polygon
};

struct ScreenBasin {
    const io::TfddBasin* basin = nullptr;
    std::vector<io::TfddUnit> units;      // upstream first (app/screen_order.cpp)
    std::vector<int> downstream;          // unit i drains to downstream[i] > i; -1 at the outlet
    std::vector<std::string> order_notes; // units placed by the AQUASTAT fallback
    std::vector<model::InstitutionFacts> unit_institutions;
    std::map<std::pair<std::size_t, std::size_t>, model::InstitutionFacts> pair_institutions;
};

std::vector<ScreenBasin> prepare_basins(const ScreenInputs& inputs);

// Orders b.units upstream first and sets b.downstream and b.order_notes (app/screen_order.cpp).
void order_units(const ScreenInputs& inputs, ScreenBasin& b);

// The figures of one basin for one member: TFDD runoff x area times the member's runoff factor,
// spread over the units by area share; withdrawals, consumption and population by area share.
model::BasinFigures basin_figures(const ScreenBasin& basin, const model::MemberDraw& draw,
                                  const model::StressConfig& config);

} // namespace riparia::app
