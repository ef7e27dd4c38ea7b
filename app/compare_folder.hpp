// One side of `riparia compare`: a riparia run folder read back — run.json (the provenance
// record, with ensemble.runs) and stress.json (the stress rows) — checked for the fields the
// comparison uses. Anything missing or malformed is an io::InputError naming the file, the key
// (as a JSON path) and what was expected.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::app {

// A point where the river leaves a country or the basin: "FR2" with label "FRA->BEL".
struct BorderPoint {
    std::string node_id, label;
};

struct RunFolder {
    std::string dir;
    std::string basin;                // run.json "basin"
    nlohmann::json runs;              // run.json ensemble.runs (an empty array for a single run)
    nlohmann::json stress_rows;       // stress.json "rows", each checked
    std::vector<BorderPoint> borders; // from results.nc's node labels; empty without results.nc
};

RunFolder load_run_folder(const std::string& dir);

// The path of a JSON value for messages: "rows[3].indicators".
std::string json_path(const std::string& parent, const std::string& key);
std::string json_path(const std::string& parent, std::size_t index);

// Typed access that throws InputError "FILE: PATH: found TYPE; expected WHAT".
const nlohmann::json& require(const std::string& file, const nlohmann::json& object,
                              const std::string& parent, const std::string& key,
                              nlohmann::json::value_t type);

} // namespace riparia::app
