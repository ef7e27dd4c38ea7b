#include "app/run_stress_rows.hpp"

#include "model/ensemble_spread.hpp"
#include "model/stress_comparison.hpp"
#include "model/stress_indicator_table.hpp"
#include "model/stress_score.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace riparia::app {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// JSON null for an unknown number (JSON has no NaN).
nlohmann::json number(double v) {
    return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
}

const MemberResult* member_of(const StressRow* row, std::size_t member) {
    if (!row) return nullptr;
    for (const MemberResult& m : row->members)
        if (m.member == member) return &m;
    return nullptr;
}

// The window of a transition indicator: its years, what it is compared with, and how many
// members are cut by more than the notable share.
void add_window(nlohmann::json& indicators, const char* key,
                const std::optional<QuantityTransition>& t) {
    if (!t || !indicators.contains(key)) return;
    auto& entry = indicators[key];
    entry["years"] = t->years;
    entry["against"] = t->against;
    entry["members_compared"] = t->window.changes.size();
    entry["members_cut_over_notable"] = t->window.members_over;
}

nlohmann::json indicators_json(const StressRow& row, const RowReferences& refs,
                               const model::StressConfig& config) {
    const StressRow* baseline = refs.baseline;
    const auto& catalogue = model::indicator_catalogue();
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t k = 0; k < catalogue.size(); ++k) {
        std::vector<double> values, changes;
        for (const MemberResult& m : row.members) {
            values.push_back(m.indicators[k]);
            const MemberResult* base = member_of(baseline, m.member);
            changes.push_back(base ? m.indicators[k] - base->indicators[k] : nan);
        }
        const double median = model::percentile(values, 0.5);
        if (std::isnan(median)) continue; // not applicable to this item
        nlohmann::json entry = {{"median", median},
                                {"p10", number(model::percentile(values, 0.1))},
                                {"p90", number(model::percentile(values, 0.9))},
                                {"unit", catalogue[k].unit},
                                {"description", catalogue[k].description}};
        const std::string label = model::indicator_class(k, median, config);
        if (!label.empty()) entry["class"] = label;
        if (baseline)
            entry["change_from_baseline_median"] = number(model::percentile(changes, 0.5));
        out[catalogue[k].key] = entry;
    }
    if (refs.transition) {
        add_window(out, "transition_inflow", refs.transition->inflow);
        add_window(out, "transition_dry_inflow", refs.transition->dry_inflow);
    }
    return out;
}

// Sentences comparing the row with a reference row, member by member over the whole period.
void add_comparisons(const StressRow& row, const StressRow* reference, const std::string& cause,
                     const std::string& against, const model::StressConfig& config,
                     std::vector<std::pair<double, std::string>>& out) {
    if (!reference || row.members.empty()) return;
    for (std::size_t q = 0; q < row.members.front().compared.size(); ++q) {
        std::vector<double> values, base;
        for (const MemberResult& m : row.members) {
            const MemberResult* r = member_of(reference, m.member);
            values.push_back(m.compared[q].second);
            base.push_back(r && q < r->compared.size() ? r->compared[q].second : nan);
        }
        const auto changes = model::relative_changes(values, base);
        const std::string s = model::change_sentence(cause, row.members.front().compared[q].first,
                                                     against, changes, config.notable_change);
        if (!s.empty()) out.emplace_back(std::abs(model::percentile(changes, 0.5)), s);
    }
}

// The transition window with the larger median cut, yearly or dry-season, when it is stated.
void add_transition(const RowTransitions* t, std::vector<std::pair<double, std::string>>& out) {
    if (!t) return;
    const QuantityTransition* best = nullptr;
    for (const auto* q : {&t->inflow, &t->dry_inflow})
        if (*q && !(*q)->sentence.empty() && (!best || (*q)->window.median < best->window.median))
            best = &**q;
    if (best) out.emplace_back(std::abs(best->window.median), best->sentence);
}

std::vector<std::string> comparison_reasons(const StressRow& row, const RowReferences& refs,
                                            const model::StressConfig& config) {
    std::vector<std::pair<double, std::string>> found;
    if (refs.as_is)
        add_comparisons(row, refs.as_is, row.policy, "the '" + refs.as_is->policy + "' policy",
                        config, found);
    if (refs.baseline)
        add_comparisons(row, refs.baseline, "the '" + row.scenario + "' scenario",
                        "the '" + refs.baseline->scenario + "' scenario", config, found);
    const auto larger = [](const auto& a, const auto& b) { return a.first > b.first; };
    std::stable_sort(found.begin(), found.end(), larger);
    found.resize(std::min<std::size_t>(found.size(), 2));
    add_transition(refs.transition, found); // a few years' cut has a place of its own
    std::stable_sort(found.begin(), found.end(), larger);
    std::vector<std::string> out;
    for (const auto& f : found)
        out.push_back(f.second);
    return out;
}

} // namespace

nlohmann::json summarise_row(const StressRow& row, const RowReferences& refs,
                             const model::StressConfig& config) {
    std::vector<double> scores;
    for (const MemberResult& m : row.members)
        scores.push_back(m.score);
    const double median = model::percentile(scores, 0.5);
    std::size_t at_risk = 0, typical = 0;
    for (std::size_t m = 0; m < scores.size(); ++m) {
        at_risk += row.members[m].risk_class >= config.flag_class ? 1 : 0;
        if (std::abs(scores[m] - median) < std::abs(scores[typical] - median)) typical = m;
    }
    const double share = static_cast<double>(at_risk) / static_cast<double>(scores.size());
    std::vector<std::string> reasons = comparison_reasons(row, refs, config);
    for (const auto& r : row.members[typical].reasons) // those of the member nearest the median
        reasons.push_back(r);
    return {{"scenario", row.scenario},
            {"policy", row.policy},
            {"level", row.level},
            {"item", row.item},
            {"score_median", median},
            {"score_p10", model::percentile(scores, 0.1)},
            {"score_p90", model::percentile(scores, 0.9)},
            {"class", model::risk_class(median, config)},
            {"members", scores.size()},
            {"share_at_risk", share},
            {"flag", share >= config.flag_member_share},
            {"reasons", reasons},
            {"indicators", indicators_json(row, refs, config)}};
}

} // namespace riparia::app
