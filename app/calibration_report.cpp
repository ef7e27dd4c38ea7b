#include "app/calibration_report.hpp"

#include <fmt/format.h>

namespace riparia::app {

namespace {

const char* target_unit(const io::CalibrationTarget& t) {
    switch (t.kind) {
    case io::TargetKind::mean_annual_flow:
        return t.value_in_km3 ? "km3/yr" : "m3/s";
    case io::TargetKind::annual_flow_cv:
        return "-";
    case io::TargetKind::series:
        return io::metric_name(t.metric);
    }
    return "";
}

nlohmann::json groups_json(const CalibrationOutcome& o) {
    nlohmann::json groups = nlohmann::json::array();
    const auto& slots = o.problem->ranges();
    for (std::size_t g = 0; g < o.file->groups.size(); ++g) {
        const auto& group = o.file->groups[g];
        nlohmann::json parameters, bounds;
        for (std::size_t k = 0; k < slots.size(); ++k) {
            if (slots[k].group != g) continue;
            const std::string key = io::parameter_key(slots[k].range.parameter);
            parameters[key] = o.problem->physical(k, o.search.best_unit[k]);
            bounds[key] = {slots[k].range.lower, slots[k].range.upper};
        }
        groups.push_back({{"name", group.name},
                          {"subbasins", group.subbasin_ids},
                          {"parameters", parameters},
                          {"bounds", bounds}});
    }
    return groups;
}

nlohmann::json targets_json(const CalibrationOutcome& o) {
    nlohmann::json targets = nlohmann::json::array();
    for (std::size_t i = 0; i < o.file->targets.size(); ++i) {
        const auto& t = o.file->targets[i];
        nlohmann::json j = {{"kind", io::target_kind_name(t.kind)},
                            {"subbasin", t.subbasin_id},
                            {"weight", t.weight},
                            {"unit", target_unit(t)},
                            {"before", o.before.targets[i].simulated},
                            {"after", o.after.targets[i].simulated},
                            {"term_before", o.before.targets[i].term},
                            {"term_after", o.after.targets[i].term}};
        if (t.kind == io::TargetKind::series) {
            j["metric"] = io::metric_name(t.metric);
            j["file"] = t.series.file;
            j["observations"] = t.series.values.size();
        } else {
            j["target"] = t.value;
        }
        if (!t.source.empty()) j["source"] = t.source;
        targets.push_back(j);
    }
    return targets;
}

} // namespace

nlohmann::json calibration_json(const CalibrationOutcome& o) {
    const SearchResult& s = o.search;
    return {{"version", RIPARIA_VERSION},
            {"command_line", o.command_line},
            {"calibration_file", o.file->path},
            {"study", o.file->study_path},
            {"management", o.file->management},
            {"member", o.member},
            {"algorithm",
             {{"global", o.file->algorithm},
              {"global_nlopt", s.global_algorithm},
              {"global_status", s.global_status},
              {"global_evaluations", s.global_evaluations},
              {"local", o.file->local},
              {"local_nlopt", s.local_algorithm},
              {"local_status", s.local_status}}},
            {"seed", o.file->seed},
            {"max_evaluations", o.file->max_evaluations},
            {"evaluations", s.evaluations},
            {"objective", {{"before", o.before.objective}, {"after", o.after.objective}}},
            {"time_s", o.seconds},
            {"groups", groups_json(o)},
            {"targets", targets_json(o)}};
}

std::string calibration_table(const CalibrationOutcome& o) {
    std::string text = fmt::format("{:<16} {:<12} {:>12} {:>12} {:>12}  {}\n", "target",
                                   "sub-basin", "observed", "before", "after", "unit");
    for (std::size_t i = 0; i < o.file->targets.size(); ++i) {
        const auto& t = o.file->targets[i];
        const std::string observed =
            t.kind == io::TargetKind::series ? "1" : fmt::format("{:.4g}", t.value);
        text += fmt::format("{:<16} {:<12} {:>12} {:>12.4g} {:>12.4g}  {}\n",
                            io::target_kind_name(t.kind), t.subbasin_id, observed,
                            o.before.targets[i].simulated, o.after.targets[i].simulated,
                            target_unit(t));
    }
    text += fmt::format("objective {:.6g} -> {:.6g} after {} evaluations ({:.1f} s)\n",
                        o.before.objective, o.after.objective, o.search.evaluations, o.seconds);
    const auto& slots = o.problem->ranges();
    for (std::size_t k = 0; k < slots.size(); ++k) {
        text += fmt::format("  {}.{} = {:.6g}\n", o.file->groups[slots[k].group].name,
                            io::parameter_key(slots[k].range.parameter),
                            o.problem->physical(k, o.search.best_unit[k]));
    }
    return text;
}

} // namespace riparia::app
