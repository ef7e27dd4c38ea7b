// Weights and thresholds of the conflict-stress score (docs/stress.md). Pure data: io/ loads it
// from config/stress.toml, whose comments give the source or rationale of every number; the
// defaults here are the same values, so tests can build a config without a file.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace riparia::model {

// A named climate scenario: relative runoff change and relative change of the interannual CV,
// each drawn per ensemble member from Normal(mean, sd) (docs/stress.md, "Scenarios").
struct StressScenario {
    std::string name = "baseline";
    double runoff_change_mean = 0, runoff_change_sd = 0;
    double cv_change_mean = 0, cv_change_sd = 0;
};

struct StressConfig {
    // Indicator class breakpoints (indicators.md 1.7, 1.8).
    std::array<double, 4> bws_breakpoints{0.1, 0.2, 0.4, 0.8};       // W/Q, Aqueduct
    std::array<double, 3> falkenmark_m3_per_capita{1700, 1000, 500}; // Falkenmark bands
    std::array<double, 4> iav_breakpoints{0.25, 0.5, 0.75, 1.0};     // CV, Aqueduct IAV
    // A drought year has less available water than this share of the baseline median (judgement).
    double drought_fraction = 0.75;
    // Hazard: weights of the components (each scaled to 0..1), renormalised over known ones.
    double w_stress = 1, w_scarcity = 1, w_variability = 1, w_deficit = 1, w_existing_dams = 0.5;
    // Groups: rapid change weighs more than static levels (Wolf et al. 2003).
    double w_hazard = 1, w_exposure = 1, w_change = 2;
    // Change: value at which each change term reaches 1.
    double availability_loss_full = 0.3;    // relative loss of available water
    double cv_increase_full = 0.3;          // relative rise of the CV
    double upstream_depletion_full = 0.3;   // 1 - inflow / pristine inflow
    double dry_season_depletion_full = 0.3; // the same over the dry season (3 driest months)
    // A member's change against the as-is policy or the baseline scenario is stated in the reasons
    // when it exceeds this share (judgement: beyond the year-to-year noise of a member's means).
    double notable_change = 0.1;
    // Transition windows: the number of consecutive years over which a policy's or a scenario's
    // cut of the inflow is sought (a reservoir's first filling: GERD's stated 3 years), and the
    // cut at which its change term reaches 1.
    int transition_window_years = 3;
    double transition_cut_full = 0.3;
    double planned_dams_half = 5;   // planned dams giving 0.5 (saturating n / (n + k))
    double existing_dams_half = 20; // existing dams giving 0.5 when no capacity is known
    double w_availability_loss = 1, w_cv_increase = 1, w_upstream_depletion = 1, w_planned_dams = 1,
           w_dry_season_depletion = 1, w_transition_cut = 1, w_dry_season_transition_cut = 1;
    // Institutional capacity: weights of the treaty and RBO attributes (De Stefano et al. 2012).
    double w_agreement = 0.3, w_allocation = 0.2, w_variability_mgmt = 0.2,
           w_conflict_resolution = 0.15, w_rbo = 0.1, w_all_members = 0.05;
    double capacity_damping = 0.6; // full capacity multiplies the pressure by 1 - this
    // Score 0..5 to class 1..5: class = 1 + number of breakpoints <= score.
    std::array<double, 4> class_breakpoints{1, 2, 3, 4};
    int flag_class = 4;             // a member "at risk" has class >= this
    double flag_member_share = 0.5; // flag when at least this share of members is at risk
    double min_pair_share = 0.05;   // pairs whose upstream supplies less are not scored
    int members = 100;
    unsigned long long seed = 20240601ULL;
    std::vector<StressScenario> scenarios{StressScenario{}};
    // Retired TFDD basin codes that some tables still use; their rows are skipped.
    std::vector<std::string> ignored_basin_codes;
};

} // namespace riparia::model
