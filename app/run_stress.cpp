#include "app/run_stress.hpp"

#include "app/run_stress_figures.hpp"
#include "io/ensemble_file.hpp"
#include "model/stress_score.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <stdexcept>

namespace riparia::app {

namespace {

// The run of the same member with another scenario or policy, if the study has it.
const nlohmann::json* sibling(const StudyPlan& plan, const nlohmann::json& runs,
                              const RunItem& item, int scenario, int policy) {
    for (const RunItem& other : plan.items()) {
        if (other.scenario == scenario && other.policy == policy && other.member == item.member)
            return &runs[other.index];
    }
    return nullptr;
}

int pristine_policy(const StudyPlan& plan) {
    const auto& policies = plan.study().ensemble.policies;
    for (std::size_t p = 0; p < policies.size(); ++p)
        if (policies[p].name == io::kPristinePolicy) return static_cast<int>(p);
    return -1;
}

// One item (the basin, a unit, a pair) of one scenario and policy over the members.
struct Row {
    std::string scenario, policy, level, item;
    std::vector<double> scores;
    std::vector<int> classes;
    std::vector<std::vector<std::string>> reasons;
};

double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const double at = q * static_cast<double>(v.size() - 1);
    const auto k = static_cast<std::size_t>(at);
    return k + 1 < v.size() ? v[k] + (at - static_cast<double>(k)) * (v[k + 1] - v[k]) : v[k];
}

nlohmann::json summarise(const Row& row, const model::StressConfig& config) {
    const double median = quantile(row.scores, 0.5);
    std::size_t at_risk = 0, typical = 0;
    for (std::size_t m = 0; m < row.scores.size(); ++m) {
        at_risk += row.classes[m] >= config.flag_class ? 1 : 0;
        if (std::abs(row.scores[m] - median) < std::abs(row.scores[typical] - median)) typical = m;
    }
    const double share = static_cast<double>(at_risk) / static_cast<double>(row.scores.size());
    return {{"scenario", row.scenario},
            {"policy", row.policy},
            {"level", row.level},
            {"item", row.item},
            {"score_median", median},
            {"score_p10", quantile(row.scores, 0.1)},
            {"score_p90", quantile(row.scores, 0.9)},
            {"class", model::risk_class(median, config)},
            {"members", row.scores.size()},
            {"share_at_risk", share},
            {"flag", share >= config.flag_member_share},
            {"reasons", row.reasons[typical]}}; // those of the member nearest the median
}

std::string csv_field(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void write_outputs(const nlohmann::json& rows, const std::string& csv_path,
                   const std::string& json_path) {
    std::ofstream csv(csv_path);
    csv << "scenario,policy,level,item,score_median,score_p10,score_p90,class,members,"
           "share_at_risk,flag,reasons\n";
    for (const auto& r : rows) {
        std::string reasons;
        for (const auto& text : r["reasons"])
            reasons += (reasons.empty() ? "" : "; ") + text.get<std::string>();
        csv << fmt::format(
            "{},{},{},{},{:.4f},{:.4f},{:.4f},{},{},{:.3f},{},{}\n", csv_field(r["scenario"]),
            csv_field(r["policy"]), r["level"].get<std::string>(), csv_field(r["item"]),
            r["score_median"].get<double>(), r["score_p10"].get<double>(),
            r["score_p90"].get<double>(), r["class"].get<int>(), r["members"].get<std::size_t>(),
            r["share_at_risk"].get<double>(), r["flag"].get<bool>() ? 1 : 0, csv_field(reasons));
    }
    std::ofstream json(json_path);
    json << nlohmann::json{{"rows", rows}}.dump(1) << '\n';
    if (!csv || !json) throw std::runtime_error("cannot write " + csv_path + " or " + json_path);
}

} // namespace

nlohmann::json write_run_stress(const StudyPlan& plan, const nlohmann::json& runs,
                                const model::StressConfig& config, const std::string& csv_path,
                                const std::string& json_path) {
    const auto& e = plan.study().ensemble;
    const int pristine = pristine_policy(plan);
    std::map<std::string, Row> rows;
    std::vector<std::string> order;
    auto add = [&](const RunItem& item, const char* level, const model::ScoredItem& scored) {
        const std::string key =
            fmt::format("{}|{}|{}|{}", item.scenario, item.policy, level, scored.label);
        if (!rows.count(key)) {
            order.push_back(key);
            rows[key] = {e.scenarios[item.scenario].name,
                         e.policies[item.policy].name,
                         level,
                         scored.label,
                         {},
                         {},
                         {}};
        }
        rows[key].scores.push_back(scored.score);
        rows[key].classes.push_back(scored.risk_class);
        rows[key].reasons.push_back(scored.reasons);
    };
    for (const RunItem& item : plan.items()) {
        if (item.policy == pristine) continue; // the counterfactual is not a policy to score
        const auto* baseline =
            item.scenario == 0 ? nullptr : sibling(plan, runs, item, 0, item.policy);
        const auto* natural =
            pristine < 0 ? nullptr : sibling(plan, runs, item, item.scenario, pristine);
        const model::BasinScore score = model::score_basin(
            run_figures(plan, item, runs[item.index], baseline, natural), config);
        add(item, "basin", score.basin);
        for (const auto& unit : score.units)
            add(item, "unit", unit);
        for (const auto& pair : score.pairs)
            add(item, "pair", pair);
    }
    nlohmann::json all = nlohmann::json::array(), basin_rows = nlohmann::json::array();
    for (const auto& key : order) {
        all.push_back(summarise(rows[key], config));
        if (rows[key].level == "basin") basin_rows.push_back(all.back());
    }
    write_outputs(all, csv_path, json_path);
    return basin_rows;
}

void print_stress_summary(const nlohmann::json& basin_rows) {
    if (basin_rows.empty()) return;
    fmt::print("conflict stress (score 0-5 and class 1-5: members' median; at risk: members in "
               "class >= 4):\n");
    for (const auto& r : basin_rows) {
        const auto& reasons = r["reasons"];
        fmt::print("  {:<22} {:<26} {:4.2f}  class {}  at risk {:3.0f} %{}\n    {}\n",
                   r["scenario"].get<std::string>(), r["policy"].get<std::string>(),
                   r["score_median"].get<double>(), r["class"].get<int>(),
                   100 * r["share_at_risk"].get<double>(), r["flag"].get<bool>() ? "  FLAG" : "",
                   reasons.empty() ? std::string() : reasons[0].get<std::string>());
    }
}

} // namespace riparia::app
