#include "model/simulation.hpp"

#include "model/simulation_loop.hpp"

#include "model/aligned_vector.hpp"
#include "model/calendar.hpp"
#include "model/channel.hpp"
#include "model/climatology_pass.hpp"
#include "model/oudin.hpp"
#include "model/units.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace riparia::model {

namespace {

using Clock = std::chrono::steady_clock;

// Below this many lane groups a block of days is run on one thread: a parallel region per block
// costs more than it saves, and on a loaded machine it waits for a descheduled thread.
constexpr std::ptrdiff_t kMinGroupsForThreads = 4;
// Below this many sub-basins the routing of independent trees stays on one thread.
constexpr std::size_t kMinNodesForTreeThreads = 256;
// Each of the eleven day arrays of a block holds stride x days doubles: a year-long block costs
// 32 KB per sub-basin, which dominates memory on continental networks (32 GB for a million
// sub-basins). Blocks are shortened so that an array stays under this many values (32 MiB);
// results do not depend on the block length (tests/test_checkpoint.cpp).
constexpr std::size_t kMaxBlockCells = std::size_t{1} << 22;
int longest_block_days(std::size_t stride) {
    return static_cast<int>(std::clamp<std::size_t>(
        kMaxBlockCells / std::max<std::size_t>(stride, 1), 1, kMaxBlockDays));
}
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<Gr4jParams> gr4j_params_of(const Basin& basin) {
    std::vector<Gr4jParams> params;
    for (const auto& s : basin.subbasins)
        params.push_back(s.gr4j);
    return params;
}

std::vector<double> fills(const Basin& basin, bool production) {
    std::vector<double> f;
    for (const auto& s : basin.subbasins)
        f.push_back(production ? s.production_fill : s.routing_fill);
    return f;
}

std::vector<RoutingParams> routing_of(const Basin& basin) {
    std::vector<RoutingParams> r;
    for (const auto& s : basin.subbasins)
        r.push_back(s.routing);
    return r;
}

} // namespace

namespace detail {

Simulation::Simulation(const Basin& basin, ForcingSource& forcing, int block_days,
                       const std::vector<HanasakiClimatology>& climatology)
    : basin_(basin), forcing_(forcing), count_(basin.subbasins.size()),
      stride_(padded_count(basin.subbasins.size())),
      block_days_(std::clamp(block_days, 1, longest_block_days(stride_))),
      gr4j_(gr4j_params_of(basin), fills(basin, true), fills(basin, false)),
      channels_(routing_of(basin)) {
    swe_mm_.assign(count_, 0.0);
    inflow_m3s_.assign(count_, 0.0);
    needs_pet_.assign(count_, 0);
    area_km2_.assign(count_, 0.0);
    for (std::size_t i = 0; i < count_; ++i) {
        if (basin.subbasins[i].snow) swe_mm_[i] = basin.subbasins[i].snow->initial_swe_mm;
        needs_pet_[i] = forcing.has_pet(i) ? 0 : 1;
        if (needs_pet_[i]) pet_nodes_.push_back(static_cast<int>(i));
        if (basin.subbasins[i].snow) snow_nodes_.push_back(static_cast<int>(i));
        area_km2_[i] = basin.subbasins[i].area_km2;
    }
    tabulate_radiation();
    const std::size_t cells = stride_ * static_cast<std::size_t>(block_days_);
    for (auto* v : {&precip_, &pet_, &temperature_, &liquid_, &runoff_, &aet_, &exchange_,
                    &production_, &routing_, &swe_out_, &discharge_}) {
        v->assign(cells, 0.0);
    }
    day_of_year_.assign(static_cast<std::size_t>(block_days_), 1);
    balance_.subbasins.assign(count_, {});
    balance_.basins.assign(basin.network.outlets().size(), {});
    outflow_hm3_.assign(basin.network.outlets().size(), 0.0);
    for (std::size_t b = 0; b < balance_.basins.size(); ++b) {
        balance_.basins[b].outlet_id = basin.subbasins[basin.network.outlets()[b]].id;
    }
    basin_index_.assign(count_, -1);
    const auto& outlets = basin.network.outlets();
    for (std::size_t k = 0; k < outlets.size(); ++k)
        basin_index_[outlets[k]] = static_cast<int>(k);
    for (std::size_t i = 0; i < count_; ++i)
        basin_index_[i] = basin_index_[basin.network.outlet_of(i)];
    consumed_hm3_.assign(outlets.size(), 0.0);
    evaporated_hm3_.assign(outlets.size(), 0.0);
    reach_loss_hm3_.assign(outlets.size(), 0.0);
    if (basin.management.empty()) {
        split_trees();
        return;
    }
    std::vector<double> gains(count_);
    for (std::size_t i = 0; i < count_; ++i)
        gains[i] = channels_.same_day_gain(i);
    manager_ = std::make_unique<WaterManager>(basin, gains, climatology);
    known_inflow_m3s_.assign(count_, 0.0);
    managed_outflow_m3s_.assign(count_, 0.0);
    figures_.resize(static_cast<std::size_t>(block_days_));
}

// Extraterrestrial radiation by day of year, once per distinct latitude of the sub-basins that
// need Oudin PET (its sines and cosines were a tenth of a managed run's time).
void Simulation::tabulate_radiation() {
    radiation_row_.assign(count_, 0);
    std::unordered_map<double, std::size_t> row_of_latitude; // a search was quadratic in them
    for (std::size_t i = 0; i < count_; ++i) {
        if (!needs_pet_[i]) continue;
        const double lat = basin_.subbasins[i].lat_deg;
        const auto [at, added] = row_of_latitude.emplace(lat, radiation_MJ_m2_.size());
        if (added) {
            for (int doy = 1; doy <= 366; ++doy)
                radiation_MJ_m2_.push_back(extraterrestrial_radiation_MJ_m2_day(lat, doy));
        }
        radiation_row_[i] = at->second;
    }
}

// Per-tree topological orders, when there are enough trees and nodes for threads to pay.
void Simulation::split_trees() {
    const auto& outlets = basin_.network.outlets();
    if (outlets.size() < 2 || count_ < kMinNodesForTreeThreads) return;
    tree_orders_.resize(outlets.size());
    for (const int node : basin_.network.topological_order())
        tree_orders_[static_cast<std::size_t>(basin_index_[node])].push_back(node);
}

void Simulation::prepare_inputs(int days) {
    for (int d = 0; d < days; ++d) {
        day_of_year_[d] = calendar::day_of_year(calendar::date_of(block_first_day_ + d));
    }
    // Day by day along the rows (a sub-basin's days are a stride apart): each pack still sees its
    // days in order, and only the sub-basins with Oudin PET or snow are visited for them.
    for (int d = 0; d < days; ++d) {
        const std::size_t row = static_cast<std::size_t>(d) * stride_;
        for (const int i : pet_nodes_) {
            pet_[row + i] = oudin_pet_mm_day_from_radiation(
                temperature_[row + i], radiation_MJ_m2_[radiation_row_[i] + day_of_year_[d] - 1]);
        }
        std::copy_n(&precip_[row], count_, &liquid_[row]);
        for (const int i : snow_nodes_) {
            liquid_[row + i] = snow_step(*basin_.subbasins[i].snow, precip_[row + i],
                                         temperature_[row + i], swe_mm_[i])
                                   .liquid_mm;
        }
        std::copy_n(swe_mm_.data(), count_, &swe_out_[row]);
    }
}

void Simulation::run_runoff(int days) {
    Gr4jDayArrays io;
    io.precip_mm = liquid_.data();
    io.pet_mm = pet_.data();
    io.runoff_mm = runoff_.data();
    io.aet_mm = aet_.data();
    io.exchange_mm = exchange_.data();
    io.production_mm = production_.data();
    io.routing_mm = routing_.data();
    io.stride = stride_;
    io.days = days;
    const auto groups = static_cast<std::ptrdiff_t>(gr4j_.group_count());
#pragma omp parallel for schedule(static) if (groups >= kMinGroupsForThreads)
    for (std::ptrdiff_t g = 0; g < groups; ++g) {
        gr4j_.run_groups(io, static_cast<std::size_t>(g), static_cast<std::size_t>(g) + 1);
    }
}

void Simulation::run_managed_routing(int days) {
    const auto& order = basin_.network.topological_order();
    for (int d = 0; d < days; ++d) {
        const std::size_t row = static_cast<std::size_t>(d) * stride_;
        for (std::size_t i = 0; i < count_; ++i) {
            known_inflow_m3s_[i] =
                units::mm_day_to_m3s(runoff_[row + i], basin_.subbasins[i].area_km2);
        }
        for (std::size_t i = 0; i < count_; ++i) { // arrivals of earlier days' outflows
            const int down = basin_.network.downstream(i);
            if (down != Network::kOutlet)
                known_inflow_m3s_[down] += channels_.arrival_without_inflow(i);
        }
        manager_->step(block_first_day_ + d, known_inflow_m3s_.data(), &pet_[row], account_day_,
                       managed_outflow_m3s_, figures_[d]);
        for (const int node : order) {
            discharge_[row + node] = managed_outflow_m3s_[node];
            if (basin_.network.downstream(node) != Network::kOutlet) {
                channels_.route(static_cast<std::size_t>(node), managed_outflow_m3s_[node]);
                account_reach_loss(node);
            }
        }
    }
}

void Simulation::run_routing(int days) {
    if (manager_) {
        run_managed_routing(days);
        return;
    }
    if (tree_orders_.empty()) {
        route_tree(basin_.network.topological_order(), days);
        return;
    }
    // Independent trees (a file of several basins, a continental grid) route in parallel; each
    // keeps its own topological order, so the sums are those of the single-thread run.
    const auto trees = static_cast<std::ptrdiff_t>(tree_orders_.size());
#pragma omp parallel for schedule(dynamic, 8)
    for (std::ptrdiff_t t = 0; t < trees; ++t)
        route_tree(tree_orders_[static_cast<std::size_t>(t)], days);
}

void Simulation::route_tree(const std::vector<int>& order, int days) {
    for (int d = 0; d < days; ++d) {
        const std::size_t row = static_cast<std::size_t>(d) * stride_;
        for (const int node : order) {
            const double outlet_m3s =
                units::mm_day_to_m3s(runoff_[row + node], area_km2_[node]) + inflow_m3s_[node];
            inflow_m3s_[node] = 0.0;
            discharge_[row + node] = outlet_m3s;
            const int down = basin_.network.downstream(node);
            if (down != Network::kOutlet) {
                inflow_m3s_[down] += channels_.route(static_cast<std::size_t>(node), outlet_m3s);
                account_reach_loss(node);
            }
        }
    }
}

// The reach below `node` lost water on the day it just routed: a sink of its basin's balance.
// Trees routed in parallel write only their own basin's total.
void Simulation::account_reach_loss(int node) {
    if (!account_day_) return;
    reach_loss_hm3_[basin_index_[node]] +=
        channels_.last_loss_m3s_day(static_cast<std::size_t>(node)) * units::hm3_per_m3s_day;
}

void Simulation::accumulate(int days) {
    for (std::size_t i = 0; i < count_; ++i) {
        SubbasinBalance& b = balance_.subbasins[i];
        for (int d = 0; d < days; ++d) {
            const std::size_t at = static_cast<std::size_t>(d) * stride_ + i;
            b.precip_mm += precip_[at];
            b.aet_mm += aet_[at];
            b.exchange_mm += exchange_[at];
            b.runoff_mm += runoff_[at];
        }
    }
    const auto& outlets = basin_.network.outlets();
    for (std::size_t k = 0; k < outlets.size(); ++k) {
        for (int d = 0; d < days; ++d) {
            outflow_hm3_[k] += discharge_[static_cast<std::size_t>(d) * stride_ + outlets[k]] *
                               units::hm3_per_m3s_day;
        }
    }
    if (manager_) accumulate_management(days);
}

void Simulation::accumulate_management(int days) {
    const Management& m = basin_.management;
    for (int d = 0; d < days; ++d) {
        const ManagementDay& f = figures_[d];
        for (std::size_t j = 0; j < m.demands.size(); ++j) {
            const DemandSpec& spec = m.demands[j];
            const double fraction = spec.return_node < 0 ? 1.0 : spec.consumptive_fraction;
            consumed_hm3_[basin_index_[spec.node]] +=
                f.delivered_m3s[j] * fraction * units::hm3_per_m3s_day;
        }
        for (std::size_t r = 0; r < m.reservoirs.size(); ++r) {
            evaporated_hm3_[basin_index_[m.reservoirs[r].node]] += f.evaporation_hm3[r];
        }
    }
}

double Simulation::land_storage_mm(std::size_t i) const {
    return gr4j_.production_mm(i) + gr4j_.routing_mm(i) + gr4j_.unit_hydrograph_storage_mm(i) +
           swe_mm_[i];
}

void Simulation::record_storage(bool at_start) {
    for (std::size_t i = 0; i < count_; ++i) {
        (at_start ? balance_.subbasins[i].storage_start_mm : balance_.subbasins[i].storage_end_mm) =
            land_storage_mm(i);
    }
    std::vector<double> storage_hm3(basin_.network.outlets().size(), 0.0);
    for (std::size_t i = 0; i < count_; ++i) {
        storage_hm3[basin_index_[i]] +=
            land_storage_mm(i) * basin_.subbasins[i].area_km2 * units::hm3_per_mm_km2 +
            channels_.storage_m3s_day(i) * units::hm3_per_m3s_day;
    }
    for (std::size_t r = 0; manager_ && r < basin_.management.reservoirs.size(); ++r) {
        storage_hm3[basin_index_[basin_.management.reservoirs[r].node]] += manager_->storage_hm3(r);
    }
    for (std::size_t i = 0; manager_ && i < count_; ++i) {
        storage_hm3[basin_index_[i]] += manager_->late_returns_hm3(i);
    }
    for (std::size_t k = 0; k < storage_hm3.size(); ++k) {
        (at_start ? balance_.basins[k].storage_start_hm3 : balance_.basins[k].storage_end_hm3) =
            storage_hm3[k];
    }
    if (!at_start) close_basin_balances();
}

void Simulation::close_basin_balances() {
    std::vector<BasinBalance>& basins = balance_.basins;
    for (std::size_t i = 0; i < count_; ++i) {
        BasinBalance& b = basins[basin_index_[i]];
        const double to_hm3 = basin_.subbasins[i].area_km2 * units::hm3_per_mm_km2;
        b.precip_hm3 += balance_.subbasins[i].precip_mm * to_hm3;
        b.aet_hm3 += balance_.subbasins[i].aet_mm * to_hm3;
        b.exchange_hm3 += balance_.subbasins[i].exchange_mm * to_hm3;
    }
    for (std::size_t k = 0; k < basins.size(); ++k) {
        basins[k].outflow_hm3 = outflow_hm3_[k];
        basins[k].consumed_hm3 = consumed_hm3_[k];
        basins[k].evaporated_hm3 = evaporated_hm3_[k];
        basins[k].reach_loss_hm3 = reach_loss_hm3_[k];
    }
}

std::int64_t Simulation::block_last_day(std::int64_t first_day, std::int64_t phase_last_day) const {
    const std::int64_t year_end = calendar::day_number({calendar::date_of(first_day).year, 12, 31});
    return std::min({year_end, first_day + block_days_ - 1, phase_last_day});
}

void Simulation::run_block(std::int64_t day, int days, ResultSink* sink, bool account) {
    block_first_day_ = day;
    account_day_ = account;
    auto start = Clock::now();
    forcing_.fill({day, days, stride_, precip_.data(), pet_.data(), temperature_.data()});
    timings_.forcing_s += seconds_since(start);
    start = Clock::now();
    prepare_inputs(days);
    timings_.pet_snow_s += seconds_since(start);
    start = Clock::now();
    run_runoff(days);
    timings_.runoff_s += seconds_since(start);
    start = Clock::now();
    run_routing(days);
    if (account) accumulate(days);
    timings_.routing_s += seconds_since(start);
    if (sink) {
        start = Clock::now();
        sink->consume({day, days, stride_, count_, precip_.data(), pet_.data(), aet_.data(),
                       runoff_.data(), discharge_.data(), production_.data(), routing_.data(),
                       swe_out_.data(), manager_ ? &figures_ : nullptr});
        timings_.output_s += seconds_since(start);
    }
}

void Simulation::checkpoint_if_due(std::int64_t last_day, const RunSettings& settings) const {
    const int every = settings.checkpoint_every_years;
    if (every <= 0 || !settings.on_checkpoint) return;
    const calendar::Date date = calendar::date_of(last_day);
    if (date.month != 12 || date.day != 31) return;
    // Year ends since the run started, this one included: the same on a resumed run.
    const int year_ends = date.year - calendar::date_of(settings.period.warmup_first_day).year + 1;
    if (year_ends % every != 0) return;
    StateArchive archive;
    save(archive, last_day + 1, settings.period);
    settings.on_checkpoint(archive, last_day + 1);
}

void Simulation::run_days(std::int64_t first_day, std::int64_t last_day, ResultSink* sink,
                          bool account, const RunSettings& settings, std::int64_t& days_done,
                          std::int64_t days_total) {
    for (std::int64_t day = first_day; day <= last_day;) {
        const std::int64_t block_last = block_last_day(day, last_day);
        const int days = static_cast<int>(block_last - day + 1);
        run_block(day, days, sink, account);
        checkpoint_if_due(block_last, settings);
        days_done += days;
        if (settings.on_progress) settings.on_progress(days_done, days_total);
        day = block_last + 1;
    }
}

std::size_t Simulation::state_bytes_per_subbasin() const {
    std::size_t channel_bytes = 0;
    for (std::size_t i = 0; i < count_; ++i)
        channel_bytes += channels_.state_bytes(i);
    const std::size_t per_node = count_ ? channel_bytes / count_ : 0;
    // GR4J stores and queues, channel lag ring and reservoir, snow pack, routing accumulator.
    return gr4j_.state_bytes_per_subbasin() + per_node + 2 * sizeof(double);
}

} // namespace detail

RunSummary simulate(const Basin& basin, ForcingSource& forcing, ResultSink* sink,
                    const RunSettings& settings) {
    using detail::Simulation;
    // The Hanasaki pre-pass is deterministic: a resumed run recomputes it.
    RunSettings natural = settings;
    natural.on_progress = nullptr;
    natural.on_checkpoint = nullptr;
    natural.checkpoint_every_years = 0;
    natural.resume_from = nullptr;
    Simulation sim(basin, forcing, std::max(1, settings.block_days),
                   hanasaki_climatology(basin, forcing, natural));
    const RunPeriod& p = settings.period;
    std::int64_t next_day = p.warmup_first_day;
    if (settings.resume_from) next_day = sim.load(*settings.resume_from, p);
    const std::int64_t total = p.last_day - next_day + 1;
    std::int64_t done = 0;
    if (next_day < p.first_day) {
        sim.run_days(next_day, p.first_day - 1, nullptr, false, settings, done, total);
    }
    if (next_day <= p.first_day) sim.record_storage(true);
    sim.run_days(std::max(next_day, p.first_day), p.last_day, sink, true, settings, done, total);
    sim.record_storage(false);
    RunSummary summary;
    summary.balance = std::move(sim.balance());
    summary.timings = sim.timings();
    summary.state_bytes_per_subbasin = sim.state_bytes_per_subbasin();
    summary.parameter_bytes_per_subbasin = sim.parameter_bytes_per_subbasin();
    if (WaterManager* manager = sim.manager()) {
        summary.agreement_compliance = manager->agreement_compliance();
        summary.flow_compliance = manager->flow_compliance();
        summary.management_totals = manager->totals();
    }
    return summary;
}

} // namespace riparia::model
