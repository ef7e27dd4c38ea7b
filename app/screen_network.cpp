#include "app/screen_network.hpp"

#include "model/stress_flow_origin.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::app {

void add_institutions(const ScreenInputs& in, ScreenBasin& b); // screen_institutions.cpp

std::vector<ScreenBasin> prepare_basins(const ScreenInputs& in) {
    std::map<std::string, std::size_t> index;
    std::vector<ScreenBasin> out(in.basins.size());
    for (std::size_t i = 0; i < in.basins.size(); ++i) {
        out[i].basin = &in.basins[i];
        index[in.basins[i].code] = i;
    }
    for (const auto& u : in.units)
        out[index.at(u.basin)].units.push_back(u);
    for (auto& b : out) {
        order_units(in, b);
        add_institutions(in, b);
    }
    return out;
}

namespace {

std::vector<model::FlowUnit> flow_units(const ScreenBasin& b, double runoff_m3, double factor,
                                        double consumption_m3, double total_km2) {
    std::vector<model::FlowUnit> units(b.units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const double share = b.units[i].area_km2 / total_km2;
        units[i].local_runoff_m3 = runoff_m3 * factor * share;
        units[i].consumption_m3 = std::isnan(consumption_m3) ? 0 : consumption_m3 * share;
        units[i].downstream = b.downstream[i];
    }
    return units;
}

} // namespace

model::BasinFigures basin_figures(const ScreenBasin& sb, const model::MemberDraw& draw,
                                  const model::StressConfig& c) {
    const io::TfddBasin& tb = *sb.basin;
    model::BasinFigures b;
    b.code = tb.code, b.name = tb.name;
    b.existing_dams = tb.dams_existing, b.planned_dams = tb.dams_planned;
    double total_km2 = 0;
    for (const auto& u : sb.units)
        total_km2 += u.area_km2;
    if (!(total_km2 > 0) || sb.units.empty()) return b;
    const bool runoff_known = !std::isnan(tb.runoff_mm);
    // Without TFDD runoff, a uniform 1 m3/km2 still gives the origin shares (area shares).
    const double runoff_m3 = runoff_known ? tb.runoff_mm * 1e-3 * tb.area_km2 * 1e6 : total_km2;
    const double consumption_m3 = runoff_known ? tb.consumption_hm3 * 1e6 : model::unknown;
    b.notes = sb.order_notes;
    if (!runoff_known)
        b.notes.push_back("TFDD has no runoff or withdrawal figures for this basin (9999): only "
                          "dependency, dams and institutions are scored");
    else if (std::isnan(tb.withdrawal_hm3))
        b.notes.push_back("TFDD has no withdrawal figure for this basin (9999)");
    const auto now = model::track_flow_origin(
        flow_units(sb, runoff_m3, draw.runoff_factor, consumption_m3, total_km2));
    const auto base =
        model::track_flow_origin(flow_units(sb, runoff_m3, 1, consumption_m3, total_km2));
    for (std::size_t i = 0; i < sb.units.size(); ++i) {
        const double share = sb.units[i].area_km2 / total_km2;
        model::UnitFigures u;
        u.code = sb.units[i].country, u.name = sb.units[i].name;
        u.dependency = now.dependency(i);
        u.institutions = sb.unit_institutions[i];
        u.cv_change = draw.cv_change;
        if (runoff_known) {
            u.available_m3 = now.available_m3[i];
            u.baseline_available_m3 = base.available_m3[i];
            u.withdrawal_m3 = tb.withdrawal_hm3 * 1e6 * share; // NaN stays NaN
            u.population = tb.population * share;
        }
        b.units.push_back(std::move(u));
    }
    for (std::size_t j = 1; j < sb.units.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
            const double from_upstream = now.origin_share[j][i];
            if (!(from_upstream >= c.min_pair_share)) continue;
            model::PairFigures p;
            p.upstream = i, p.downstream = j, p.share_from_upstream = from_upstream;
            p.institutions = sb.pair_institutions.at({i, j});
            b.pairs.push_back(p);
        }
    return b;
}

} // namespace riparia::app
