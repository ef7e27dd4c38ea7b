#include "app/provenance.hpp"

#include "app/assemble.hpp"
#include "app/mpi_session.hpp"
#include "app/run_selection.hpp"
#include "io/checksum.hpp"
#include "io/stress_config.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <omp.h>

namespace riparia::app {

namespace fs = std::filesystem;

namespace {
io::InputFile input_file(const std::string& role, const std::string& path) {
    const std::string absolute = fs::weakly_canonical(path).string();
    return {role, absolute, io::sha256_of_file(path)};
}

} // namespace

std::vector<io::InputFile> input_files(const LoadedStudy& s, const ForcingLibrary& forcing,
                                       const std::string& stress_config) {
    std::vector<io::InputFile> files = {input_file("study", s.study.path),
                                        input_file("basin", s.basin.path)};
    // The sub-basin polygons draw layers.gpkg and the report's map.
    if (!s.basin.geometry_path.empty())
        files.push_back(input_file("geometry", s.basin.geometry_path));
    for (const auto& path : forcing.files())
        files.push_back(input_file("forcing", path));
    if (!stress_config.empty()) files.push_back(input_file("stress_config", stress_config));
    return files;
}

model::StressConfig stress_config_of(const RunOptions& o) {
    return o.stress_config_path.empty() ? model::StressConfig{}
                                        : io::read_stress_config(o.stress_config_path);
}

// What a resumed run or a shard must share with the run it continues: inputs and options.
std::string fingerprint_of(const std::vector<io::InputFile>& inputs, const RunOptions& o,
                           const LoadedStudy& s) {
    std::string text =
        fmt::format("riparia {} daily={} members={}\n", RIPARIA_VERSION, o.daily, o.members);
    text += selection_fingerprint(o.selection, s);
    for (const auto& f : inputs)
        text += f.role + " " + f.sha256 + "\n";
    return io::sha256_of_text(text);
}

void finish_record(io::RunRecord& record, const StudyPlan& plan, const nlohmann::json& runs,
                   const RunOptions& o, const std::string& out,
                   const std::vector<std::string>& notes) {
    const LoadedStudy& s = plan.study();
    record.study_name = s.study.name;
    record.basin_name = s.basin.basin.name;
    record.options = {{"out", out},
                      {"output_period", o.daily ? "daily" : "monthly"},
                      {"threads", omp_get_max_threads()},
                      {"ranks", mpi().size()},
                      {"checkpoint_years", o.checkpoint_years},
                      {"start", calendar::to_iso(s.study.start)},
                      {"end", calendar::to_iso(s.study.end)},
                      {"warmup_days", s.study.warmup_days}};
    record.options["selection"] = selection_json(o.selection);
    record.options["selection"]["runs"] = selected_pairs(s);
    record.notes = notes;
    record.notes.insert(record.notes.end(), s.selection_notes.begin(), s.selection_notes.end());
    const auto& memory = runs[0]["memory_bytes_per_subbasin"];
    record.state_bytes_per_subbasin = memory["state"].get<std::size_t>();
    record.parameter_bytes_per_subbasin = memory["parameters"].get<std::size_t>();
    if (!plan.is_ensemble()) {
        record.water_balance = runs[0]["water_balance"];
        record.management = runs[0]["management"];
        for (const auto& [phase, seconds] : runs[0]["timings_s"].items())
            record.timings_s[phase] = seconds;
        return;
    }
    double worst = 0;
    for (const auto& r : runs)
        worst = std::max(worst, r["water_balance"]["worst_relative_residual"].get<double>());
    record.water_balance = {{"worst_relative_residual", worst},
                            {"note", "per run under ensemble.runs[].water_balance"}};
    record.ensemble = ensemble_description(plan);
    record.ensemble["runs"] = runs;
    // Each country's inflow per year and month feeds only the stress tables' transition windows
    // (docs/stress.md); it would triple run.json.
    for (auto& r : record.ensemble["runs"])
        if (r.contains("statistics")) r["statistics"].erase("year_months");
}

} // namespace riparia::app
