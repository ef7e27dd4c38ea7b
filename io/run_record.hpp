// run.json: the provenance record of a run — version, inputs with their SHA-256, options,
// timings per phase and the water balance.
#pragma once

#include "model/basin.hpp"
#include "model/simulation.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::io {

struct InputFile {
    std::string role; // "study", "basin", "forcing"
    std::string path;
    std::string sha256;
};

struct RunRecord {
    std::string version;
    std::string command_line;
    std::string study_name;
    std::string basin_name;
    std::string started_utc, finished_utc;
    std::vector<InputFile> inputs;
    nlohmann::json options = nlohmann::json::object();
    nlohmann::json timings_s = nlohmann::json::object(); // phase -> seconds
    std::vector<std::string> notes;
    nlohmann::json water_balance; // balance_to_json of the run, or the ensemble's worst
    nlohmann::json management;    // null for an unmanaged basin or an ensemble
    nlohmann::json ensemble;      // null for a single run: scenarios, policies, members, runs
    std::size_t state_bytes_per_subbasin = 0;
    std::size_t parameter_bytes_per_subbasin = 0;
};

nlohmann::json balance_to_json(const model::WaterBalance& balance, const model::Basin& basin);

// Yearly compliance of every agreement and environmental flow, and the management totals.
nlohmann::json management_to_json(const model::RunSummary& summary, const model::Basin& basin);

// Writes the record; throws std::runtime_error when the file cannot be written.
void write_run_record(const std::string& path, const RunRecord& record);

std::string utc_now_iso8601();

} // namespace riparia::io
