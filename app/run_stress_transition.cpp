#include "app/run_stress_transition.hpp"

#include "model/stress_season.hpp"

#include <array>
#include <cmath>
#include <numeric>

namespace riparia::app {

namespace {

using ItemKey = std::pair<std::string, std::string>; // (level, label)

// Yearly totals of month volumes, and the totals over the dry season of `season` when known.
YearlyInflow yearly_of(const std::vector<model::MonthlyVolumes>& months,
                       const model::MonthlyVolumes& season) {
    const bool known =
        std::none_of(season.begin(), season.end(), [](double v) { return std::isnan(v); });
    const std::array<int, 3> dry = known ? model::driest_months(season) : std::array<int, 3>{};
    YearlyInflow out;
    for (const auto& year : months) {
        out.inflow_km3.push_back(std::accumulate(year.begin(), year.end(), 0.0));
        if (known) out.dry_inflow_km3.push_back(model::season_total(year, dry));
    }
    return out;
}

// One way of comparing a row: the run it is compared with, and the words for it.
struct Reference {
    int scenario = 0, policy = 0;
    std::string cause, against;
};

std::vector<Reference> references_of(const StudyPlan& plan, int scenario, int policy, int as_is) {
    const auto& e = plan.study().ensemble;
    std::vector<Reference> out;
    if (as_is >= 0 && policy != as_is)
        out.push_back({scenario, as_is, "'" + e.policies[policy].name + "'",
                       "the '" + e.policies[as_is].name + "' policy"});
    if (scenario != 0 && plan.study().baseline_scenario_selected) // app/run_selection.hpp
        out.push_back({0, policy, "the '" + e.scenarios[scenario].name + "' scenario",
                       "the '" + e.scenarios[0].name + "' scenario"});
    return out;
}

// The yearly series of an item in a run; zeros when nothing of it flows in that run.
std::vector<double> series_of(const RunInflows& run, const ItemKey& item, bool dry) {
    const auto at = run.items.find(item);
    if (at == run.items.end()) return std::vector<double>(run.years.size(), 0.0);
    return dry ? at->second.dry_inflow_km3 : at->second.inflow_km3;
}

// The words of an item's quantity: "inflow to EGY", "water reaching EGY from or through ETH".
std::string quantity_of(const ItemKey& item, bool dry) {
    const std::string prefix = dry ? "dry-season " : "";
    if (item.first == "unit") return prefix + "inflow to " + item.second;
    const auto arrow = item.second.find(" -> ");
    return prefix + "water reaching " + item.second.substr(arrow + 4) + " from or through " +
           item.second.substr(0, arrow);
}

struct Found {
    QuantityTransition transition;
    std::vector<std::size_t> runs; // the figures of each member in transition.window.changes
};

std::optional<Found> against_reference(const std::vector<std::size_t>& group,
                                       const std::map<std::array<int, 3>, std::size_t>& index,
                                       const std::vector<const RunItem*>& runs,
                                       const std::vector<RunInflows>& inflows, const ItemKey& item,
                                       bool dry, const Reference& ref,
                                       const model::StressConfig& c) {
    Found f;
    std::vector<std::vector<double>> series, reference;
    for (const std::size_t k : group) {
        const auto at = index.find({ref.scenario, ref.policy, runs[k]->member});
        if (at == index.end()) continue;
        series.push_back(series_of(inflows[k], item, dry));
        reference.push_back(series_of(inflows[at->second], item, dry));
        f.runs.push_back(k);
    }
    const auto window = model::largest_cut_window(
        series, reference, static_cast<std::size_t>(c.transition_window_years), c.notable_change);
    if (!window.known()) return std::nullopt;
    f.transition.window = window;
    f.transition.against = ref.against;
    f.transition.years = model::window_years_text(inflows[group.front()].years.front(), window);
    f.transition.sentence =
        model::transition_sentence(ref.cause, quantity_of(item, dry), f.transition.years,
                                   ref.against, window, c.notable_change);
    return f;
}

model::TransitionFigures* transition_figures(model::BasinFigures& f, const ItemKey& item) {
    for (auto& u : f.units)
        if (item.first == "unit" && u.name == item.second) return &u.transition;
    for (auto& p : f.pairs)
        if (item.first == "pair" &&
            f.units[p.upstream].name + " -> " + f.units[p.downstream].name == item.second)
            return &p.transition;
    return nullptr;
}

// Writes each member's change in the chosen window into its figures.
void give_members(const Found& f, const ItemKey& item, bool dry,
                  std::vector<model::BasinFigures>& figures) {
    const std::string window = "in " + f.transition.years + " against " + f.transition.against;
    for (std::size_t m = 0; m < f.runs.size(); ++m) {
        model::TransitionFigures* t = transition_figures(figures[f.runs[m]], item);
        if (!t) continue; // a pair not scored
        (dry ? t->dry_inflow_change : t->inflow_change) = f.transition.window.changes[m];
        (dry ? t->dry_inflow_window : t->inflow_window) = window;
    }
}

// The runs the others are compared with: every item with an inflow gets the known change 0.
void mark_references(const std::vector<std::size_t>& group, const std::vector<RunInflows>& inflows,
                     std::vector<model::BasinFigures>& figures) {
    for (const std::size_t k : group)
        for (const auto& [item, yearly] : inflows[k].items) {
            const double total =
                std::accumulate(yearly.inflow_km3.begin(), yearly.inflow_km3.end(), 0.0);
            model::TransitionFigures* t = transition_figures(figures[k], item);
            if (t && total > 0) t->reference = true;
        }
}

} // namespace

RunInflows run_inflows(const RunWaters& w) {
    RunInflows out;
    out.years = w.run.calendar_years;
    const auto& countries = w.run.countries;
    for (std::size_t to = 0; to < w.run.year_month_inflow_km3.size(); ++to) {
        const auto& season = w.season.month_available_km3[to];
        if (!w.run.year_month_inflow_km3[to].empty())
            out.items[{"unit", countries[to]}] = yearly_of(w.run.year_month_inflow_km3[to], season);
        for (std::size_t from = 0; from < countries.size(); ++from)
            if (from != to && !w.run.year_month_through_km3[to][from].empty())
                out.items[{"pair", countries[from] + " -> " + countries[to]}] =
                    yearly_of(w.run.year_month_through_km3[to][from], season);
    }
    return out;
}

TransitionTable find_transitions(const StudyPlan& plan, const std::vector<const RunItem*>& runs,
                                 const std::vector<RunInflows>& inflows, int as_is,
                                 std::vector<model::BasinFigures>& figures,
                                 const model::StressConfig& c) {
    std::map<std::array<int, 3>, std::size_t> index; // (scenario, policy, member) -> run
    std::map<std::pair<int, int>, std::vector<std::size_t>> groups;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        index[{runs[k]->scenario, runs[k]->policy, runs[k]->member}] = k;
        groups[{runs[k]->scenario, runs[k]->policy}].push_back(k);
    }
    TransitionTable table;
    bool compared = false;
    for (const auto& [group_key, group] : groups) {
        const auto refs = references_of(plan, group_key.first, group_key.second, as_is);
        compared = compared || !refs.empty();
        if (refs.empty() || inflows[group.front()].years.empty()) continue;
        for (const auto& [item, yearly] : inflows[group.front()].items) {
            RowTransitions& row =
                table[{group_key.first, group_key.second, item.first, item.second}];
            for (const bool dry : {false, true}) {
                std::optional<Found> best;
                for (const Reference& ref : refs) {
                    auto f = against_reference(group, index, runs, inflows, item, dry, ref, c);
                    if (f &&
                        (!best || f->transition.window.median < best->transition.window.median))
                        best = std::move(f);
                }
                if (!best) continue;
                give_members(*best, item, dry, figures);
                (dry ? row.dry_inflow : row.inflow) = best->transition;
            }
        }
    }
    if (compared)
        for (const auto& [group_key, group] : groups)
            if (references_of(plan, group_key.first, group_key.second, as_is).empty())
                mark_references(group, inflows, figures);
    return table;
}

} // namespace riparia::app
