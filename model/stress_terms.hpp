// The terms of the composite score, each a value in 0..1 with its weight and the sentence that
// states it with its numbers (docs/stress.md, "Terms"). Unknown inputs give no term.
#pragma once

#include "model/stress_score.hpp"

#include <string>
#include <vector>

namespace riparia::model {

struct Term {
    double value = 0;  // 0..1
    double weight = 0; // within its group
    std::string sentence;
};

// Hazard at a unit: water stress (Aqueduct score / 5), per-capita scarcity (Falkenmark band / 3),
// interannual variability (IAV score / 5), simulated deficit, existing infrastructure.
std::vector<Term> hazard_terms(const BasinFigures& basin, std::size_t unit,
                               const StressConfig& config);
// Change at a unit versus baseline: loss of available water, rise of the CV, planned dams, and
// the depletion of the inflow against the pristine run, yearly and over the dry season (a unit's
// inflow from other countries, or for a pair the water from or through the upstream country),
// and its cut over the transition window (yearly and dry-season) when known.
std::vector<Term> change_terms(const BasinFigures& basin, std::size_t unit, const PairFigures* pair,
                               const StressConfig& config);
// The sentence about institutions between `who` (one or two country names).
std::string institution_sentence(const InstitutionFacts& facts, const std::string& who,
                                 double capacity);

} // namespace riparia::model
