#include "app/report_data.hpp"

#include "app/report_charts.hpp"
#include "io/input_error.hpp"
#include "io/report_layers.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>

namespace riparia::app {

namespace {

namespace fs = std::filesystem;

// Unit outlines are thinned to about 2 km: plenty for a page-wide basin map.
constexpr double kMapToleranceDeg = 0.02;

nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw io::InputError(fmt::format("{}: cannot be read; expected the file riparia run "
                                         "writes in its output folder",
                                         path));
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw io::InputError(fmt::format("{}: {}; expected JSON", path, e.what()));
    }
}

nlohmann::json provenance(const nlohmann::json& record) {
    nlohmann::json inputs = nlohmann::json::array();
    for (const auto& input : record.value("inputs", nlohmann::json::array())) {
        inputs.push_back({{"role", input.value("role", "")},
                          {"file", fs::path(input.value("path", "")).filename().string()},
                          {"sha256", input.value("sha256", "").substr(0, 12)}});
    }
    const nlohmann::json options = record.value("options", nlohmann::json::object());
    const nlohmann::json balance = record.value("water_balance", nlohmann::json::object());
    return {{"study", record.value("study", "")},
            {"basin", record.value("basin", "")},
            {"version", record.value("riparia_version", "")},
            {"started_utc", record.value("started_utc", "")},
            {"finished_utc", record.value("finished_utc", "")},
            {"start", options.value("start", "")},
            {"end", options.value("end", "")},
            {"output_period", options.value("output_period", "")},
            {"total_s", record.value("timings_s", nlohmann::json::object()).value("total", 0.0)},
            {"worst_relative_residual", balance.value("worst_relative_residual", 0.0)},
            {"inputs", inputs}};
}

// Names and descriptions of the scenarios or policies (the layout's labels for a single run).
nlohmann::json named_list(const nlohmann::json& record, const char* key,
                          const std::vector<std::string>& labels) {
    nlohmann::json out = nlohmann::json::array();
    const nlohmann::json ensemble = record.value("ensemble", nlohmann::json());
    for (const std::string& label : labels) {
        std::string description;
        if (ensemble.is_object()) {
            for (const auto& item : ensemble[key]) {
                if (item.value("name", "") == label) description = item.value("description", "");
            }
        }
        out.push_back({{"name", label}, {"description", description}});
    }
    return out;
}

// Agreement and environmental-flow ids -> names, over every run's management record.
nlohmann::json agreement_names(const nlohmann::json& record) {
    nlohmann::json names = nlohmann::json::object();
    auto add = [&](const nlohmann::json& management) {
        if (!management.is_object()) return;
        for (const char* kind : {"agreements", "environmental_flows"}) {
            for (const auto& a : management.value(kind, nlohmann::json::array())) {
                names[a.value("id", "")] = a.value("name", a.value("id", ""));
            }
        }
    };
    add(record.value("management", nlohmann::json()));
    const nlohmann::json ensemble = record.value("ensemble", nlohmann::json());
    if (ensemble.is_object()) {
        for (const auto& run : ensemble["runs"])
            add(run.value("management", nlohmann::json()));
    }
    return names;
}

nlohmann::json stress_rows(const nlohmann::json& stress) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : stress.value("rows", nlohmann::json::array())) {
        rows.push_back({{"scenario", r.value("scenario", "")},
                        {"policy", r.value("policy", "")},
                        {"level", r.value("level", "")},
                        {"item", r.value("item", "")},
                        {"class", r.value("class", 0)},
                        {"median", significant(r.value("score_median", 0.0), 3)},
                        {"p10", significant(r.value("score_p10", 0.0), 3)},
                        {"p90", significant(r.value("score_p90", 0.0), 3)},
                        {"share_at_risk", significant(r.value("share_at_risk", 0.0), 3)},
                        {"flag", r.value("flag", false)},
                        {"reasons", r.value("reasons", nlohmann::json::array())}});
    }
    return rows;
}

nlohmann::json ring_json(const io::Ring& ring) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : ring)
        out.push_back({significant(p[0], 6), significant(p[1], 6)});
    return out;
}

nlohmann::json map_data(const std::string& gpkg) {
    if (!fs::exists(gpkg)) {
        return {{"note", "layers.gpkg is not in the run folder: the map is left out."}};
    }
    const io::ReportLayers layers = io::read_report_layers(gpkg, kMapToleranceDeg);
    nlohmann::json units = nlohmann::json::array(), points = nlohmann::json::array();
    for (const auto& u : layers.units) {
        nlohmann::json rings = nlohmann::json::array();
        for (const auto& ring : u.rings)
            rings.push_back(ring_json(ring));
        units.push_back({{"unit", u.unit}, {"rings", rings}});
    }
    for (const auto& b : layers.border_points) {
        points.push_back(
            {{"node", b.node_id},
             {"from", b.from_country},
             {"to", b.to_country},
             {"lonlat", {significant(b.position[0], 6), significant(b.position[1], 6)}}});
    }
    return {{"units", units}, {"border_points", points}};
}

std::vector<std::string> labels_of(const std::vector<std::string>& values) {
    std::set<std::string> unique(values.begin(), values.end());
    return {unique.begin(), unique.end()};
}

} // namespace

ReportFolder ReportFolder::in(const std::string& dir) {
    return {dir + "/run.json", dir + "/stress.json", dir + "/results.nc", dir + "/layers.gpkg"};
}

nlohmann::json report_data(const ReportFolder& folder,
                           const std::map<std::string, std::string>& demand_country) {
    const nlohmann::json record = read_json(folder.run_json);
    const nlohmann::json stress = read_json(folder.stress_json);
    const io::ReportResults results(folder.results_nc);
    const io::ResultsLayout& l = results.layout();
    MemberFigures figures = member_figures(results, demand_country);
    add_compliance(record, l, figures);
    std::vector<std::string> countries;
    for (const auto& [demand, country] : demand_country)
        countries.push_back(country);
    return {{"provenance", provenance(record)},
            {"scenarios", named_list(record, "scenarios", l.scenarios)},
            {"policies", named_list(record, "policies", l.policies)},
            {"members", l.members.size()},
            {"demand_countries", labels_of(countries)},
            {"agreements", agreement_names(record)},
            {"stress", stress_rows(stress)},
            {"map", map_data(folder.layers_gpkg)},
            {"borders", border_hydrographs(results)},
            {"storage", reservoir_storage(results)},
            {"figures", figure_spreads(figures)},
            {"differences", figure_differences(figures)}};
}

} // namespace riparia::app
