#include "model/stress_ensemble.hpp"

#include "model/random.hpp"

#include <algorithm>

namespace riparia::model {

MemberDraw central_member(const StressScenario& s) {
    return {std::max(0.0, 1 + s.runoff_change_mean), std::max(-1.0, s.cv_change_mean)};
}

MemberDraw draw_member(const StressScenario& s, std::uint64_t seed, std::size_t scenario_index,
                       std::size_t basin_index, std::size_t member) {
    const std::uint64_t stream = (static_cast<std::uint64_t>(scenario_index) << 40) ^
                                 (static_cast<std::uint64_t>(basin_index) << 20) ^ member;
    const std::uint64_t key = rng::stream_key(seed, stream);
    const double z_runoff = rng::normal_quantile(rng::uniform_at(key, 0));
    const double z_cv = rng::normal_quantile(rng::uniform_at(key, 1));
    return {std::max(0.0, 1 + s.runoff_change_mean + s.runoff_change_sd * z_runoff),
            std::max(-1.0, s.cv_change_mean + s.cv_change_sd * z_cv)};
}

} // namespace riparia::model
