// GR4J kernel benchmark: sub-basin-days per second of model::Gr4jState, on one thread and on all
// OpenMP threads, against the scalar airGR-style baseline (gr4j_scalar_baseline.hpp) measured in
// the same process on the same forcing. Also checks that kernel and baseline give the same daily
// runoff, and exits non-zero if they differ by more than kToleranceMm anywhere.
//
// Usage: bench_gr4j_kernel [results.jsonl] [--full] [--unaligned]
//   results.jsonl  optional: one JSON object per sub-basin count is written there
//   --full         simulate 100 years for every sub-basin count (default: capped, see years_for)
//   --unaligned    put the kernel's day arrays 16 bytes off a cache line, where glibc's malloc
//                  puts large std::vector buffers (default: 64-byte aligned)
//
// Forcing is synthetic and deterministic: one year (365 days) is generated per sub-basin count and
// reused for every simulated year, so memory stays bounded; the states carry on across years.
#include "bench/gr4j_scalar_baseline.hpp"
#include "model/gr4j.hpp"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fmt/format.h>
#include <limits>
#include <memory>
#include <new>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace model = riparia::model;
using riparia::bench::ScalarGr4j;
using Clock = std::chrono::steady_clock;

constexpr int kBlockDays = 365;
constexpr int kYears = 100;
constexpr int kRepeats = 3; // best of
constexpr double kToleranceMm = 1e-9;
constexpr std::uint64_t kSeed = 20030601; // any fixed value
constexpr double kProductionFill = 0.3;   // the study defaults
constexpr double kRoutingFill = 0.5;
// Above this many sub-basin-days per repetition, fewer years are simulated (unless --full), to
// keep the whole benchmark within about a minute on two cores. Throughput is steady long before.
constexpr double kMaxSubbasinDaysPerRun = 40e6;
// Reference figures, million sub-basin-days per second on one core.
constexpr double kAirGrFortranMdays = 21.0;
constexpr double kGoalMdays = 63.0;

// SplitMix64 (Steele, Lea & Flood 2014): tiny, and the same sequence on every platform, which
// <random>'s distributions do not promise.
class Rng {
  public:
    Rng(std::uint64_t purpose, std::uint64_t index)
        : state_(kSeed ^ mix(purpose * 0x9E3779B97F4A7C15ULL + index)) {}
    double uniform() { // in (0, 1)
        state_ += 0x9E3779B97F4A7C15ULL;
        return (static_cast<double>(mix(state_) >> 11) + 0.5) * 0x1.0p-53;
    }
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  private:
    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t state_;
};

// A day-major block array for the kernel. 64-byte aligned, each lane group's row of a day is
// whole cache lines; `aligned = false` shifts it by 16 bytes so every row straddles two lines.
class LaneArray {
  public:
    static constexpr std::size_t kAlignBytes = 64;
    LaneArray(std::size_t size, bool aligned)
        : storage_(new (std::align_val_t{kAlignBytes}) double[size + kAlignBytes / sizeof(double)]),
          data_(storage_.get() + (aligned ? 0 : 2)) {
        std::fill_n(data_, size, 0.0);
    }
    double* data() { return data_; }
    const double* data() const { return data_; }
    double& operator[](std::size_t i) { return data_[i]; }
    double operator[](std::size_t i) const { return data_[i]; }

  private:
    struct Free {
        void operator()(double* p) const { ::operator delete[](p, std::align_val_t{kAlignBytes}); }
    };
    std::unique_ptr<double[], Free> storage_;
    double* data_;
};

enum Purpose : std::uint64_t { kParams = 1, kRain = 2 };

// Sub-basin i's parameters depend only on i, so smaller counts are prefixes of larger ones.
std::vector<model::Gr4jParams> random_params(std::size_t count) {
    std::vector<model::Gr4jParams> params(count);
    for (std::size_t i = 0; i < count; ++i) {
        Rng rng(kParams, i);
        params[i] = {rng.between(100, 1200), rng.between(-5, 3), rng.between(20, 300),
                     rng.between(1.1, 2.9)};
        if (!model::gr4j_parameter_problem(params[i]).empty()) std::abort();
    }
    return params;
}

// One year of forcing in both layouts: day-major with padded stride for the kernel, one
// contiguous series per sub-basin for the baseline (as airGR takes it).
struct YearForcing {
    std::size_t stride;
    LaneArray precip_by_day, pet_by_day;               // [day * stride + i]; padding lanes 0
    std::vector<double> precip_by_basin, pet_by_basin; // [i * kBlockDays + day]
    YearForcing(std::size_t count, bool aligned)
        : stride(model::padded_count(count)), precip_by_day(stride * kBlockDays, aligned),
          pet_by_day(stride * kBlockDays, aligned), precip_by_basin(count * kBlockDays),
          pet_by_basin(count * kBlockDays) {}
};

// P: 40 % wet days, exponential (gamma, shape 1) amounts of mean 6.25 mm, so 2.5 mm/d on average.
// E: seasonal cosine between 0.5 mm/d (about 21 December) and 5 mm/d (about 21 June).
YearForcing synthetic_year(std::size_t count, bool aligned) {
    YearForcing f(count, aligned);
    for (std::size_t i = 0; i < count; ++i) {
        Rng rng(kRain, i);
        for (int day = 0; day < kBlockDays; ++day) {
            const double wet = rng.uniform(), amount = rng.uniform();
            const double p = wet < 0.4 ? -6.25 * std::log(amount) : 0.0;
            const double e = 2.75 - 2.25 * std::cos(2 * std::numbers::pi * (day + 10) / 365.0);
            f.precip_by_day[day * f.stride + i] = f.precip_by_basin[i * kBlockDays + day] = p;
            f.pet_by_day[day * f.stride + i] = f.pet_by_basin[i * kBlockDays + day] = e;
        }
    }
    return f;
}

// Baseline outputs are one series per sub-basin; kernel outputs are day-major.
struct BaselineOutputs {
    std::vector<double> runoff, aet, exchange;
    explicit BaselineOutputs(std::size_t size) : runoff(size), aet(size), exchange(size) {}
};
struct KernelOutputs {
    LaneArray runoff, aet, exchange;
    KernelOutputs(std::size_t size, bool aligned)
        : runoff(size, aligned), aet(size, aligned), exchange(size, aligned) {}
};

std::vector<ScalarGr4j> baseline_basins(const std::vector<model::Gr4jParams>& params) {
    std::vector<ScalarGr4j> basins;
    basins.reserve(params.size());
    for (const auto& p : params) {
        basins.emplace_back(p.x1_mm, p.x2_mm_day, p.x3_mm, p.x4_days, kProductionFill,
                            kRoutingFill);
    }
    return basins;
}

model::Gr4jState kernel_state(const std::vector<model::Gr4jParams>& params) {
    const std::vector<double> production(params.size(), kProductionFill);
    const std::vector<double> routing(params.size(), kRoutingFill);
    return model::Gr4jState(params, production, routing);
}

void run_baseline_year(std::vector<ScalarGr4j>& basins, const YearForcing& f,
                       BaselineOutputs& out) {
    for (std::size_t i = 0; i < basins.size(); ++i) {
        const std::size_t at = i * kBlockDays;
        basins[i].run(kBlockDays, &f.precip_by_basin[at], &f.pet_by_basin[at], &out.runoff[at],
                      &out.aet[at], &out.exchange[at]);
    }
}

void run_kernel_year(model::Gr4jState& state, const model::Gr4jDayArrays& io, bool threaded) {
    const auto groups = static_cast<std::ptrdiff_t>(state.group_count());
    if (!threaded) {
        state.run_groups(io, 0, state.group_count());
        return;
    }
#pragma omp parallel for schedule(static)
    for (std::ptrdiff_t g = 0; g < groups; ++g) {
        state.run_groups(io, static_cast<std::size_t>(g), static_cast<std::size_t>(g) + 1);
    }
}

// Largest absolute differences kernel - baseline seen so far; a NaN counts as infinite.
struct Differences {
    double runoff_mm = 0, aet_mm = 0, exchange_mm = 0;
};

void widen(double& worst, double kernel, double baseline) {
    const double difference = std::fabs(kernel - baseline);
    if (!(difference <= worst)) {
        worst = std::isnan(difference) ? std::numeric_limits<double>::infinity() : difference;
    }
}

void compare(const BaselineOutputs& baseline, const KernelOutputs& kernel, std::size_t count,
             std::size_t stride, Differences& d) {
    for (std::size_t i = 0; i < count; ++i) {
        for (int day = 0; day < kBlockDays; ++day) {
            const std::size_t b = i * kBlockDays + day, k = day * stride + i;
            widen(d.runoff_mm, kernel.runoff[k], baseline.runoff[b]);
            widen(d.aet_mm, kernel.aet[k], baseline.aet[b]);
            widen(d.exchange_mm, kernel.exchange[k], baseline.exchange[b]);
        }
    }
}

struct Row {
    std::size_t subbasins = 0;
    int years = 0;
    static constexpr double kNever = std::numeric_limits<double>::infinity();
    double baseline_s = kNever, kernel_1t_s = kNever, kernel_nt_s = kNever; // best of kRepeats
    Differences differences;

    double subbasin_days() const { return double(subbasins) * years * kBlockDays; }
    double mdays(double seconds) const { return subbasin_days() / seconds * 1e-6; }
};

int years_for(std::size_t count, bool full) {
    if (full) return kYears;
    const double per_year = double(count) * kBlockDays;
    return std::clamp(static_cast<int>(kMaxSubbasinDaysPerRun / per_year), 1, kYears);
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// One repetition: fresh states, `years` years, the three variants interleaved year by year so
// that none of them finds the forcing warm in cache from its own previous year. The outputs are
// compared on the first repetition only (the others are bit-identical reruns).
void repetition(const std::vector<model::Gr4jParams>& params, const YearForcing& f, int rep,
                bool aligned, Row& row) {
    std::vector<ScalarGr4j> basins = baseline_basins(params);
    model::Gr4jState single = kernel_state(params), threaded = kernel_state(params);
    BaselineOutputs baseline_out(params.size() * kBlockDays);
    KernelOutputs kernel_out(f.stride * kBlockDays, aligned);
    const model::Gr4jDayArrays io{f.precip_by_day.data(),
                                  f.pet_by_day.data(),
                                  kernel_out.runoff.data(),
                                  kernel_out.aet.data(),
                                  kernel_out.exchange.data(),
                                  nullptr,
                                  nullptr,
                                  f.stride,
                                  kBlockDays};
    double baseline_s = 0, single_s = 0, threaded_s = 0;
    for (int year = 0; year < row.years; ++year) {
        auto start = Clock::now();
        run_baseline_year(basins, f, baseline_out);
        baseline_s += seconds_since(start);
        start = Clock::now();
        run_kernel_year(single, io, false);
        single_s += seconds_since(start);
        if (rep == 0) compare(baseline_out, kernel_out, params.size(), f.stride, row.differences);
        start = Clock::now();
        run_kernel_year(threaded, io, true);
        threaded_s += seconds_since(start);
        if (rep == 0) compare(baseline_out, kernel_out, params.size(), f.stride, row.differences);
    }
    row.baseline_s = std::min(row.baseline_s, baseline_s);
    row.kernel_1t_s = std::min(row.kernel_1t_s, single_s);
    row.kernel_nt_s = std::min(row.kernel_nt_s, threaded_s);
}

struct Options {
    std::string json_path;
    bool full = false;
    bool aligned = true;
    int threads = 1;
    std::size_t state_bytes = 0;     // per sub-basin: stores and unit-hydrograph queues
    std::size_t parameter_bytes = 0; // per sub-basin: X1-X3 and unit-hydrograph ordinates
};

Row measure(std::size_t count, const Options& o) {
    Row row;
    row.subbasins = count;
    row.years = years_for(count, o.full);
    const std::vector<model::Gr4jParams> params = random_params(count);
    const YearForcing forcing = synthetic_year(count, o.aligned);
    for (int rep = 0; rep < kRepeats; ++rep)
        repetition(params, forcing, rep, o.aligned, row);
    return row;
}

void print_header(const Options& o) {
    fmt::print(
        "GR4J kernel (model::Gr4jState, {} lanes) vs scalar airGR-style baseline, same run\n",
        model::kLanes);
    fmt::print(
        "  forcing: synthetic; one {}-day year per sub-basin, reused for every year; {} years"
        "{}\n",
        kBlockDays, kYears, o.full ? "" : " (fewer above 40 M sub-basin-days per run)");
    fmt::print("  kernel day arrays: {}\n",
               o.aligned ? "64-byte aligned" : "16 bytes off a cache line (--unaligned)");
    fmt::print("  timing: steady_clock, best of {}; OpenMP threads: {}; compiler: {}\n", kRepeats,
               o.threads, __VERSION__);
    fmt::print("  Gr4jState: {} bytes of state + {} bytes of parameters per sub-basin\n",
               o.state_bytes, o.parameter_bytes);
    fmt::print("  reference: airGR Fortran core ~{:.0f} M days/s, goal >= {:.0f} M days/s per "
               "core\n\n",
               kAirGrFortranMdays, kGoalMdays);
    fmt::print("{:>9} {:>5} {:>10} {:>11} {:>7} {:>11} {:>7}  {}\n", "subbasins", "years",
               "base Md/s", "kern1 Md/s", "ratio", fmt::format("kern{} Md/s", o.threads), "ratio",
               "max|dQ| mm/d");
}

void print_row(const Row& r) {
    fmt::print("{:>9} {:>5} {:>10.2f} {:>11.2f} {:>6.2f}x {:>11.2f} {:>6.2f}x  {:.1e}\n",
               r.subbasins, r.years, r.mdays(r.baseline_s), r.mdays(r.kernel_1t_s),
               r.baseline_s / r.kernel_1t_s, r.mdays(r.kernel_nt_s), r.baseline_s / r.kernel_nt_s,
               r.differences.runoff_mm);
}

std::string json_line(const Row& r, const Options& o) {
    return fmt::format(
        "{{\"bench\":\"gr4j_kernel\",\"subbasins\":{},\"years\":{},\"block_days\":{},"
        "\"threads\":{},\"aligned\":{},\"baseline_mdays_s\":{:.4f},\"kernel_1t_mdays_s\":{:.4f},"
        "\"ratio_1t\":{:.4f},\"kernel_nt_mdays_s\":{:.4f},\"ratio_nt\":{:.4f},"
        "\"max_abs_diff_runoff_mm\":{:.3e},\"max_abs_diff_aet_mm\":{:.3e},"
        "\"max_abs_diff_exchange_mm\":{:.3e},\"state_bytes_per_subbasin\":{},"
        "\"parameter_bytes_per_subbasin\":{},"
        "\"airgr_reference_mdays_s\":{},\"goal_mdays_s\":{},\"compiler\":\"{}\"}}\n",
        r.subbasins, r.years, kBlockDays, o.threads, o.aligned, r.mdays(r.baseline_s),
        r.mdays(r.kernel_1t_s), r.baseline_s / r.kernel_1t_s, r.mdays(r.kernel_nt_s),
        r.baseline_s / r.kernel_nt_s, r.differences.runoff_mm, r.differences.aet_mm,
        r.differences.exchange_mm, o.state_bytes, o.parameter_bytes, kAirGrFortranMdays, kGoalMdays,
        __VERSION__);
}

// Returns false on a usage error.
bool parse_arguments(int argc, char** argv, Options& o) {
    for (int a = 1; a < argc; ++a) {
        const std::string_view arg = argv[a];
        if (arg == "--full") {
            o.full = true;
        } else if (arg == "--unaligned") {
            o.aligned = false;
        } else if (arg.starts_with("-") || !o.json_path.empty()) {
            return false;
        } else {
            o.json_path = arg;
        }
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_arguments(argc, argv, options)) {
        fmt::print(stderr, "usage: {} [results.jsonl] [--full] [--unaligned]\n", argv[0]);
        return 2;
    }
    std::FILE* json = nullptr;
    if (!options.json_path.empty() && !(json = std::fopen(options.json_path.c_str(), "w"))) {
        fmt::print(stderr, "cannot write {}\n", options.json_path);
        return 2;
    }
    options.threads = omp_get_max_threads();
    const model::Gr4jState probe = kernel_state(random_params(1));
    options.state_bytes = probe.state_bytes_per_subbasin();
    options.parameter_bytes = probe.parameter_bytes_per_subbasin();

    print_header(options);
    double worst_runoff_mm = 0;
    for (std::size_t count : {1, 10, 100, 1000, 10000}) {
        const Row row = measure(count, options);
        print_row(row);
        if (json) fmt::print(json, "{}", json_line(row, options));
        worst_runoff_mm = std::max(worst_runoff_mm, row.differences.runoff_mm);
    }
    if (json) std::fclose(json);
    fmt::print(
        "\n(1 sub-basin: the kernel computes a whole group of {} lanes for it. Md/s: million "
        "sub-basin-days per second; ratio: against the baseline.)\n",
        model::kLanes);

    fmt::print("\nmax |runoff kernel - baseline| over all runs: {:.3e} mm/d (tolerance {:.0e})\n",
               worst_runoff_mm, kToleranceMm);
    if (!(worst_runoff_mm <= kToleranceMm)) {
        fmt::print(stderr, "FAIL: kernel and baseline runoff differ by more than {:.0e} mm/d\n",
                   kToleranceMm);
        return 1;
    }
    return 0;
}
