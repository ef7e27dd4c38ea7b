#include "model/stress_terms.hpp"

#include "model/stress_indicators.hpp"
#include "model/stress_season.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::model {

namespace {

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

void add_water_stress(const UnitFigures& u, const StressConfig& c, std::vector<Term>& out) {
    const double ratio = water_stress_ratio(u.withdrawal_m3, u.available_m3);
    if (std::isnan(ratio)) return;
    const int category = aqueduct_class(ratio, c.bws_breakpoints);
    out.push_back({aqueduct_bws_score(ratio) / 5, c.w_stress,
                   fmt::format("withdrawals in {} are {:.0f} % of its available water "
                               "(Aqueduct water stress: {})",
                               u.name, 100 * ratio, aqueduct_label(category))});
}

void add_scarcity(const UnitFigures& u, const StressConfig& c, std::vector<Term>& out) {
    if (!(u.population > 0) || std::isnan(u.available_m3)) return;
    const double per_capita = u.available_m3 / u.population;
    const int band = falkenmark_band(per_capita, c.falkenmark_m3_per_capita);
    out.push_back({band / 3.0, c.w_scarcity,
                   fmt::format("{} has {:.0f} m3 of water per person per year (Falkenmark: {})",
                               u.name, per_capita, falkenmark_label(band))});
}

void add_variability(const UnitFigures& u, const StressConfig& c, std::vector<Term>& out) {
    if (std::isnan(u.cv)) return;
    out.push_back(
        {iav_score(u.cv) / 5, c.w_variability,
         fmt::format("the interannual CV of {}'s water is {:.2f} (Aqueduct IAV: {})", u.name, u.cv,
                     aqueduct_label(aqueduct_class(u.cv, c.iav_breakpoints)))});
}

// The cut over the transition window, yearly and dry-season: rapid change, the change group's
// reason for its double weight (Wolf et al. 2003). A rise gives 0.
void add_transitions(const std::string& unit, const TransitionFigures& t, const StressConfig& c,
                     std::vector<Term>& out) {
    if (t.reference) { // no change against itself: the terms are known and 0
        out.push_back({0, c.w_transition_cut, ""});
        out.push_back({0, c.w_dry_season_transition_cut, ""});
        return;
    }
    const auto add = [&](double change, double weight, const std::string& what,
                         const std::string& window) {
        if (std::isnan(change)) return;
        out.push_back(
            {clamp01(-change / c.transition_cut_full), weight,
             fmt::format("{} to {} changes by {:+.0f} % {}", what, unit, 100 * change, window)});
    };
    add(t.inflow_change, c.w_transition_cut, "inflow", t.inflow_window);
    add(t.dry_inflow_change, c.w_dry_season_transition_cut, "dry-season inflow",
        t.dry_inflow_window);
}

} // namespace

std::vector<Term> hazard_terms(const BasinFigures& b, std::size_t unit, const StressConfig& c) {
    const UnitFigures& u = b.units[unit];
    std::vector<Term> out;
    add_water_stress(u, c, out);
    add_scarcity(u, c, out);
    add_variability(u, c, out);
    if (!std::isnan(u.unmet_demand_share))
        out.push_back({clamp01(u.unmet_demand_share), c.w_deficit,
                       fmt::format("{} goes without {:.0f} % of its demand", u.name,
                                   100 * u.unmet_demand_share)});
    if (b.existing_dams > 0 || b.reservoir_capacity_m3 > 0)
        out.push_back({infrastructure_pressure(b.existing_dams, b.reservoir_capacity_m3,
                                               b.mean_flow_m3, c.existing_dams_half),
                       c.w_existing_dams,
                       fmt::format("{:.0f} dams already regulate the basin", b.existing_dams)});
    return out;
}

std::vector<Term> change_terms(const BasinFigures& b, std::size_t unit, const PairFigures* pair,
                               const StressConfig& c) {
    const UnitFigures& u = b.units[unit];
    std::vector<Term> out;
    const double change = relative_change(u.baseline_available_m3, u.available_m3);
    if (!std::isnan(change))
        out.push_back({clamp01(-change / c.availability_loss_full), c.w_availability_loss,
                       fmt::format("available water in {} changes by {:+.0f} % from baseline",
                                   u.name, 100 * change)});
    if (!std::isnan(u.cv_change))
        out.push_back({clamp01(u.cv_change / c.cv_increase_full), c.w_cv_increase,
                       fmt::format("interannual variability in {} changes by {:+.0f} %", u.name,
                                   100 * u.cv_change)});
    const double inflow = pair ? pair->inflow_m3 : u.inflow_m3;
    const double pristine = pair ? pair->pristine_inflow_m3 : u.pristine_inflow_m3;
    const double yearly = depletion(inflow, pristine);
    if (!std::isnan(yearly))
        out.push_back({clamp01(yearly / c.upstream_depletion_full), c.w_upstream_depletion,
                       fmt::format("inflow to {} is {:.0f} % {} its pristine value", u.name,
                                   100 * std::abs(yearly), yearly >= 0 ? "below" : "above")});
    const double dry = pair ? depletion(pair->dry_inflow_m3, pair->pristine_dry_inflow_m3)
                            : depletion(u.dry_inflow_m3, u.pristine_dry_inflow_m3);
    if (!std::isnan(dry))
        out.push_back({clamp01(dry / c.dry_season_depletion_full), c.w_dry_season_depletion,
                       fmt::format("dry-season inflow to {} is {:.0f} % {} its pristine value",
                                   u.name, 100 * std::abs(dry), dry >= 0 ? "below" : "above")});
    add_transitions(u.name, pair ? pair->transition : u.transition, c, out);
    out.push_back({saturating(b.planned_dams, c.planned_dams_half), c.w_planned_dams,
                   fmt::format("{:.0f} dams are planned in the basin ({:.0f} existing)",
                               b.planned_dams, b.existing_dams)});
    return out;
}

std::string institution_sentence(const InstitutionFacts& f, const std::string& who,
                                 double capacity) {
    if (!f.known) return fmt::format("no institutional data for {}: treated as no agreement", who);
    if (!f.agreement && !f.rbo) return fmt::format("no agreement binds {}", who);
    std::string s = f.agreement ? fmt::format("an agreement binds {}", who)
                                : fmt::format("no agreement but a river basin organisation "
                                              "joins {}",
                                              who);
    if (f.agreement) {
        s += f.allocation ? " and allocates water" : " without allocating water";
        s += f.variability_mgmt ? ", manages variability" : ", no variability clause";
        s += f.conflict_resolution ? ", resolves conflicts" : ", no conflict-resolution mechanism";
        if (f.rbo)
            s += f.all_members ? ", all riparians in an RBO" : ", an RBO without all riparians";
    }
    if (!std::isnan(f.compliance)) s += fmt::format(", {:.0f} % complied with", 100 * f.compliance);
    return s + fmt::format(" (capacity {:.2f})", capacity);
}

} // namespace riparia::model
