#include "io/run_record.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <stdexcept>

namespace riparia::io {

std::string utc_now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

nlohmann::json balance_to_json(const model::WaterBalance& balance, const model::Basin& basin) {
    nlohmann::json out;
    out["worst_relative_residual"] = balance.worst_relative_residual();
    out["basins"] = nlohmann::json::array();
    for (const auto& b : balance.basins) {
        out["basins"].push_back({{"outlet_id", b.outlet_id},
                                 {"precipitation_hm3", b.precip_hm3},
                                 {"actual_et_hm3", b.aet_hm3},
                                 {"groundwater_exchange_hm3", b.exchange_hm3},
                                 {"outflow_hm3", b.outflow_hm3},
                                 {"reach_loss_hm3", b.reach_loss_hm3},
                                 {"storage_start_hm3", b.storage_start_hm3},
                                 {"storage_end_hm3", b.storage_end_hm3},
                                 {"residual_hm3", b.residual_hm3()},
                                 {"relative_residual", b.relative_residual()}});
    }
    out["subbasins"] = nlohmann::json::array();
    for (std::size_t i = 0; i < balance.subbasins.size(); ++i) {
        const auto& b = balance.subbasins[i];
        out["subbasins"].push_back({{"id", basin.subbasins[i].id},
                                    {"precipitation_mm", b.precip_mm},
                                    {"actual_et_mm", b.aet_mm},
                                    {"groundwater_exchange_mm", b.exchange_mm},
                                    {"runoff_mm", b.runoff_mm},
                                    {"storage_start_mm", b.storage_start_mm},
                                    {"storage_end_mm", b.storage_end_mm},
                                    {"residual_mm", b.residual_mm()},
                                    {"relative_residual", b.relative_residual()}});
    }
    return out;
}

namespace {
// `by_volume`: an annual-volume agreement is honoured over the year when the flow at its point
// reaches the volume, whatever the days it came on; other kinds count what each day delivered.
nlohmann::json years_to_json(const std::vector<model::ComplianceYear>& years, bool by_volume) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& y : years) {
        const double counted = by_volume ? std::min(y.flow_hm3, y.required_hm3) : y.delivered_hm3;
        out.push_back({{"year", y.year},
                       {"required_hm3", y.required_hm3},
                       {"delivered_hm3", y.delivered_hm3},
                       {"flow_hm3", y.flow_hm3},
                       {"compliance", y.required_hm3 > 0 ? counted / y.required_hm3 : 1.0},
                       {"days_short", y.days_short}});
    }
    return out;
}
} // namespace

nlohmann::json management_to_json(const model::RunSummary& summary, const model::Basin& basin) {
    const auto& m = basin.management;
    nlohmann::json out;
    out["agreements"] = nlohmann::json::array();
    for (std::size_t a = 0; a < m.agreements.size(); ++a) {
        const bool by_volume = m.agreements[a].kind == model::AgreementKind::annual_volume;
        out["agreements"].push_back(
            {{"id", m.agreements[a].id},
             {"name", m.agreements[a].name},
             {"countries", {m.agreements[a].upstream_country, m.agreements[a].downstream_country}},
             {"compliance_by", by_volume ? "annual volume" : "day"},
             {"years", years_to_json(summary.agreement_compliance[a], by_volume)}});
    }
    out["environmental_flows"] = nlohmann::json::array();
    for (std::size_t k = 0; k < m.environmental_flows.size(); ++k) {
        out["environmental_flows"].push_back(
            {{"id", m.environmental_flows[k].id},
             {"years", years_to_json(summary.flow_compliance[k], false)}});
    }
    const auto& t = summary.management_totals;
    out["totals_hm3"] = {{"withdrawn", t.withdrawn},
                         {"consumed", t.consumed},
                         {"returned", t.returned},
                         {"reservoir_evaporation", t.evaporated}};
    return out;
}

void write_run_record(const std::string& path, const RunRecord& r) {
    nlohmann::json j;
    j["riparia_version"] = r.version;
    j["command_line"] = r.command_line;
    j["study"] = r.study_name;
    j["basin"] = r.basin_name;
    j["started_utc"] = r.started_utc;
    j["finished_utc"] = r.finished_utc;
    j["inputs"] = nlohmann::json::array();
    for (const auto& f : r.inputs) {
        j["inputs"].push_back({{"role", f.role}, {"path", f.path}, {"sha256", f.sha256}});
    }
    j["options"] = r.options;
    j["timings_s"] = r.timings_s;
    j["memory_bytes_per_subbasin"] = {{"state", r.state_bytes_per_subbasin},
                                      {"parameters", r.parameter_bytes_per_subbasin}};
    j["notes"] = r.notes;
    j["water_balance"] = r.water_balance;
    if (!r.management.is_null()) j["management"] = r.management;
    if (!r.ensemble.is_null()) j["ensemble"] = r.ensemble;
    std::ofstream out(path);
    out << j.dump(2) << '\n';
    if (!out) throw std::runtime_error(fmt::format("{}: cannot write the run record", path));
}

} // namespace riparia::io
