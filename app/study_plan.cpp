#include "app/study_plan.hpp"

#include "app/management_results.hpp"
#include "app/result_stream.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace riparia::app {

StudyPlan::StudyPlan(const LoadedStudy& study) : study_(study) {
    const io::EnsembleSpec& e = study.ensemble;
    for (const auto& [scenario, policy] : e.combinations) {
        for (std::size_t m = 0; m < e.members.size(); ++m) {
            items_.push_back({items_.size(), scenario, policy, static_cast<int>(m)});
        }
    }
    for (const auto& s : study.basin.basin.subbasins)
        with_snow_ = with_snow_ || s.snow.has_value();

    // Union of each set's ids over the policies, in order of first appearance.
    slots_.resize(e.policies.size());
    for (std::size_t p = 0; p < e.policies.size(); ++p) {
        const auto sets = management_sets(e.policies[p].management);
        if (union_sets_.empty()) {
            union_sets_ = sets;
            for (auto& set : union_sets_)
                set.ids.clear();
        }
        for (std::size_t s = 0; s < sets.size(); ++s) {
            std::vector<std::string>& ids = union_sets_[s].ids;
            std::vector<int> slot;
            for (const auto& id : sets[s].ids) {
                auto at = std::find(ids.begin(), ids.end(), id);
                if (at == ids.end()) at = ids.insert(ids.end(), id);
                slot.push_back(static_cast<int>(at - ids.begin()));
            }
            slots_[p].push_back(std::move(slot));
        }
    }
}

std::string StudyPlan::label(const RunItem& item) const {
    const io::EnsembleSpec& e = study_.ensemble;
    return fmt::format("{}/{}/{}", e.scenarios[item.scenario].name, e.policies[item.policy].name,
                       e.members[item.member].name);
}

model::Basin StudyPlan::basin_for(const RunItem& item) const {
    const io::EnsembleSpec& e = study_.ensemble;
    model::Basin basin = study_.basin.basin;
    basin.management = e.policies[item.policy].management;
    model::apply_demand_growth(basin.management, e.scenarios[item.scenario].demand_growth);
    return basin;
}

std::vector<std::size_t> StudyPlan::record_widths(const RunItem& item) const {
    const std::size_t nodes = study_.basin.basin.subbasins.size();
    std::vector<std::size_t> widths(result_variables(with_snow_).size(), nodes);
    for (const auto& set : management_sets(study_.ensemble.policies[item.policy].management)) {
        if (set.ids.empty()) continue;
        widths.insert(widths.end(), set.variables.size(), set.ids.size());
    }
    return widths;
}

std::vector<io::EnsembleAxis> StudyPlan::axes() const {
    if (!is_ensemble()) return {};
    const io::EnsembleSpec& e = study_.ensemble;
    auto names = [](const auto& list) {
        std::vector<std::string> n;
        for (const auto& x : list)
            n.push_back(x.name);
        return n;
    };
    return {{"scenario", "climate and socio-economic scenario", names(e.scenarios)},
            {"policy", "policy (what-if) applied to the basin", names(e.policies)},
            {"member", "ensemble member (weather generator seed or forcing)", names(e.members)}};
}

} // namespace riparia::app
