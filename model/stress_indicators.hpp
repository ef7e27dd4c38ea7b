// Conflict-stress indicators on plain numbers (docs/stress.md; sources in
// /work/shared/reference/indicators.md, cited per function). No I/O.
#pragma once

#include <array>

namespace riparia::model {

// Withdrawal / available water (Aqueduct baseline water stress, Hofste et al. 2019). NaN when
// the available water is not positive or either figure is NaN.
double water_stress_ratio(double withdrawal_m3, double available_m3);
// Aqueduct score: max(0, min(5, (ln r - ln 0.1) / ln 2 + 1)) (WRI Aqueduct30Docker,
// "Equation from Aqueduct 2.1"); 0 for r <= 0.
double aqueduct_bws_score(double ratio);
// 0 low, 1 low-medium, 2 medium-high, 3 high, 4 extremely high (breakpoints 0.1/0.2/0.4/0.8).
int aqueduct_class(double value, const std::array<double, 4>& breakpoints);
const char* aqueduct_label(int category);

// Falkenmark per-capita bands (Falkenmark et al. 1989): 0 no stress (> 1,700 m3), 1 stress,
// 2 scarcity (< 1,000), 3 absolute scarcity (< 500).
int falkenmark_band(double m3_per_capita, const std::array<double, 3>& thresholds);
const char* falkenmark_label(int band);

// Aqueduct interannual variability score max(0, min(5, 4 CV)) (WRI IAV code); classes by
// aqueduct_class with the IAV breakpoints 0.25/0.5/0.75/1.0.
double iav_score(double cv);

// FAO AQUASTAT dependency ratio as a fraction: inflow / (inflow + internal).
double dependency_ratio(double inflow_m3, double internal_m3);
// (scenario - baseline) / baseline; NaN when baseline is not positive.
double relative_change(double baseline, double scenario);
// Saturating count pressure n / (n + half): 0 for none, 0.5 at `half`.
double saturating(double count, double half);
// Infrastructure pressure 0..1: reservoir capacity / mean flow (degree of regulation, capped at
// 1) when both are known, else the saturating count of existing dams.
double infrastructure_pressure(double existing_dams, double capacity_m3, double flow_m3,
                               double existing_dams_half);

} // namespace riparia::model
