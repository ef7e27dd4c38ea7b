// Shared by the scale benchmarks: one year of hydrology and routing through model::simulate (the
// loop `riparia run` drives, without files), its wall time, and the process's memory.
#pragma once

#include "bench/station_forcing.hpp"
#include "model/calendar.hpp"
#include "model/simulation.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <omp.h>
#include <string>
#include <sys/resource.h>

namespace riparia::bench {

// A line of /proc/self/status in bytes ("VmHWM": peak resident set, "VmRSS": current one).
inline std::size_t status_bytes(const char* key) {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    std::size_t kib = 0;
    const std::size_t length = std::strlen(key);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, key, length) == 0 && line[length] == ':') {
            kib = std::strtoull(line + length + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return kib * 1024;
}

// CPU time of the process so far (user + system, every thread): on a loaded machine the one
// figure that does not depend on what else runs.
inline double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return double(t.tv_sec) + 1e-6 * double(t.tv_usec);
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct YearRun {
    double seconds = 0;     // model::simulate, whole call (state set-up included)
    double cpu_seconds = 0; // CPU time of that call, summed over threads
    model::RunSummary summary;
};

// 2001 with no warm-up and no output sink, on `threads` OpenMP threads, in blocks of a year
// (the CLI's default; the model may shorten them for very large basins).
inline YearRun run_one_year(const model::Basin& basin, int threads) {
    omp_set_num_threads(threads);
    StationForcing forcing(basin.subbasins.size());
    model::RunSettings settings;
    settings.period.warmup_first_day = calendar::day_number({2001, 1, 1});
    settings.period.first_day = settings.period.warmup_first_day;
    settings.period.last_day = calendar::day_number({2001, 12, 31});
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    YearRun run;
    run.summary = model::simulate(basin, forcing, nullptr, settings);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpu_seconds = cpu_seconds() - cpu_start;
    return run;
}

// Outflow of every basin over the year (hm3): the same for any thread count.
inline double total_outflow_hm3(const model::RunSummary& s) {
    double total = 0;
    for (const auto& b : s.balance.basins)
        total += b.outflow_hm3;
    return total;
}

} // namespace riparia::bench
