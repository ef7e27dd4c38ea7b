#include "app/compare_folder.hpp"

#include "io/input_error.hpp"
#include "io/results_node_labels.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>

namespace riparia::app {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const char* kind_of(const Json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "an array";
    return "an object";
}

const char* expected_kind(Json::value_t type) {
    switch (type) {
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::number_float:
        return "a number";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    default:
        return "an object";
    }
}

bool has_kind(const Json& v, Json::value_t type) {
    return type == Json::value_t::number_float ? v.is_number() : v.type() == type;
}

Json parse_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) throw io::InputError(fmt::format("{}: cannot read the file", path.string()));
    try {
        return Json::parse(text.str());
    } catch (const Json::parse_error& e) {
        throw io::InputError(fmt::format("{}: malformed JSON at byte {}: {}; expected the file "
                                         "riparia run writes",
                                         path.string(), e.byte, e.what()));
    }
}

// Every field of a stress row that compare reads; indicators are optional.
void check_stress_row(const std::string& file, const Json& row, const std::string& path) {
    if (!row.is_object()) {
        throw io::InputError(
            fmt::format("{}: {}: found {}; expected an object", file, path, kind_of(row)));
    }
    for (const char* key : {"scenario", "policy", "level", "item"})
        require(file, row, path, key, Json::value_t::string);
    for (const char* key : {"score_median", "score_p10", "score_p90", "class", "share_at_risk"})
        require(file, row, path, key, Json::value_t::number_float);
    require(file, row, path, "flag", Json::value_t::boolean);
    if (row.contains("indicators")) require(file, row, path, "indicators", Json::value_t::object);
}

Json stress_rows(const fs::path& file) {
    const Json stress = parse_file(file);
    if (!stress.is_object()) {
        throw io::InputError(fmt::format("{}: found {} at the top; expected an object with rows",
                                         file.string(), kind_of(stress)));
    }
    const Json& rows = require(file.string(), stress, "", "rows", Json::value_t::array);
    for (std::size_t k = 0; k < rows.size(); ++k)
        check_stress_row(file.string(), rows[k], json_path("rows", k));
    return rows;
}

// Sub-basins whose outflow crosses a border, and the outlets (as the run summary lists them).
std::vector<BorderPoint> border_points(const io::NodeLabels& nodes) {
    std::map<std::string, std::string> country;
    for (std::size_t k = 0; k < nodes.ids.size(); ++k)
        country[nodes.ids[k]] = nodes.countries[k];
    std::vector<BorderPoint> points;
    for (std::size_t k = 0; k < nodes.ids.size(); ++k) {
        const std::string& down = nodes.downstream_ids[k];
        if (down.empty()) {
            points.push_back({nodes.ids[k], nodes.countries[k] + " outlet"});
        } else if (country.count(down) && country[down] != nodes.countries[k]) {
            points.push_back({nodes.ids[k], nodes.countries[k] + "->" + country[down]});
        }
    }
    return points;
}

} // namespace

std::string json_path(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

std::string json_path(const std::string& parent, std::size_t index) {
    return fmt::format("{}[{}]", parent, index);
}

const Json& require(const std::string& file, const Json& object, const std::string& parent,
                    const std::string& key, Json::value_t type) {
    const std::string path = json_path(parent, key);
    if (!object.is_object() || !object.contains(key)) {
        throw io::InputError(
            fmt::format("{}: {}: missing; expected {}", file, path, expected_kind(type)));
    }
    const Json& value = object[key];
    if (!has_kind(value, type)) {
        throw io::InputError(fmt::format("{}: {}: found {}; expected {}", file, path,
                                         kind_of(value), expected_kind(type)));
    }
    return value;
}

RunFolder load_run_folder(const std::string& dir) {
    const fs::path folder(dir);
    if (!fs::is_directory(folder)) {
        throw io::InputError(fmt::format("{}: not a folder; expected a riparia run folder "
                                         "(the --out of riparia run)",
                                         dir));
    }
    const fs::path record_path = folder / "run.json", stress_path = folder / "stress.json";
    if (!fs::exists(record_path)) {
        throw io::InputError(fmt::format("{}: not a riparia run folder: no run.json; expected the "
                                         "--out folder of riparia run (run.json, stress.json)",
                                         dir));
    }
    if (!fs::exists(stress_path)) {
        throw io::InputError(fmt::format("{}: missing; expected the stress rows riparia run "
                                         "writes beside run.json",
                                         stress_path.string()));
    }
    RunFolder run;
    run.dir = dir;
    const Json record = parse_file(record_path);
    run.basin = require(record_path.string(), record, "", "basin", Json::value_t::string);
    run.runs = Json::array();
    if (record.contains("ensemble")) {
        const Json& e =
            require(record_path.string(), record, "", "ensemble", Json::value_t::object);
        run.runs = require(record_path.string(), e, "ensemble", "runs", Json::value_t::array);
    }
    run.stress_rows = stress_rows(stress_path);
    const fs::path results = folder / "results.nc";
    if (fs::exists(results)) run.borders = border_points(io::read_node_labels(results.string()));
    return run;
}

} // namespace riparia::app
