#include "app/run_selection.hpp"

#include "io/input_error.hpp"
#include "io/suggest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

namespace riparia::app {

namespace {

template <typename List> std::vector<std::string> names_of(const List& list) {
    std::vector<std::string> names;
    for (const auto& x : list)
        names.push_back(x.name);
    return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// "'a' or 'b'"; "any" when empty.
std::string quoted(const std::vector<std::string>& names) {
    if (names.empty()) return "any";
    std::vector<std::string> q;
    for (const auto& name : names)
        q.push_back("'" + name + "'");
    return fmt::format("{}", fmt::join(q, " or "));
}

// An empty list selects every name.
bool selected(const std::vector<std::string>& chosen, const std::string& name) {
    return chosen.empty() || contains(chosen, name);
}

void check_names(const LoadedStudy& s, const std::string& option, const std::string& what,
                 const std::vector<std::string>& given, const std::vector<std::string>& known) {
    for (const auto& name : given) {
        if (contains(known, name)) continue;
        throw io::InputError(fmt::format("{}: {}: found '{}', expected one of the study's {}: {}{}",
                                         s.study.path, option, name, what, fmt::join(known, ", "),
                                         io::did_you_mean(name, known)));
    }
}

// Which of the study's combinations to keep: those matching both lists, then the pristine run
// of every scenario that kept a run (unless --no-pristine).
std::vector<bool> kept_combinations(const io::EnsembleSpec& e, const RunSelection& sel) {
    auto is_pristine = [&](int policy) { return e.policies[policy].name == io::kPristinePolicy; };
    std::vector<bool> keep(e.combinations.size(), false);
    std::set<int> scenarios_run;
    for (std::size_t k = 0; k < keep.size(); ++k) {
        const auto [scenario, policy] = e.combinations[k];
        keep[k] = selected(sel.scenarios, e.scenarios[scenario].name) &&
                  selected(sel.policies, e.policies[policy].name) &&
                  !(sel.no_pristine && is_pristine(policy));
        if (keep[k]) scenarios_run.insert(scenario);
    }
    for (std::size_t k = 0; k < keep.size() && !sel.no_pristine; ++k) {
        const auto [scenario, policy] = e.combinations[k];
        if (is_pristine(policy) && scenarios_run.count(scenario)) keep[k] = true;
    }
    return keep;
}

std::string pair_list(const io::EnsembleSpec& e) {
    std::vector<std::string> pairs;
    for (const auto& [scenario, policy] : e.combinations)
        pairs.push_back(e.scenarios[scenario].name + "/" + e.policies[policy].name);
    return fmt::format("{}", fmt::join(pairs, ", "));
}

// Keeps the listed entries (flags by index) of `list`; returns each old index's new one (-1).
template <typename T> std::vector<int> keep_entries(std::vector<T>& list, std::vector<bool> used) {
    std::vector<int> new_index(list.size(), -1);
    std::vector<T> kept;
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (!used[k]) continue;
        new_index[k] = static_cast<int>(kept.size());
        kept.push_back(std::move(list[k]));
    }
    list = std::move(kept);
    return new_index;
}

void add_notes(LoadedStudy& s, const RunSelection& sel, const std::string& first_scenario,
               const std::string& first_policy, bool had_pristine) {
    const io::EnsembleSpec& e = s.ensemble;
    if (!s.baseline_scenario_selected) {
        s.selection_notes.push_back(fmt::format(
            "the selection leaves out the study's baseline scenario '{}': no stress row is "
            "compared with it (no change-from-baseline terms or transition windows against it), "
            "drought years are counted against each scenario's own median year, and each "
            "scenario's dry season is that of its own pristine run",
            first_scenario));
    }
    const bool scores_a_policy = std::any_of(e.policies.begin(), e.policies.end(),
                                             [](auto& p) { return p.name != io::kPristinePolicy; });
    if (!s.as_is_policy_selected && first_policy != io::kPristinePolicy && scores_a_policy) {
        s.selection_notes.push_back(fmt::format(
            "the selection leaves out the study's as-is policy '{}': no stress row is compared "
            "with it, and report.html's what-if section compares the policies with '{}', the "
            "first selected",
            first_policy, e.policies[0].name));
    }
    if (sel.no_pristine && had_pristine) {
        s.selection_notes.push_back(
            "--no-pristine: the stress rows have no upstream-impact terms and each run's dry "
            "season is its own (both are measured against the pristine runs)");
    }
}

} // namespace

void select_runs(LoadedStudy& s, const RunSelection& sel) {
    if (!sel.any()) return;
    io::EnsembleSpec& e = s.ensemble;
    check_names(s, "--scenario", "scenarios", sel.scenarios, names_of(e.scenarios));
    check_names(s, "--policy", "policies", sel.policies, names_of(e.policies));
    if (sel.no_pristine && contains(sel.policies, io::kPristinePolicy)) {
        throw io::InputError(fmt::format("{}: --no-pristine: found it with --policy {}; expected "
                                         "one or the other",
                                         s.study.path, io::kPristinePolicy));
    }
    const std::vector<bool> keep = kept_combinations(e, sel);
    if (std::none_of(keep.begin(), keep.end(), [](bool k) { return k; })) {
        throw io::InputError(fmt::format(
            "{}: --scenario/--policy: found no run of the study with scenario {} and policy {}{}; "
            "expected at least one of its pairs: {}",
            s.study.path, quoted(sel.scenarios), quoted(sel.policies),
            sel.no_pristine ? " (not pristine)" : "", pair_list(e)));
    }
    std::vector<bool> scenario_used(e.scenarios.size()), policy_used(e.policies.size());
    std::vector<std::pair<int, int>> combinations;
    for (std::size_t k = 0; k < keep.size(); ++k) {
        if (!keep[k]) continue;
        combinations.push_back(e.combinations[k]);
        scenario_used[e.combinations[k].first] = policy_used[e.combinations[k].second] = true;
    }
    const std::string first_scenario = e.scenarios[0].name, first_policy = e.policies[0].name;
    const bool had_pristine = contains(names_of(e.policies), io::kPristinePolicy);
    s.baseline_scenario_selected = scenario_used[0];
    s.as_is_policy_selected = policy_used[0];
    const std::vector<int> scenario_index = keep_entries(e.scenarios, scenario_used);
    const std::vector<int> policy_index = keep_entries(e.policies, policy_used);
    for (auto& [scenario, policy] : combinations) {
        scenario = scenario_index[scenario];
        policy = policy_index[policy];
    }
    e.combinations = std::move(combinations);
    add_notes(s, sel, first_scenario, first_policy, had_pristine);
}

LoadedStudy load_selected_study(const RunOptions& o) {
    LoadedStudy s = load_study(o.study_path, o.members);
    select_runs(s, o.selection);
    return s;
}

std::vector<std::string> selected_pairs(const LoadedStudy& s) {
    std::vector<std::string> pairs;
    for (const auto& [scenario, policy] : s.ensemble.combinations)
        pairs.push_back(s.ensemble.scenarios[scenario].name + "/" +
                        s.ensemble.policies[policy].name);
    return pairs;
}

std::string selection_fingerprint(const RunSelection& sel, const LoadedStudy& s) {
    if (!sel.any()) return {};
    return fmt::format("runs={}\n", fmt::join(selected_pairs(s), ","));
}

nlohmann::json selection_json(const RunSelection& sel) {
    return {
        {"scenarios", sel.scenarios}, {"policies", sel.policies}, {"no_pristine", sel.no_pristine}};
}

RunSelection selection_of(const nlohmann::json& j) {
    RunSelection sel;
    if (!j.is_object()) return sel;
    sel.scenarios = j.value("scenarios", std::vector<std::string>{});
    sel.policies = j.value("policies", std::vector<std::string>{});
    sel.no_pristine = j.value("no_pristine", false);
    return sel;
}

} // namespace riparia::app
