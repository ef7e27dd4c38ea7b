#include "app/run_item.hpp"

#include "app/result_stream.hpp"
#include "app/run_statistics.hpp"
#include "io/checkpoint_file.hpp"
#include "io/input_error.hpp"
#include "io/record_spool.hpp"
#include "io/run_record.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <optional>

namespace riparia::app {

namespace fs = std::filesystem;

std::string spool_path(const std::string& dir, const RunItem& item) {
    return fmt::format("{}/run-{:06}.bin", dir, item.index);
}
std::string summary_path(const std::string& dir, const RunItem& item) {
    return fmt::format("{}/run-{:06}.json", dir, item.index);
}
std::string checkpoint_path(const std::string& dir, const RunItem& item) {
    return fmt::format("{}/run-{:06}.h5", dir, item.index);
}

bool run_is_done(const std::string& dir, const RunItem& item) {
    return fs::exists(summary_path(dir, item));
}

namespace {

void write_atomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp);
        out << text << '\n';
        if (!out) throw std::runtime_error(fmt::format("{}: cannot write", tmp));
    }
    fs::rename(tmp, path);
}

nlohmann::json summary_json(const StudyPlan& plan, const RunItem& item, const model::Basin& basin,
                            const model::RunSummary& summary, const RunStatistics& statistics) {
    const auto& e = plan.study().ensemble;
    nlohmann::json j;
    j["run"] = item.index;
    j["scenario"] = e.scenarios[item.scenario].name;
    j["policy"] = e.policies[item.policy].name;
    j["member"] = e.members[item.member].name;
    j["seed"] = e.members[item.member].seed;
    j["water_balance"] = io::balance_to_json(summary.balance, basin);
    j["management"] =
        basin.management.empty() ? nlohmann::json() : io::management_to_json(summary, basin);
    const auto& t = summary.timings;
    j["timings_s"] = {{"forcing", t.forcing_s}, {"pet_and_snow", t.pet_snow_s},
                      {"runoff", t.runoff_s},   {"routing", t.routing_s},
                      {"output", t.output_s},   {"model", t.pet_snow_s + t.runoff_s + t.routing_s}};
    j["statistics"] = statistics.to_json();
    j["memory_bytes_per_subbasin"] = {{"state", summary.state_bytes_per_subbasin},
                                      {"parameters", summary.parameter_bytes_per_subbasin}};
    return j;
}

// The state a checkpoint left for this run, if any.
std::optional<model::StateArchive> checkpointed_state(const RunContext& c, const RunItem& item) {
    const std::string path = checkpoint_path(c.runs_dir, item);
    if (!fs::exists(path)) return std::nullopt;
    io::CheckpointInfo info;
    model::StateArchive state = io::read_checkpoint(path, info);
    if (info.fingerprint != c.fingerprint) {
        throw io::InputError(fmt::format("{}: checkpoint of other inputs; expected one written by "
                                         "this study's interrupted run",
                                         path));
    }
    return state;
}

constexpr const char* kSpoolBytes = "output/spool_bytes";
constexpr const char* kGeneratorSeed = "rng/seed";
constexpr const char* kGeneratorCounterDay = "rng/next_day";

} // namespace

void run_item(const RunContext& c, const RunItem& item) {
    const model::Basin basin = c.plan.basin_for(item);
    auto forcing = c.forcing.source_for(item);
    std::optional<model::StateArchive> resume = checkpointed_state(c, item);
    std::uint64_t spool_bytes =
        resume ? static_cast<std::uint64_t>(resume->get_integer(kSpoolBytes)) : 0;
    std::error_code ec;
    const auto spool_size = fs::file_size(spool_path(c.runs_dir, item), ec);
    if (resume && (ec || spool_size < spool_bytes)) {
        resume.reset(); // the spool lost records the checkpoint counts (a machine crash)
        spool_bytes = 0;
    }
    io::SpoolWriter spool(spool_path(c.runs_dir, item), c.plan.record_widths(item), spool_bytes);
    const LoadedStudy& s = c.plan.study();
    ResultStream stream(spool, c.period, basin.subbasins.size(), c.plan.with_snow(),
                        s.period.last_day, basin.management);
    RunStatistics statistics(basin, stream);
    if (resume) statistics.load(*resume);
    model::RunSettings settings;
    settings.period = s.period;
    std::int64_t reported = 0;
    settings.on_progress = [&](std::int64_t done, std::int64_t) {
        if (c.on_days) c.on_days(done - reported);
        reported = done;
    };
    // Checkpoints close a year, hence a month: the stream holds no partial means then, and the
    // spool's size is the whole output position.
    const std::string checkpoint = checkpoint_path(c.runs_dir, item);
    settings.checkpoint_every_years = c.checkpoint_every_years;
    // The weather generator's random state is its key and counter: the member's seed and the day
    // (its draws are a pure function of them), recorded so that a resume can check them.
    const auto seed = static_cast<std::int64_t>(s.ensemble.members[item.member].seed);
    if (resume) resume->expect_integer(kGeneratorSeed, seed, "as the generator seed");
    settings.on_checkpoint = [&](model::StateArchive& state, std::int64_t next_day) {
        state.put_integer(kSpoolBytes, static_cast<std::int64_t>(spool.sync()));
        statistics.save(state);
        state.put_integer(kGeneratorSeed, seed);
        state.put_integer(kGeneratorCounterDay, next_day);
        io::write_checkpoint(checkpoint, state,
                             {RIPARIA_VERSION, s.study.name, c.fingerprint, next_day});
    };
    settings.resume_from = resume ? &*resume : nullptr;
    const model::RunSummary summary = model::simulate(basin, *forcing, &statistics, settings);
    spool.sync();
    spool.close();
    write_atomically(summary_path(c.runs_dir, item),
                     summary_json(c.plan, item, basin, summary, statistics).dump(1));
    fs::remove(checkpoint);
}

} // namespace riparia::app
