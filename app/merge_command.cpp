#include "app/assemble.hpp"
#include "app/commands.hpp"
#include "app/forcing_library.hpp"
#include "app/provenance.hpp"
#include "app/run_item.hpp"
#include "app/run_report.hpp"
#include "app/run_selection.hpp"
#include "app/run_stress.hpp"
#include "app/shard.hpp"
#include "io/input_error.hpp"
#include "io/run_layers.hpp"
#include "io/staged_folder.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace riparia::app {

namespace {

namespace fs = std::filesystem;

// Every shard of one study, each once, all from the same inputs.
void check_shards(const std::vector<std::string>& dirs, const std::vector<nlohmann::json>& shards) {
    const int count = shards[0]["shard"]["count"].get<int>();
    std::set<int> seen;
    for (std::size_t k = 0; k < shards.size(); ++k) {
        const auto& s = shards[k];
        if (s.value("selection", nlohmann::json()) !=
            shards[0].value("selection", nlohmann::json())) {
            throw io::InputError(
                fmt::format("{}: a shard of another --scenario/--policy "
                            "selection ({}) than {} ({}); expected shards of one run",
                            dirs[k], s.value("selection", nlohmann::json()).dump(), dirs[0],
                            shards[0].value("selection", nlohmann::json()).dump()));
        }
        if (s["fingerprint"] != shards[0]["fingerprint"] || s["study"] != shards[0]["study"]) {
            throw io::InputError(fmt::format("{}: a shard of another study or other inputs than "
                                             "{}; expected shards of one run",
                                             dirs[k], dirs[0]));
        }
        if (s["shard"]["count"].get<int>() != count) {
            throw io::InputError(fmt::format("{}: shard of {} but {} is a shard of {}", dirs[k],
                                             s["shard"]["count"].get<int>(), dirs[0], count));
        }
        if (!seen.insert(s["shard"]["index"].get<int>()).second) {
            throw io::InputError(fmt::format("{}: shard {}/{} is given twice", dirs[k],
                                             s["shard"]["index"].get<int>(), count));
        }
    }
    for (int i = 0; i < count; ++i) {
        if (!seen.count(i)) {
            throw io::InputError(fmt::format("shard {}/{} is missing; expected all {} shard "
                                             "folders of the run",
                                             i, count, count));
        }
    }
}

// Hard links (or copies, across file systems) of a run's spool and summary.
void gather(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

} // namespace

int merge_command(const std::string& out_dir, const std::vector<std::string>& shard_dirs,
                  bool quiet, const std::string& command_line) {
    std::vector<nlohmann::json> shards;
    for (const auto& dir : shard_dirs)
        shards.push_back(read_shard_record(dir));
    check_shards(shard_dirs, shards);

    RunOptions o;
    o.study_path = shards[0]["study"].get<std::string>();
    o.daily = shards[0]["daily"].get<bool>();
    o.members = shards[0].value("members", 0);
    o.selection = selection_of(shards[0].value("selection", nlohmann::json()));
    o.stress_config_path = shards[0].value("stress_config", "");
    o.command_line = command_line;
    o.checkpoint_years = 0;
    const LoadedStudy s = load_selected_study(o);
    const StudyPlan plan(s);
    ForcingLibrary forcing(plan);
    io::RunRecord record;
    record.version = RIPARIA_VERSION;
    record.command_line = command_line;
    record.started_utc = io::utc_now_iso8601();
    record.inputs = input_files(s, forcing, o.stress_config_path);
    if (fingerprint_of(record.inputs, o, s) != shards[0]["fingerprint"].get<std::string>()) {
        throw io::InputError(fmt::format("{}: the study's inputs changed since the shards ran "
                                         "(checksums differ); expected the files the shards read",
                                         o.study_path));
    }
    io::StagedFolder folder(out_dir);
    const std::string runs_dir = folder.file("runs");
    fs::create_directories(runs_dir);
    for (const RunItem& item : plan.items()) {
        const auto& dir = shard_dirs[0];
        std::string from;
        for (std::size_t k = 0; k < shards.size(); ++k) {
            const ShardSpec spec{shards[k]["shard"]["index"].get<int>(),
                                 shards[k]["shard"]["count"].get<int>()};
            if (spec.owns(item.index)) from = shard_dirs[k] + "/runs";
        }
        if (!run_is_done(from, item)) {
            throw io::InputError(fmt::format("{}: run {} ({}) is missing; expected a complete "
                                             "shard (was it interrupted? resume it with --resume)",
                                             from.empty() ? dir : from, item.index,
                                             plan.label(item)));
        }
        gather(spool_path(from, item), spool_path(runs_dir, item));
        gather(summary_path(from, item), summary_path(runs_dir, item));
    }
    const model::OutputPeriod period =
        o.daily ? model::OutputPeriod::daily : model::OutputPeriod::monthly;
    ResultsAssembler(plan, runs_dir, folder.file("results.nc"), {command_line, period}).finish();
    const nlohmann::json runs = run_summaries(plan, runs_dir);
    const nlohmann::json stress = write_run_stress(
        plan, runs, stress_config_of(o), folder.file("stress.csv"), folder.file("stress.json"));
    io::write_run_layers(plan.study().basin, folder.file("stress.json"), folder.file("layers.gpkg"),
                         folder.file("stress.tif"));
    finish_record(record, plan, runs, o, folder.final_path(), forcing.notes());
    record.options["merged_shards"] = shard_dirs.size();
    record.finished_utc = io::utc_now_iso8601();
    io::write_run_record(folder.file("run.json"), record);
    fs::remove_all(runs_dir);
    folder.commit();
    if (!quiet) {
        print_run_report(runs, plan.study().basin.basin, plan.is_ensemble());
        print_stress_summary(stress);
        fmt::print("merged {} shard(s): {}/results.nc, {}/run.json\n", shard_dirs.size(),
                   folder.final_path(), folder.final_path());
    }
    return 0;
}

} // namespace riparia::app
