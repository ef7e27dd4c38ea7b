#include "app/run_stress.hpp"

#include "app/run_stress_figures.hpp"
#include "app/run_stress_rows.hpp"
#include "app/run_stress_transition.hpp"
#include "app/run_stress_water.hpp"
#include "io/ensemble_file.hpp"
#include "model/stress_indicator_table.hpp"
#include "model/stress_score.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

namespace riparia::app {

namespace {

// The item of the same member with another scenario or policy, if the study has it.
const RunItem* sibling(const StudyPlan& plan, const RunItem& item, int scenario, int policy) {
    for (const RunItem& other : plan.items()) {
        if (other.scenario == scenario && other.policy == policy && other.member == item.member)
            return &other;
    }
    return nullptr;
}

int pristine_policy(const StudyPlan& plan) {
    const auto& policies = plan.study().ensemble.policies;
    for (std::size_t p = 0; p < policies.size(); ++p)
        if (policies[p].name == io::kPristinePolicy) return static_cast<int>(p);
    return -1;
}

// The as-is policy the others are compared with: the study's first policy, unless it is pristine
// or a run selection left it out (app/run_selection.hpp).
int as_is_policy(const StudyPlan& plan) {
    const auto& policies = plan.study().ensemble.policies;
    return !policies.empty() && policies[0].name != io::kPristinePolicy &&
                   plan.study().as_is_policy_selected
               ? 0
               : -1;
}

// The baseline scenario the others are compared with: the study's first, unless a run selection
// left it out; then each scenario's dry season is that of its own pristine run.
int baseline_scenario(const StudyPlan& plan) {
    return plan.study().baseline_scenario_selected ? 0 : -1;
}

std::vector<RunWater> waters_of(const StudyPlan& plan, const nlohmann::json& runs) {
    std::vector<RunWater> water(runs.size());
    for (const RunItem& item : plan.items())
        water[item.index] = run_water(plan.basin_for(item), runs[item.index]["statistics"]);
    return water;
}

std::string pair_label(const model::BasinFigures& f, const model::PairFigures& p) {
    return f.units[p.upstream].name + " -> " + f.units[p.downstream].name;
}

// Pairs scored in every run: those the river crosses, and those where the upstream country
// generates at least `min_share` of the downstream country's water in some run, so that every
// member has the same rows.
void keep_pairs(std::vector<model::BasinFigures>& figures, double min_share) {
    std::set<std::string> kept;
    for (const auto& f : figures)
        for (const auto& p : f.pairs)
            if (p.border || p.share_from_upstream >= min_share) kept.insert(pair_label(f, p));
    for (auto& f : figures)
        std::erase_if(f.pairs, [&](const auto& p) { return !kept.count(pair_label(f, p)); });
}

struct RowKey {
    int scenario = 0, policy = 0;
    std::string level, item;
    auto operator<=>(const RowKey&) const = default;
};

struct RowTable {
    std::map<RowKey, StressRow> rows;
    std::vector<RowKey> order;
    const StressRow* find(const RowKey& key) const {
        const auto at = rows.find(key);
        return at == rows.end() ? nullptr : &at->second;
    }
    void add(const StudyPlan& plan, const RunItem& item, const std::string& level,
             const std::string& label, MemberResult result) {
        const auto& e = plan.study().ensemble;
        const RowKey key{item.scenario, item.policy, level, label};
        if (!rows.count(key)) {
            order.push_back(key);
            rows[key] = {
                e.scenarios[item.scenario].name, e.policies[item.policy].name, level, label, {}};
        }
        rows[key].members.push_back(std::move(result));
    }
};

// A basin row's reasons: its own changes against the as-is policy and the baseline scenario,
// then the reasons of the unit or pair with the highest median score under the same scenario and
// policy (a basin scores as its highest item, docs/stress.md), the first naming that item. The
// item's reasons lead with its own changes and transition windows, which say what the policy or
// scenario does.
void lead_with_highest_item(nlohmann::json& rows) {
    for (auto& basin : rows) {
        if (basin["level"] != "basin") continue;
        const nlohmann::json* top = nullptr;
        for (const auto& r : rows)
            if (r["level"] != "basin" && r["scenario"] == basin["scenario"] &&
                r["policy"] == basin["policy"] && !r["reasons"].empty() &&
                (!top || r["score_median"].get<double>() > (*top)["score_median"].get<double>()))
                top = &r;
        if (!top) continue;
        const auto& from = (*top)["reasons"];
        basin["reasons"].push_back(fmt::format("{} (the highest score, that of {})",
                                               from[0].get<std::string>(),
                                               (*top)["item"].get<std::string>()));
        for (std::size_t k = 1; k < from.size(); ++k)
            basin["reasons"].push_back(from[k]);
    }
}

MemberResult member_result(const RunItem& item, const model::ScoredItem& scored,
                           std::vector<double> indicators,
                           std::vector<std::pair<std::string, double>> compared) {
    return {static_cast<std::size_t>(item.member),
            scored.score,
            scored.risk_class,
            scored.reasons,
            std::move(indicators),
            std::move(compared)};
}

void add_run(RowTable& table, const StudyPlan& plan, const RunItem& item,
             const model::BasinFigures& f, const model::StressConfig& config) {
    const model::BasinScore score = model::score_basin(f, config);
    model::ScoredItem basin = score.basin;
    basin.reasons.clear(); // the summarised row takes its highest item's (lead_with_highest_item)
    table.add(plan, item, "basin", f.name,
              member_result(item, basin, model::basin_indicators(f, config),
                            {{"available water in the basin", f.whole.available_m3},
                             {"withdrawals in the basin", f.whole.withdrawal_m3}}));
    for (std::size_t u = 0; u < f.units.size(); ++u) {
        const auto& unit = f.units[u];
        table.add(plan, item, "unit", score.units[u].label,
                  member_result(item, score.units[u], model::unit_indicators(f, u, config),
                                {{"inflow to " + unit.name, unit.inflow_m3},
                                 {"dry-season inflow to " + unit.name, unit.dry_inflow_m3},
                                 {"available water in " + unit.name, unit.available_m3},
                                 {"dry-season water in " + unit.name, unit.dry_available_m3},
                                 {"withdrawals in " + unit.name, unit.withdrawal_m3}}));
    }
    for (std::size_t p = 0; p < f.pairs.size(); ++p) {
        const auto& pair = f.pairs[p];
        const std::string what =
            fmt::format("water reaching {} from or through {}", f.units[pair.downstream].name,
                        f.units[pair.upstream].name);
        table.add(
            plan, item, "pair", score.pairs[p].label,
            member_result(item, score.pairs[p], model::pair_indicators(f, p, config),
                          {{what, pair.inflow_m3}, {"dry-season " + what, pair.dry_inflow_m3}}));
    }
}

std::string csv_field(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_number(const nlohmann::json& v) {
    return v.is_null() ? std::string() : fmt::format("{:.6g}", v.get<double>());
}

// The transition indicators, whose window (years, members cut) has columns of its own.
constexpr const char* kTransitionKeys[] = {"transition_inflow", "transition_dry_inflow"};

void write_csv(const nlohmann::json& rows, std::ostream& csv) {
    const auto& catalogue = model::indicator_catalogue();
    csv << "scenario,policy,level,item,score_median,score_p10,score_p90,class,members,"
           "share_at_risk,flag";
    for (const auto& info : catalogue)
        csv << ',' << info.column;
    for (const auto& info : catalogue)
        csv << ',' << info.column << "_change";
    for (const auto* key : kTransitionKeys)
        csv << ',' << key << "_years," << key << "_members_cut";
    csv << ",reasons\n";
    for (const auto& r : rows) {
        std::string reasons;
        for (const auto& text : r["reasons"])
            reasons += (reasons.empty() ? "" : "; ") + text.get<std::string>();
        csv << fmt::format(
            "{},{},{},{},{:.4f},{:.4f},{:.4f},{},{},{:.3f},{}", csv_field(r["scenario"]),
            csv_field(r["policy"]), r["level"].get<std::string>(), csv_field(r["item"]),
            r["score_median"].get<double>(), r["score_p10"].get<double>(),
            r["score_p90"].get<double>(), r["class"].get<int>(), r["members"].get<std::size_t>(),
            r["share_at_risk"].get<double>(), r["flag"].get<bool>() ? 1 : 0);
        const auto& indicators = r["indicators"];
        for (const char* field : {"median", "change_from_baseline_median"})
            for (const auto& info : catalogue) {
                const bool known =
                    indicators.contains(info.key) && indicators[info.key].contains(field);
                csv << ',' << (known ? csv_number(indicators[info.key][field]) : std::string());
            }
        for (const auto* key : kTransitionKeys) {
            const bool known = indicators.contains(key) && indicators[key].contains("years");
            csv << ',' << (known ? indicators[key]["years"].get<std::string>() : "") << ','
                << (known ? std::to_string(indicators[key]["members_cut_over_notable"].get<int>())
                          : "");
        }
        csv << ',' << csv_field(reasons) << '\n';
    }
}

// Written under a temporary name and renamed when complete.
void write_outputs(const nlohmann::json& rows, const std::string& csv_path,
                   const std::string& json_path) {
    {
        std::ofstream csv(csv_path + ".tmp");
        write_csv(rows, csv);
        std::ofstream json(json_path + ".tmp");
        json << nlohmann::json{{"rows", rows}}.dump(1) << '\n';
        if (!csv || !json)
            throw std::runtime_error("cannot write " + csv_path + " or " + json_path);
    }
    std::filesystem::rename(csv_path + ".tmp", csv_path);
    std::filesystem::rename(json_path + ".tmp", json_path);
}

} // namespace

nlohmann::json write_run_stress(const StudyPlan& plan, const nlohmann::json& runs,
                                const model::StressConfig& config, const std::string& csv_path,
                                const std::string& json_path) {
    const int pristine = pristine_policy(plan), baseline = baseline_scenario(plan);
    const std::vector<RunWater> water = waters_of(plan, runs);
    std::vector<const RunItem*> scored;
    std::vector<model::BasinFigures> figures;
    std::vector<RunInflows> inflows;
    for (const RunItem& item : plan.items()) {
        if (item.policy == pristine) continue; // the counterfactual is not a policy to score
        const RunItem* base = baseline < 0 || item.scenario == baseline
                                  ? nullptr
                                  : sibling(plan, item, baseline, item.policy);
        const RunItem* natural =
            pristine < 0 ? nullptr : sibling(plan, item, item.scenario, pristine);
        const RunItem* season =
            pristine < 0 ? nullptr
                         : sibling(plan, item, baseline < 0 ? item.scenario : baseline, pristine);
        const RunWaters w{water[item.index], base ? &water[base->index] : nullptr,
                          natural ? &water[natural->index] : nullptr,
                          season ? water[season->index] : water[item.index]};
        scored.push_back(&item);
        figures.push_back(run_figures(plan, item, runs[item.index], w, config));
        inflows.push_back(run_inflows(w));
    }
    keep_pairs(figures, config.min_pair_share);
    const int as_is = as_is_policy(plan);
    const TransitionTable transitions =
        find_transitions(plan, scored, inflows, as_is, figures, config);
    RowTable table;
    for (std::size_t k = 0; k < scored.size(); ++k)
        add_run(table, plan, *scored[k], figures[k], config);
    nlohmann::json all = nlohmann::json::array(), basin_rows = nlohmann::json::array();
    for (const auto& key : table.order) {
        const StressRow& row = table.rows.at(key);
        RowReferences refs;
        if (key.policy != as_is && as_is >= 0)
            refs.as_is = table.find({key.scenario, as_is, key.level, key.item});
        if (baseline >= 0 && key.scenario != baseline)
            refs.baseline = table.find({baseline, key.policy, key.level, key.item});
        const auto t = transitions.find({key.scenario, key.policy, key.level, key.item});
        if (t != transitions.end()) refs.transition = &t->second;
        all.push_back(summarise_row(row, refs, config));
    }
    lead_with_highest_item(all);
    for (const auto& row : all)
        if (row["level"] == "basin") basin_rows.push_back(row);
    write_outputs(all, csv_path, json_path);
    return basin_rows;
}

void print_stress_summary(const nlohmann::json& basin_rows) {
    if (basin_rows.empty()) return;
    fmt::print("conflict stress (score 0-5 and class 1-5: members' median; at risk: members in "
               "class >= 4):\n");
    for (const auto& r : basin_rows) {
        const auto& reasons = r["reasons"];
        fmt::print("  {:<22} {:<26} {:4.2f}  class {}  at risk {:3.0f} %{}\n",
                   r["scenario"].get<std::string>(), r["policy"].get<std::string>(),
                   r["score_median"].get<double>(), r["class"].get<int>(),
                   100 * r["share_at_risk"].get<double>(), r["flag"].get<bool>() ? "  FLAG" : "");
        if (reasons.empty()) continue;
        // The first reason is the largest term; the others are in stress.json and stress.csv.
        fmt::print("    {}{}\n", reasons[0].get<std::string>(),
                   reasons.size() > 1
                       ? fmt::format(" (+{} more in stress.json)", reasons.size() - 1)
                       : std::string());
    }
}

} // namespace riparia::app
