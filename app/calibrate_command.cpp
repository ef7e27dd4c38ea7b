// `riparia calibrate CAL.toml [--out DIR] [--update-basin]`: fits GR4J and routing parameters
// per group of sub-basins to the calibration file's targets (docs/calibration.md).
#include "app/calibration_basin_update.hpp"
#include "app/calibration_forcing.hpp"
#include "app/calibration_problem.hpp"
#include "app/calibration_report.hpp"
#include "app/calibration_search.hpp"
#include "app/commands.hpp"
#include "app/forcing_library.hpp"
#include "app/loaded_study.hpp"
#include "app/stopwatch.hpp"
#include "app/study_plan.hpp"
#include "io/input_error.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <omp.h>

namespace riparia::app {

namespace fs = std::filesystem;

namespace {

void write_json_atomically(const fs::path& dir, const nlohmann::json& j) {
    fs::create_directories(dir);
    const fs::path tmp = dir / ".calibration.json.tmp";
    {
        std::ofstream out(tmp);
        out << j.dump(2) << '\n';
        if (!out) throw std::runtime_error(fmt::format("{}: cannot write", tmp.string()));
    }
    fs::rename(tmp, dir / "calibration.json");
}

// The basin the evaluations simulate: natural flows unless the file asks for management.
model::Basin basin_to_calibrate(const StudyPlan& plan, const RunItem& item, bool management) {
    model::Basin basin = plan.basin_for(item);
    if (!management) basin.management = model::Management{};
    return basin;
}

std::vector<ParameterLines> edits_of(const io::CalibrationFile& file) {
    std::vector<ParameterLines> edits;
    for (const auto& g : file.groups) {
        bool routing = false;
        for (const auto& r : g.parameters) {
            routing = routing || r.parameter == io::CalibratedParameter::lag_days ||
                      r.parameter == io::CalibratedParameter::k_days;
        }
        for (std::size_t i : g.subbasins)
            edits.push_back({i, routing});
    }
    return edits;
}

std::function<void(int, double)> progress_printer(bool quiet, int total) {
    if (quiet) return nullptr;
    return [total](int done, double best) {
        if (done % 100 == 0 || done == total)
            fmt::print(stderr, "\r{:>7}/{} evaluations, best objective {:.6g}", done, total, best);
    };
}

// The runs each evaluation simulates: the first `members` members of the study's first scenario
// and policy.
std::vector<RunItem> calibration_runs(const StudyPlan& plan, const io::CalibrationFile& file) {
    std::vector<RunItem> runs;
    const RunItem& first = plan.items().front();
    for (const RunItem& item : plan.items()) {
        if (item.scenario == first.scenario && item.policy == first.policy &&
            static_cast<int>(runs.size()) < file.members)
            runs.push_back(item);
    }
    if (static_cast<int>(runs.size()) < file.members) {
        throw io::InputError(fmt::format(
            "{}: [calibration] members = {} but the study {} has {} member(s): expected at most {}",
            file.path, file.members, file.study_path, runs.size(), runs.size()));
    }
    return runs;
}

} // namespace

int calibrate_command(const CalibrateOptions& o) {
    const auto t0 = Clock::now();
    io::CalibrationFile file = io::load_calibration_file(o.calibration_path);
    const LoadedStudy study = load_study(file.study_path);
    read_calibration_items(file, study.basin.basin, study.period.first_day, study.period.last_day);
    const StudyPlan plan(study);
    ForcingLibrary library(plan);
    const RunItem item = plan.items().front(); // first scenario, first member
    const std::vector<RunItem> runs = calibration_runs(plan, file);
    if (plan.items().size() > runs.size() && !o.quiet) {
        fmt::print(stderr, "note: the study has {} runs; calibrating against {}\n",
                   plan.items().size(),
                   runs.size() == 1
                       ? plan.label(item)
                       : fmt::format("the first {} members of {}", runs.size(), plan.label(item)));
    }
    omp_set_num_threads(o.threads);
    const model::Basin basin = basin_to_calibrate(plan, item, file.management);
    std::vector<std::unique_ptr<ReplayedForcing>> replayed;
    std::vector<model::ForcingSource*> forcings;
    for (const RunItem& run : runs) {
        replayed.push_back(std::make_unique<ReplayedForcing>(library.source_for(run)));
        forcings.push_back(replayed.back().get());
    }
    const CalibrationProblem problem(basin, file, study.period, forcings);

    CalibrationOutcome outcome;
    outcome.file = &file;
    outcome.problem = &problem;
    outcome.member = runs.size() == 1
                         ? plan.label(item)
                         : fmt::format("{} members from {}", runs.size(), plan.label(item));
    outcome.command_line = o.command_line;
    outcome.before = problem.evaluate(basin);
    outcome.search = search(problem, file, progress_printer(o.quiet, file.max_evaluations));
    if (!o.quiet) fmt::print(stderr, "\n");
    const model::Basin best = problem.basin_with(outcome.search.best_unit);
    outcome.after = problem.evaluate(best);
    outcome.seconds = seconds_since(t0);

    write_json_atomically(o.out_dir, calibration_json(outcome));
    if (o.update_basin) update_basin_parameters(study.basin.path, best, edits_of(file));
    if (!o.quiet) {
        fmt::print("{}", calibration_table(outcome));
        fmt::print("wrote {}\n", (fs::path(o.out_dir) / "calibration.json").string());
        if (o.update_basin) fmt::print("updated {}\n", study.basin.path);
    }
    return 0;
}

} // namespace riparia::app
