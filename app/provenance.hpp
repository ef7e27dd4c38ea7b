// The provenance of a run: its input files with checksums, the fingerprint a resumed run or a
// shard must match, and run.json's record assembled from the runs' summaries.
#pragma once

#include "app/commands.hpp"
#include "app/forcing_library.hpp"
#include "app/study_plan.hpp"
#include "io/run_record.hpp"
#include "model/stress_config.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::app {

// `stress_config`: the --stress-config file, empty for the built-in weights.
std::vector<io::InputFile> input_files(const LoadedStudy& s, const ForcingLibrary& forcing,
                                       const std::string& stress_config);

// The stress score's weights and thresholds: the --stress-config file, else the built-in ones.
model::StressConfig stress_config_of(const RunOptions& o);

// SHA-256 over the inputs' checksums, the version and the options that change the outputs
// (with the runs a --scenario/--policy selection kept in `s`).
std::string fingerprint_of(const std::vector<io::InputFile>& inputs, const RunOptions& o,
                           const LoadedStudy& s);

// Fills run.json's record from the summaries of every run (plan order).
void finish_record(io::RunRecord& record, const StudyPlan& plan, const nlohmann::json& runs,
                   const RunOptions& o, const std::string& out,
                   const std::vector<std::string>& notes);

} // namespace riparia::app
