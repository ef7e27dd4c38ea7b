#include "model/stress_indicator_table.hpp"

#include "model/stress_indicators.hpp"
#include "model/stress_season.hpp"

#include <cmath>
#include <string_view>

namespace riparia::model {

namespace {

enum Index : std::size_t {
    water_stress,
    dry_season_stress,
    aqueduct_score,
    per_capita,
    dependency,
    upstream_impact,
    dry_season_impact,
    reliability,
    compliance,
    cv,
    drought,
    capacity,
    infrastructure,
    transition_inflow,
    transition_dry_inflow,
    count
};

double per_person(double available_m3, double population) {
    return population > 0 ? available_m3 / population : unknown;
}

double ratio_or_unknown(double part, double whole) {
    return whole > 0 && !std::isnan(part) ? part / whole : unknown;
}

// The indicators every unit-like item has: the unit's own figures.
std::vector<double> own_indicators(const UnitFigures& u, const StressConfig& c) {
    std::vector<double> v(count, unknown);
    v[water_stress] = water_stress_ratio(u.withdrawal_m3, u.available_m3);
    v[dry_season_stress] = water_stress_ratio(u.dry_withdrawal_m3, u.dry_available_m3);
    v[aqueduct_score] = aqueduct_bws_score(v[water_stress]);
    v[per_capita] = per_person(u.available_m3, u.population);
    v[dependency] = u.dependency;
    v[upstream_impact] = depletion(u.inflow_m3, u.pristine_inflow_m3);
    v[dry_season_impact] = depletion(u.dry_inflow_m3, u.pristine_dry_inflow_m3);
    v[reliability] = u.reliability;
    v[compliance] = u.institutions.compliance;
    v[cv] = u.cv;
    v[drought] = u.drought_frequency;
    v[capacity] = institutional_capacity(u.institutions, c);
    v[infrastructure] = ratio_or_unknown(u.reservoir_capacity_m3, u.available_m3);
    v[transition_inflow] = u.transition.inflow_change;
    v[transition_dry_inflow] = u.transition.dry_inflow_change;
    return v;
}

} // namespace

const std::vector<IndicatorInfo>& indicator_catalogue() {
    static const std::vector<IndicatorInfo> catalogue = {
        {"water_stress", "ratio", "water_stress_ratio",
         "withdrawals / available water, mean annual (Aqueduct baseline water stress; classes "
         "10/20/40/80 %)"},
        {"dry_season_stress", "ratio", "dry_season_stress_ratio",
         "withdrawals / available water over the dry season, the 3 calendar months of lowest "
         "mean natural available water"},
        {"aqueduct_score", "score 0-5", "aqueduct_score",
         "Aqueduct log score of the annual water stress, max(0, min(5, (ln r - ln 0.1)/ln 2 + 1))"},
        {"per_capita", "m3 per person per year", "per_capita_m3",
         "available water per person (Falkenmark bands 1,700 / 1,000 / 500)"},
        {"dependency", "share", "dependency_share",
         "share of the available water generated in other countries, traced through the network "
         "(for a pair: generated in the upstream country)"},
        {"upstream_impact", "share", "upstream_impact_share",
         "1 - inflow / pristine inflow, yearly (inflow from other countries; for a pair the water "
         "from or through the upstream country)"},
        {"dry_season_impact", "share", "dry_season_impact_share",
         "1 - inflow / pristine inflow over the downstream unit's dry season"},
        {"reliability", "share", "reliability_share",
         "share of months with a demand whose deficit is at most 10 % of the demand"},
        {"compliance", "share", "compliance_share",
         "delivered / required volume of the agreements binding the item, over all years"},
        {"cv", "ratio", "cv_ratio",
         "coefficient of variation of annual available water (Aqueduct IAV classes "
         "0.25/0.5/0.75/1.0)"},
        {"drought_frequency", "share", "drought_frequency_share",
         "share of years with available water below 75 % of the median year of the same member's "
         "baseline scenario"},
        {"institutional_capacity", "index 0-1", "capacity_index",
         "weighted agreement and river-basin-organisation attributes, times compliance"},
        {"infrastructure_pressure", "ratio", "infrastructure_ratio",
         "reservoir capacity / mean annual water (unit: its available water; basin: the mean "
         "outflow)"},
        {"transition_inflow", "share", "transition_inflow_share",
         "relative change of the inflow (pair: from or through the upstream country) over the "
         "window of consecutive years with the largest median cut against the as-is policy or "
         "the baseline scenario, same member (negative: a cut)"},
        {"transition_dry_inflow", "share", "transition_dry_inflow_share",
         "the same over the downstream unit's dry season, year by year"}};
    return catalogue;
}

std::vector<double> unit_indicators(const BasinFigures& b, std::size_t unit,
                                    const StressConfig& c) {
    return own_indicators(b.units[unit], c);
}

std::vector<double> pair_indicators(const BasinFigures& b, std::size_t pair,
                                    const StressConfig& c) {
    const PairFigures& p = b.pairs[pair];
    std::vector<double> v(count, unknown);
    v[dependency] = p.share_from_upstream;
    v[upstream_impact] = depletion(p.inflow_m3, p.pristine_inflow_m3);
    v[dry_season_impact] = depletion(p.dry_inflow_m3, p.pristine_dry_inflow_m3);
    v[compliance] = p.institutions.compliance;
    v[capacity] = institutional_capacity(p.institutions, c);
    v[transition_inflow] = p.transition.inflow_change;
    v[transition_dry_inflow] = p.transition.dry_inflow_change;
    return v;
}

std::vector<double> basin_indicators(const BasinFigures& b, const StressConfig& c) {
    std::vector<double> v = own_indicators(b.whole, c);
    v[infrastructure] = ratio_or_unknown(b.reservoir_capacity_m3, b.mean_flow_m3);
    return v;
}

std::string indicator_class(std::size_t index, double value, const StressConfig& c) {
    if (std::isnan(value)) return "";
    switch (index) {
    case water_stress:
    case dry_season_stress:
        return aqueduct_label(aqueduct_class(value, c.bws_breakpoints));
    case per_capita:
        return falkenmark_label(falkenmark_band(value, c.falkenmark_m3_per_capita));
    case cv:
        return aqueduct_label(aqueduct_class(value, c.iav_breakpoints));
    default:
        return "";
    }
}

} // namespace riparia::model
