// The composite conflict-stress score of a basin, its basin-country units and its
// upstream->downstream pairs (docs/stress.md). Hazard and exposure raise the pressure, rapid
// change raises it more (Wolf et al. 2003; De Stefano et al. 2017), institutional capacity damps
// it (De Stefano et al. 2012). Figures are plain numbers so that the screening (TFDD attributes)
// and a simulation (per-run withdrawals, inflows, deficits, CV, compliance) feed the same code;
// NaN means "not known" and the term is left out (its weight renormalised), never taken as 0.
#pragma once

#include "model/stress_config.hpp"
#include "model/stress_institutions.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace riparia::model {

inline constexpr double unknown = std::numeric_limits<double>::quiet_NaN();

// Simulation only: this member's relative change of the inflow (negative: a cut) over the
// transition window, the consecutive years with the largest median cut over the members against
// the as-is policy or the baseline scenario (docs/stress.md, "Transition windows"), yearly and
// over the dry season, with the window in words ("in 1991-1993 against the 'basin' policy").
// `reference`: the run is the one the others are compared with (the as-is policy in the baseline
// scenario), whose change against itself is 0, so that every row of a study has the same terms.
struct TransitionFigures {
    double inflow_change = unknown, dry_inflow_change = unknown;
    std::string inflow_window, dry_inflow_window;
    bool reference = false;
};

struct UnitFigures {
    std::string code, name;                 // country code and name
    double available_m3 = unknown;          // mean annual available water (local + inflow)
    double withdrawal_m3 = unknown;         // mean annual withdrawal
    double population = unknown;            // people
    double dependency = unknown;            // share of available water from upstream (0..1)
    double cv = unknown;                    // interannual CV of available water
    double baseline_available_m3 = unknown; // the same in the baseline (change terms)
    double cv_change = unknown;             // relative change of the CV versus baseline
    double unmet_demand_share = unknown;    // simulated deficit / demand (0..1)
    InstitutionFacts institutions;          // agreements and RBOs the unit's country is party to
    // Simulation only: the dry season (the 3 driest months, docs/stress.md), mean per year.
    double dry_available_m3 = unknown, dry_withdrawal_m3 = unknown;
    // Inflow from other countries and the same in the pristine run, yearly and dry-season.
    double inflow_m3 = unknown, pristine_inflow_m3 = unknown;
    double dry_inflow_m3 = unknown, pristine_dry_inflow_m3 = unknown;
    double reliability = unknown;           // share of months with a deficit <= 10 % of demand
    double drought_frequency = unknown;     // share of years below the drought threshold
    double reservoir_capacity_m3 = unknown; // of the reservoirs in the unit
    TransitionFigures transition;           // of the inflow from other countries
};

struct PairFigures {
    std::size_t upstream = 0, downstream = 0; // unit indices
    double share_from_upstream = unknown;     // of the downstream unit's water (0..1)
    // Water reaching the downstream unit that came from or through the upstream one (the border
    // flow for neighbours), and the same in the pristine run; yearly and dry-season.
    double inflow_m3 = unknown, pristine_inflow_m3 = unknown;
    double dry_inflow_m3 = unknown, pristine_dry_inflow_m3 = unknown;
    InstitutionFacts institutions; // between the two countries
    bool border = false;           // the river crosses from the upstream unit into the downstream
    TransitionFigures transition;  // of the water from or through the upstream unit
};

struct BasinFigures {
    std::string code, name;
    std::vector<UnitFigures> units;
    std::vector<PairFigures> pairs;
    double existing_dams = 0, planned_dams = 0;
    double reservoir_capacity_m3 = unknown, mean_flow_m3 = unknown;
    std::vector<std::string> notes; // data caveats stated with every reason list
    UnitFigures whole;              // the basin as one unit (its indicators; not scored)
};

struct ScoredItem {
    std::string label; // "Egypt" or "Ethiopia -> Egypt"
    double hazard = unknown, exposure = unknown, change = unknown, capacity = 0;
    double score = 0; // 0..5
    int risk_class = 1;
    std::vector<std::string> reasons; // top contributors first, then institutions, then notes
};

struct BasinScore {
    ScoredItem basin; // the highest-scoring unit or pair, with its reasons
    std::vector<ScoredItem> units, pairs;
};

int risk_class(double score, const StressConfig& config);
ScoredItem score_unit(const BasinFigures& basin, std::size_t unit, const StressConfig& config);
ScoredItem score_pair(const BasinFigures& basin, std::size_t pair, const StressConfig& config);
BasinScore score_basin(const BasinFigures& basin, const StressConfig& config);

} // namespace riparia::model
