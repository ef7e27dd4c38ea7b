#include "app/commands.hpp"
#include "app/loaded_study.hpp"
#include "app/progress.hpp"
#include "app/result_stream.hpp"
#include "io/checksum.hpp"
#include "io/run_record.hpp"
#include "io/staged_folder.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <omp.h>
#include <set>

namespace riparia::app {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

io::ResultsHeader header_of(const LoadedStudy& s, const RunOptions& o, std::size_t records) {
    io::ResultsHeader h;
    const auto& basin = s.basin.basin;
    h.title = fmt::format("riparia results: study '{}', basin '{}'", s.study.name, basin.name);
    h.source = fmt::format("riparia {}", RIPARIA_VERSION);
    h.history = fmt::format("{} {}", io::utc_now_iso8601(), o.command_line);
    h.period = o.daily ? "daily" : "monthly";
    h.sets = management_sets(s.basin.basin.management);
    h.records = records;
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        const auto& sb = basin.subbasins[i];
        h.node_ids.push_back(sb.id);
        h.node_names.push_back(sb.name);
        h.countries.push_back(sb.country);
        h.lat_deg.push_back(sb.lat_deg);
        h.lon_deg.push_back(sb.lon_deg);
        h.area_km2.push_back(sb.area_km2);
        const int down = basin.network.downstream(i);
        h.downstream_ids.push_back(down < 0 ? "" : basin.subbasins[down].id);
    }
    return h;
}

io::InputFile input_file(const std::string& role, const std::string& path) {
    const std::string absolute = std::filesystem::weakly_canonical(path).string();
    return {role, absolute, io::sha256_of_file(path)};
}

std::vector<io::InputFile> input_files(const LoadedStudy& s) {
    std::vector<io::InputFile> files = {input_file("study", s.study.path),
                                        input_file("basin", s.basin.path)};
    for (const auto& series : s.forcing->series()) {
        files.push_back(input_file("forcing", series.path));
    }
    return files;
}

void print_balance(const model::WaterBalance& balance) {
    fmt::print("water balance (P - AET + exchange - outflow - dStorage), per basin:\n");
    for (const auto& b : balance.basins) {
        fmt::print("  {:<20} P {:.6g} hm3, AET {:.6g}, exchange {:.6g}, outflow {:.6g}, "
                   "dS {:.6g}; residual {:.3g} hm3 ({:.2e} relative)\n",
                   b.outlet_id, b.precip_hm3, b.aet_hm3, b.exchange_hm3, b.outflow_hm3,
                   b.storage_end_hm3 - b.storage_start_hm3, b.residual_hm3(),
                   b.relative_residual());
    }
    fmt::print("  worst relative residual over {} sub-basins and {} basin(s): {:.2e}\n",
               balance.subbasins.size(), balance.basins.size(), balance.worst_relative_residual());
}

// One line per agreement and environmental flow: years fully met, worst year, days short.
void print_compliance(const model::RunSummary& summary, const model::Basin& basin) {
    const auto& m = basin.management;
    if (m.agreements.empty() && m.environmental_flows.empty()) return;
    fmt::print("compliance (delivered / required, by year):\n");
    auto line = [](const std::string& label, const std::vector<model::ComplianceYear>& years) {
        int met = 0, short_days = 0;
        double worst = 1.0;
        int worst_year = 0;
        for (const auto& y : years) {
            const double c = y.required_hm3 > 0 ? y.delivered_hm3 / y.required_hm3 : 1.0;
            if (y.days_short == 0) ++met;
            short_days += y.days_short;
            if (c < worst) {
                worst = c;
                worst_year = y.year;
            }
        }
        fmt::print("  {:<28} met in {} of {} years; worst {:.1f} %{}; {} days short\n", label, met,
                   years.size(), 100 * worst,
                   worst_year ? fmt::format(" ({})", worst_year) : std::string(), short_days);
    };
    for (std::size_t a = 0; a < m.agreements.size(); ++a) {
        line("agreement " + m.agreements[a].id, summary.agreement_compliance[a]);
    }
    for (std::size_t k = 0; k < m.environmental_flows.size(); ++k) {
        line("environmental flow " + m.environmental_flows[k].id, summary.flow_compliance[k]);
    }
}

} // namespace

int run_command(const RunOptions& o) {
    const auto process_start = Clock::now();
    io::RunRecord record;
    record.version = RIPARIA_VERSION;
    record.command_line = o.command_line;
    record.started_utc = io::utc_now_iso8601();
    if (o.threads > 0) omp_set_num_threads(o.threads);

    auto phase = Clock::now();
    const LoadedStudy s = load_study(o.study_path);
    record.study_name = s.study.name;
    record.timings_s["load"] = seconds_since(phase);
    io::StagedFolder folder(o.out_dir);

    const auto period = o.daily ? model::OutputPeriod::daily : model::OutputPeriod::monthly;
    const auto& basin = s.basin.basin;
    bool with_snow = false;
    for (const auto& sb : basin.subbasins)
        with_snow = with_snow || sb.snow.has_value();
    const std::size_t records = record_count(s.period.first_day, s.period.last_day, period);
    io::NetcdfResults results(folder.file("results.nc"), header_of(s, o, records),
                              result_variables(with_snow));
    ResultStream stream(results, period, basin.subbasins.size(), with_snow, s.period.last_day,
                        basin.management);

    Progress progress(o.quiet, "riparia run");
    model::RunSettings settings;
    settings.period = s.period;
    settings.on_progress = [&](std::int64_t done, std::int64_t total) {
        progress.update(done, total);
    };
    const model::RunSummary summary = model::simulate(basin, *s.forcing, &stream, settings);
    progress.finish();
    phase = Clock::now();
    results.close();
    const double close_s = seconds_since(phase);

    const auto& t = summary.timings;
    record.timings_s["forcing"] = t.forcing_s;
    record.timings_s["pet_and_snow"] = t.pet_snow_s;
    record.timings_s["runoff"] = t.runoff_s;
    record.timings_s["routing"] = t.routing_s;
    record.timings_s["output"] = t.output_s + close_s;
    record.timings_s["model"] = t.pet_snow_s + t.runoff_s + t.routing_s;
    record.options = {
        {"out", folder.final_path()},           {"output_period", o.daily ? "daily" : "monthly"},
        {"threads", omp_get_max_threads()},     {"start", calendar::to_iso(s.study.start)},
        {"end", calendar::to_iso(s.study.end)}, {"warmup_days", s.study.warmup_days}};
    record.state_bytes_per_subbasin = summary.state_bytes_per_subbasin;
    record.parameter_bytes_per_subbasin = summary.parameter_bytes_per_subbasin;
    std::set<std::string> notes;
    for (const auto& series : s.forcing->series()) {
        for (const auto& c : series.ignored_columns) {
            notes.insert(fmt::format("{}: column '{}' ignored", series.path, c));
        }
    }
    record.notes.assign(notes.begin(), notes.end());
    record.inputs = input_files(s);
    if (!basin.management.empty()) record.management = io::management_to_json(summary, basin);
    record.finished_utc = io::utc_now_iso8601();
    record.timings_s["total"] = seconds_since(process_start);
    io::write_run_record(folder.file("run.json"), record, summary.balance, basin);
    folder.commit();

    if (!o.quiet) {
        print_balance(summary.balance);
        print_compliance(summary, basin);
        fmt::print("model time {:.3f} s (runoff {:.3f}, routing {:.3f}); total {:.3f} s\n",
                   record.timings_s["model"].get<double>(), t.runoff_s, t.routing_s,
                   record.timings_s["total"].get<double>());
        fmt::print("outputs: {}/results.nc, {}/run.json\n", folder.final_path(),
                   folder.final_path());
    }
    return 0;
}

} // namespace riparia::app
