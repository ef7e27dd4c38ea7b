#include "app/assemble.hpp"
#include "app/commands.hpp"
#include "app/forcing_library.hpp"
#include "app/mpi_session.hpp"
#include "app/progress.hpp"
#include "app/provenance.hpp"
#include "app/report_html.hpp"
#include "app/run_pool.hpp"
#include "app/run_report.hpp"
#include "app/run_selection.hpp"
#include "app/run_stress.hpp"
#include "app/shard.hpp"
#include "app/stopwatch.hpp"
#include "app/study_plan.hpp"
#include "io/checksum.hpp"
#include "io/input_error.hpp"
#include "io/run_layers.hpp"
#include "io/run_record.hpp"
#include "io/staged_folder.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <omp.h>

namespace riparia::app {

namespace {

namespace fs = std::filesystem;

// The runs dir of the staging folder, checked against the fingerprint on --resume.
void prepare_runs_dir(const std::string& dir, const std::string& fingerprint, bool resume,
                      const std::string& out) {
    const std::string stamp = dir + "/fingerprint";
    if (resume) {
        std::ifstream in(stamp);
        std::string found;
        in >> found;
        if (found != fingerprint) {
            throw io::InputError(fmt::format(
                "{}: the interrupted run was made from other inputs or options (fingerprint {} "
                "there, {} now); expected the same study, files, --daily, --members and "
                "--scenario/--policy selection; run without --resume",
                out, found.empty() ? "missing" : found.substr(0, 12), fingerprint.substr(0, 12)));
        }
        return;
    }
    fs::create_directories(dir);
    std::ofstream(stamp) << fingerprint << '\n';
}

std::vector<std::size_t> pending_runs(const StudyPlan& plan, const std::string& runs_dir,
                                      const ShardSpec& shard) {
    std::vector<std::size_t> pending;
    for (const RunItem& item : plan.items()) {
        if (!shard.owns(item.index)) continue;
        if (!run_is_done(runs_dir, item)) pending.push_back(item.index);
    }
    return pending;
}

// Rank 0 makes (or, resuming, finds) the staging folder; the other ranks attach to it. Empty
// on ranks other than 0 when rank 0 failed (it reports the error).
std::unique_ptr<io::StagedFolder> open_output(const RunOptions& o, const std::string& fingerprint) {
    const MpiSession& m = mpi();
    std::unique_ptr<io::StagedFolder> folder;
    std::exception_ptr setup_error;
    if (m.rank() == 0) {
        try {
            folder = std::make_unique<io::StagedFolder>(o.out_dir,
                                                        o.resume ? io::StagedFolder::Mode::resume
                                                                 : io::StagedFolder::Mode::fresh);
            prepare_runs_dir(folder->file("runs"), fingerprint, o.resume, o.out_dir);
        } catch (...) {
            setup_error = std::current_exception();
        }
    }
    if (m.any(setup_error != nullptr)) {
        if (setup_error) std::rethrow_exception(setup_error);
        return nullptr;
    }
    if (m.rank() != 0) {
        folder = std::make_unique<io::StagedFolder>(o.out_dir, io::StagedFolder::Mode::attach);
    }
    return folder;
}

// Days simulated by this process's threads, shown as one progress bar (rank 0 only).
class SharedProgress {
  public:
    SharedProgress(bool quiet, std::int64_t total)
        : progress_(quiet, "riparia run"), total_(total) {}
    void add(std::int64_t days) {
        const std::int64_t done = done_ += days;
        std::lock_guard guard(lock_);
        progress_.update(std::min(done, total_), total_);
    }
    void finish() { progress_.finish(); }

  private:
    Progress progress_;
    std::int64_t total_;
    std::atomic<std::int64_t> done_{0};
    std::mutex lock_;
};

// This process's share of the pending runs; rank 0 assembles results.nc between its runs.
void run_pending(const RunContext& context, const std::vector<std::size_t>& pending,
                 ResultsAssembler* assembler) {
    const MpiSession& m = mpi();
    auto queue = m.shared_queue(pending);
    try {
        run_from_queue(context, *queue, omp_get_max_threads(), pending.size(), [&] {
            if (assembler) assembler->catch_up();
        });
    } catch (const std::exception& e) {
        if (m.size() == 1) throw;
        fmt::print(stderr, "error on rank {}: {}\n", m.rank(), e.what());
        m.abort(1); // the other ranks may be waiting for this one
    }
}

void print_summary(const nlohmann::json& runs, const StudyPlan& plan, const io::RunRecord& record,
                   const std::string& out) {
    print_run_report(runs, plan.study().basin.basin, plan.is_ensemble());
    fmt::print("{} run(s) in {:.3f} s on {} thread(s) x {} rank(s); total {:.3f} s\n",
               plan.items().size(), record.timings_s["runs"].get<double>(), omp_get_max_threads(),
               mpi().size(), record.timings_s["total"].get<double>());
    fmt::print("outputs: {0}/results.nc, {0}/run.json, {0}/stress.csv, {0}/stress.json, "
               "{0}/layers.gpkg, {0}/stress.tif\n",
               out);
    for (const auto& note : plan.study().selection_notes)
        fmt::print("note: {}\n", note);
}

} // namespace

int run_command(const RunOptions& o) {
    const auto process_start = Clock::now();
    const MpiSession& m = mpi();
    io::RunRecord record;
    record.version = RIPARIA_VERSION;
    record.command_line = o.command_line;
    record.started_utc = io::utc_now_iso8601();
    if (o.threads > 0) omp_set_num_threads(o.threads);

    auto phase = Clock::now();
    const LoadedStudy s = load_selected_study(o);
    const StudyPlan plan(s);
    ForcingLibrary forcing(plan);
    record.inputs = input_files(s, forcing, o.stress_config_path);
    const model::StressConfig stress_config = stress_config_of(o); // a bad file fails now
    const std::string fingerprint = fingerprint_of(record.inputs, o, s);
    record.timings_s["load"] = seconds_since(phase);
    const auto folder = open_output(o, fingerprint);
    if (!folder) return 2; // rank 0 reports why
    const std::string runs_dir = folder->file("runs");

    const std::vector<std::size_t> pending = m.broadcast(pending_runs(plan, runs_dir, o.shard));
    const auto runs_per_rank =
        static_cast<std::int64_t>((pending.size() + static_cast<std::size_t>(m.size()) - 1) /
                                  static_cast<std::size_t>(m.size()));
    SharedProgress progress(o.quiet || m.rank() != 0,
                            runs_per_rank * (s.period.last_day - s.period.warmup_first_day + 1));
    const RunContext context{plan,
                             forcing,
                             runs_dir,
                             o.daily ? model::OutputPeriod::daily : model::OutputPeriod::monthly,
                             o.checkpoint_years,
                             fingerprint,
                             [&](std::int64_t days) { progress.add(days); }};
    std::unique_ptr<ResultsAssembler> assembler;
    if (m.rank() == 0 && o.shard.count == 1) {
        assembler =
            std::make_unique<ResultsAssembler>(plan, runs_dir, folder->file("results.nc"),
                                               ResultsLabels{o.command_line, context.period});
    }
    phase = Clock::now();
    run_pending(context, pending, assembler.get());
    progress.finish();
    record.timings_s["runs"] = seconds_since(phase);
    m.barrier();
    if (m.rank() != 0) return 0;

    if (o.shard.count > 1) {
        write_shard_record(folder->file("shard.json"), o.shard, plan, fingerprint, o);
        folder->commit();
        if (!o.quiet) {
            fmt::print("shard {}/{}: {} runs in {}; combine the shards with riparia merge\n",
                       o.shard.index, o.shard.count, pending.size(), folder->final_path());
        }
        return 0;
    }
    phase = Clock::now();
    assembler->finish();
    record.timings_s["assemble_rest"] = seconds_since(phase);
    const nlohmann::json runs = run_summaries(plan, runs_dir);
    const nlohmann::json stress = write_run_stress(
        plan, runs, stress_config, folder->file("stress.csv"), folder->file("stress.json"));
    io::write_run_layers(plan.study().basin, folder->file("stress.json"),
                         folder->file("layers.gpkg"), folder->file("stress.tif"));
    finish_record(record, plan, runs, o, folder->final_path(), forcing.notes());
    record.timings_s["total"] = seconds_since(process_start);
    record.finished_utc = io::utc_now_iso8601();
    io::write_run_record(folder->file("run.json"), record);
    fs::remove_all(runs_dir);
    write_run_report(plan, *folder); // last: it reads the files above
    folder->commit();
    if (!o.quiet) {
        print_summary(runs, plan, record, folder->final_path());
        print_stress_summary(stress);
    }
    return 0;
}

} // namespace riparia::app
