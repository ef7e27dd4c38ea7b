// Ensemble members of a screening scenario: each member draws a relative runoff change and a
// relative change of the interannual CV from Normal(mean, sd) of its scenario (docs/stress.md).
// Draws are counter-based (model/random.hpp): a pure function of (seed, scenario, basin,
// member), so results do not depend on threads or order.
#pragma once

#include "model/stress_config.hpp"

#include <cstddef>
#include <cstdint>

namespace riparia::model {

struct MemberDraw {
    double runoff_factor = 1; // multiplies runoff; at least 0
    double cv_change = 0;     // relative change of the CV; at least -1
};

// The central member: the scenario's means.
MemberDraw central_member(const StressScenario& scenario);
MemberDraw draw_member(const StressScenario& scenario, std::uint64_t seed,
                       std::size_t scenario_index, std::size_t basin_index, std::size_t member);

} // namespace riparia::model
