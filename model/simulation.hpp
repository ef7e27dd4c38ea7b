// The time loop of one run: forcing -> PET and snow -> GR4J (a block of days, threaded over
// sub-basins) -> routing (day by day in topological order) -> results and water balance.
#pragma once

#include "model/basin.hpp"
#include "model/forcing.hpp"
#include "model/state_archive.hpp"
#include "model/water_balance.hpp"
#include "model/water_manager.hpp"

#include <cstdint>
#include <functional>

namespace riparia::model {

// Daily results of a block of days, day-major with the given stride (padded sub-basin count).
struct DayBlockResults {
    std::int64_t first_day = 0;
    int days = 0;
    std::size_t stride = 0;
    std::size_t count = 0;
    const double* precip_mm = nullptr; // total precipitation, rain and snow
    const double* pet_mm = nullptr;
    const double* aet_mm = nullptr;
    const double* runoff_mm = nullptr;     // GR4J output over the sub-basin's own area
    const double* discharge_m3s = nullptr; // at the sub-basin outlet, upstream inflow included
    const double* production_mm = nullptr; // end-of-day store levels
    const double* routing_mm = nullptr;
    const double* swe_mm = nullptr; // snow water equivalent (0 without a snow table)
    // Managed basins: one entry per day of the block (reservoirs, demands, agreements).
    const std::vector<ManagementDay>* management = nullptr;
};

class ResultSink {
  public:
    virtual ~ResultSink() = default;
    virtual void consume(const DayBlockResults& block) = 0;
};

struct RunPeriod {
    std::int64_t warmup_first_day = 0; // == first_day without warm-up
    std::int64_t first_day = 0;        // first reported day
    std::int64_t last_day = 0;         // last reported day, inclusive
};

struct PhaseTimings {
    double forcing_s = 0;
    double pet_snow_s = 0;
    double runoff_s = 0;
    double routing_s = 0;
    double output_s = 0;
};

// Blocks never cross a year end: a block runs from its first day to the earliest of 31 December,
// first + block_days - 1 and the last day of the phase (warm-up or reported period).
inline constexpr int kMaxBlockDays = 366;

struct RunSettings {
    RunPeriod period;
    int block_days = 365;
    // Called after each block with days simulated and the total (warm-up included). On a resumed
    // run both count from the resume day: days done since it, and days from it to the end.
    std::function<void(std::int64_t, std::int64_t)> on_progress;
    // Checkpoints: after the block ending on every N-th 31 December (counted from the start of
    // the run, warm-up included; the same years on a resumed run), once the sink has consumed
    // it, on_checkpoint receives the whole model state and the day the run would resume at
    // (also in the archive as integers["simulation/next_day"]). It may add entries of its own.
    int checkpoint_every_years = 0; // 0: no checkpoints
    std::function<void(StateArchive&, std::int64_t next_day)> on_checkpoint;
    // Resume: restore this state (from on_checkpoint, same basin and period) and continue from
    // its next_day, bit-identical to the uninterrupted run. Throws std::invalid_argument when
    // it does not match the basin or the period.
    const StateArchive* resume_from = nullptr;
};

struct RunSummary {
    WaterBalance balance; // over the reported period
    // Managed basins: yearly compliance per agreement and per environmental flow.
    std::vector<std::vector<ComplianceYear>> agreement_compliance, flow_compliance;
    ManagementTotals management_totals;
    PhaseTimings timings;
    std::size_t state_bytes_per_subbasin = 0;     // stores, queues, channels, snow
    std::size_t parameter_bytes_per_subbasin = 0; // GR4J parameters and ordinates
};

RunSummary simulate(const Basin& basin, ForcingSource& forcing, ResultSink* sink,
                    const RunSettings& settings);

} // namespace riparia::model
