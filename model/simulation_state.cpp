// Checkpoint state of a run: everything Simulation carries from one day to the next, as named
// arrays (model/state_archive.hpp), and the checks that refuse a checkpoint of another basin.
#include "model/simulation_loop.hpp"

#include <stdexcept>
#include <string>

namespace riparia::model::detail {

namespace {

// Version of the archive layout written by Simulation::save; a resume refuses any other.
constexpr std::int64_t kArchiveVersion = 2; // 2: reach losses

// FNV-1a over the basin's structure (ids, topology, managed items and their nodes): a resume
// refuses a checkpoint of another basin even when its array sizes happen to agree.
class StructureHash {
  public:
    void add(std::int64_t value) {
        for (int b = 0; b < 8; ++b)
            mix(static_cast<unsigned char>(static_cast<std::uint64_t>(value) >> (8 * b)));
    }
    void add(const std::string& text) {
        add(static_cast<std::int64_t>(text.size()));
        for (const char c : text)
            mix(static_cast<unsigned char>(c));
    }
    std::int64_t value() const { return static_cast<std::int64_t>(hash_); }

  private:
    void mix(unsigned char byte) { hash_ = (hash_ ^ byte) * 0x100000001b3ULL; }
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::int64_t basin_signature(const Basin& basin) {
    StructureHash h;
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        h.add(basin.subbasins[i].id);
        h.add(basin.network.downstream(i));
        h.add(basin.subbasins[i].snow ? 1 : 0);
    }
    const Management& m = basin.management;
    for (const auto& r : m.reservoirs) {
        h.add(r.id);
        h.add(r.node);
        h.add(static_cast<std::int64_t>(r.rule));
    }
    for (const auto& d : m.demands) {
        h.add(d.id);
        h.add(d.node);
    }
    for (const auto& a : m.agreements) {
        h.add(a.id);
        h.add(a.node);
    }
    for (const auto& f : m.environmental_flows) {
        h.add(f.id);
        h.add(f.node);
    }
    return h.value();
}

} // namespace

void Simulation::save_balance(StateArchive& archive) const {
    std::vector<double> precip, aet, exchange, runoff, start;
    for (const SubbasinBalance& b : balance_.subbasins) {
        precip.push_back(b.precip_mm);
        aet.push_back(b.aet_mm);
        exchange.push_back(b.exchange_mm);
        runoff.push_back(b.runoff_mm);
        start.push_back(b.storage_start_mm);
    }
    archive.put_reals("balance/precip_mm", precip);
    archive.put_reals("balance/aet_mm", aet);
    archive.put_reals("balance/exchange_mm", exchange);
    archive.put_reals("balance/runoff_mm", runoff);
    archive.put_reals("balance/storage_start_mm", start);
    std::vector<double> basin_start;
    for (const BasinBalance& b : balance_.basins)
        basin_start.push_back(b.storage_start_hm3);
    archive.put_reals("balance/basin_storage_start_hm3", basin_start);
    archive.put_reals("balance/basin_outflow_hm3", outflow_hm3_);
    archive.put_reals("balance/basin_consumed_hm3", consumed_hm3_);
    archive.put_reals("balance/basin_evaporated_hm3", evaporated_hm3_);
    archive.put_reals("balance/basin_reach_loss_hm3", reach_loss_hm3_);
}

void Simulation::load_balance(const StateArchive& archive) {
    std::vector<double> precip(count_), aet(count_), exchange(count_), runoff(count_),
        start(count_);
    archive.get_reals("balance/precip_mm", precip);
    archive.get_reals("balance/aet_mm", aet);
    archive.get_reals("balance/exchange_mm", exchange);
    archive.get_reals("balance/runoff_mm", runoff);
    archive.get_reals("balance/storage_start_mm", start);
    for (std::size_t i = 0; i < count_; ++i)
        balance_.subbasins[i] = {precip[i], aet[i], exchange[i], runoff[i], start[i], 0.0};
    std::vector<double> basin_start(balance_.basins.size());
    archive.get_reals("balance/basin_storage_start_hm3", basin_start);
    for (std::size_t k = 0; k < basin_start.size(); ++k)
        balance_.basins[k].storage_start_hm3 = basin_start[k];
    archive.get_reals("balance/basin_outflow_hm3", outflow_hm3_);
    archive.get_reals("balance/basin_consumed_hm3", consumed_hm3_);
    archive.get_reals("balance/basin_evaporated_hm3", evaporated_hm3_);
    archive.get_reals("balance/basin_reach_loss_hm3", reach_loss_hm3_);
}

void Simulation::save(StateArchive& archive, std::int64_t next_day, const RunPeriod& period) const {
    archive.put_integer("simulation/archive_version", kArchiveVersion);
    archive.put_integer("simulation/basin_signature", basin_signature(basin_));
    archive.put_integers(
        "simulation/period",
        std::vector<std::int64_t>{period.warmup_first_day, period.first_day, period.last_day});
    archive.put_integer("simulation/next_day", next_day);
    archive.put_reals("simulation/swe_mm", swe_mm_);
    archive.put_reals("simulation/channel_inflow_m3s", inflow_m3s_);
    gr4j_.save(archive, "gr4j/");
    channels_.save(archive, "channel/");
    if (manager_) manager_->save(archive, "management/");
    save_balance(archive);
}

std::int64_t Simulation::load(const StateArchive& archive, const RunPeriod& period) {
    archive.expect_integer("simulation/archive_version", kArchiveVersion,
                           "as the archive layout version");
    if (archive.get_integer("simulation/basin_signature") != basin_signature(basin_)) {
        throw std::invalid_argument("checkpoint does not match this run: it was written for "
                                    "another basin (sub-basins, topology or managed items differ)");
    }
    std::vector<std::int64_t> saved(3);
    archive.get_integers("simulation/period", saved);
    const std::int64_t next_day = archive.get_integer("simulation/next_day");
    // The whole period must match: the Hanasaki climatology is a mean over all of it.
    if (saved[0] != period.warmup_first_day || saved[1] != period.first_day ||
        saved[2] != period.last_day || next_day < period.warmup_first_day ||
        next_day > period.last_day + 1) {
        throw std::invalid_argument("checkpoint does not match this run: it was written for "
                                    "another period (warm-up start, start or end differ)");
    }
    archive.get_reals("simulation/swe_mm", swe_mm_);
    archive.get_reals("simulation/channel_inflow_m3s", inflow_m3s_);
    gr4j_.load(archive, "gr4j/");
    channels_.load(archive, "channel/");
    if (manager_) manager_->load(archive, "management/");
    load_balance(archive);
    return next_day;
}

} // namespace riparia::model::detail
