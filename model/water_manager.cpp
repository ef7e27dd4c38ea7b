#include "model/water_manager.hpp"

#include "model/calendar.hpp"
#include "model/units.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace riparia::model {

namespace {

constexpr double kM3sDayPerHm3 = 1.0 / units::hm3_per_m3s_day;
constexpr int kDroughtWindowDays = 365;

// Requirements are laid out as [environmental flows][agreements][reservoir rule targets].
AllocationNetwork network_of(const Basin& basin, std::vector<double> same_day_gain) {
    AllocationNetwork n;
    const std::size_t nodes = basin.subbasins.size();
    for (std::size_t v = 0; v < nodes; ++v)
        n.downstream.push_back(basin.network.downstream(v));
    n.same_day_gain = std::move(same_day_gain);
    const Management& m = basin.management;
    for (const auto& d : m.demands) {
        n.demands.push_back({d.node, d.return_node, d.consumptive_fraction, d.priority});
    }
    for (const auto& f : m.environmental_flows)
        n.requirements.push_back({f.node, f.priority});
    for (const auto& a : m.agreements)
        n.requirements.push_back({a.node, a.priority});
    for (const auto& r : m.reservoirs) {
        n.requirements.push_back({r.node, r.rule_priority});
        n.reservoirs.push_back({r.node});
    }
    return n;
}

std::vector<ComplianceYear>& year_of(std::vector<ComplianceYear>& years, int year) {
    if (years.empty() || years.back().year != year) years.push_back({year, 0, 0, 0, 0});
    return years;
}

// Compliance years of several items, flattened: a year count per item, then the years in order.
void save_years(StateArchive& archive, const std::string& name,
                const std::vector<std::vector<ComplianceYear>>& items) {
    std::vector<std::int64_t> counts, years, days_short;
    std::vector<double> required, delivered, flow;
    for (const auto& item : items) {
        counts.push_back(static_cast<std::int64_t>(item.size()));
        for (const ComplianceYear& y : item) {
            years.push_back(y.year);
            days_short.push_back(y.days_short);
            required.push_back(y.required_hm3);
            delivered.push_back(y.delivered_hm3);
            flow.push_back(y.flow_hm3);
        }
    }
    archive.put_integers(name + "/year_count", counts);
    archive.put_integers(name + "/year", years);
    archive.put_integers(name + "/days_short", days_short);
    archive.put_reals(name + "/required_hm3", required);
    archive.put_reals(name + "/delivered_hm3", delivered);
    archive.put_reals(name + "/flow_hm3", flow);
}

void load_years(const StateArchive& archive, const std::string& name,
                std::vector<std::vector<ComplianceYear>>& items) {
    std::vector<std::int64_t> counts(items.size());
    archive.get_integers(name + "/year_count", counts);
    std::size_t total = 0;
    for (std::int64_t c : counts) {
        if (c < 0) throw std::invalid_argument("checkpoint entry '" + name + "' is corrupt");
        total += static_cast<std::size_t>(c);
    }
    std::vector<std::int64_t> years(total), days_short(total);
    std::vector<double> required(total), delivered(total), flow(total);
    archive.get_integers(name + "/year", years);
    archive.get_integers(name + "/days_short", days_short);
    archive.get_reals(name + "/required_hm3", required);
    archive.get_reals(name + "/delivered_hm3", delivered);
    archive.get_reals(name + "/flow_hm3", flow);
    std::size_t at = 0;
    for (std::size_t k = 0; k < items.size(); ++k) {
        items[k].clear();
        for (std::int64_t n = 0; n < counts[k]; ++n, ++at) {
            items[k].push_back({static_cast<int>(years[at]), required[at], delivered[at],
                                static_cast<int>(days_short[at]), flow[at]});
        }
    }
}

} // namespace

WaterManager::WaterManager(const Basin& basin, std::vector<double> same_day_gain,
                           const std::vector<HanasakiClimatology>& climatology)
    : basin_(basin), network_(network_of(basin, std::move(same_day_gain))) {
    solver_ = std::make_unique<AllocationSolver>(network_);
    const Management& m = basin.management;
    const std::size_t nodes = basin.subbasins.size(), reservoirs = m.reservoirs.size();
    day_.inflow_m3s.assign(nodes, 0.0);
    day_.request_m3s.assign(m.demands.size(), 0.0);
    day_.required_m3s.assign(network_.requirements.size(), 0.0);
    for (auto* v : {&day_.storage, &day_.dead_storage, &day_.capacity, &day_.evaporation,
                    &day_.max_release}) {
        v->assign(reservoirs, 0.0);
    }
    for (std::size_t r = 0; r < reservoirs; ++r) {
        const ReservoirSpec& spec = m.reservoirs[r];
        storage_hm3_.push_back(spec.initial_storage_hm3);
        filling_start_hm3_.push_back(spec.initial_storage_hm3);
        if (spec.rule == RuleKind::hanasaki) {
            hanasaki_.emplace_back(
                HanasakiRule(spec.capacity_hm3, spec.irrigation, climatology[r]));
        } else {
            hanasaki_.emplace_back(std::nullopt);
        }
        day_.dead_storage[r] = spec.dead_storage_hm3 * kM3sDayPerHm3;
        day_.capacity[r] = spec.capacity_hm3 * kM3sDayPerHm3;
        day_.max_release[r] = spec.max_release_m3s;
    }
    evaporation_hm3_.assign(reservoirs, 0.0);
    hanasaki_release_m3s_.assign(reservoirs, 0.0);
    hanasaki_started_.assign(reservoirs, 0);
    filling_done_.assign(reservoirs, 0);
    target_m3s_.assign(reservoirs, 0.0);
    arrival_m3s_.assign(nodes, 0.0);
    late_return_m3s_.assign(nodes, 0.0);
    drought_history_.assign(m.agreements.size(), std::vector<double>(kDroughtWindowDays, 0.0));
    agreement_years_.assign(m.agreements.size(), {});
    flow_years_.assign(m.environmental_flows.size(), {});
}

WaterManager::~WaterManager() = default;

void WaterManager::save(StateArchive& archive, const std::string& prefix) const {
    archive.put_reals(prefix + "storage_hm3", storage_hm3_);
    archive.put_reals(prefix + "filling_start_hm3", filling_start_hm3_);
    archive.put_integers(prefix + "filling_done", filling_done_);
    archive.put_reals(prefix + "hanasaki_release_m3s", hanasaki_release_m3s_);
    archive.put_integers(prefix + "hanasaki_started", hanasaki_started_);
    for (std::size_t r = 0; r < hanasaki_.size(); ++r) {
        if (hanasaki_[r])
            hanasaki_[r]->save(archive, prefix + "hanasaki/" + std::to_string(r) + "/");
    }
    archive.put_reals(prefix + "arrival_m3s", arrival_m3s_);
    archive.put_reals(prefix + "late_return_m3s", late_return_m3s_);
    std::vector<double> history;
    for (const auto& h : drought_history_)
        history.insert(history.end(), h.begin(), h.end());
    archive.put_reals(prefix + "drought_history_m3s", history);
    archive.put_integers(prefix + "drought_history_position",
                         std::vector<int>{history_head_, history_days_});
    save_years(archive, prefix + "agreement_compliance", agreement_years_);
    save_years(archive, prefix + "flow_compliance", flow_years_);
    const ManagementTotals& t = totals_;
    archive.put_reals(prefix + "totals_hm3",
                      std::vector<double>{t.withdrawn, t.consumed, t.returned, t.evaporated,
                                          t.reservoir_storage_start, t.reservoir_storage_end});
}

void WaterManager::load(const StateArchive& archive, const std::string& prefix) {
    archive.get_reals(prefix + "storage_hm3", storage_hm3_);
    archive.get_reals(prefix + "filling_start_hm3", filling_start_hm3_);
    archive.get_integers(prefix + "filling_done", filling_done_);
    archive.get_reals(prefix + "hanasaki_release_m3s", hanasaki_release_m3s_);
    archive.get_integers(prefix + "hanasaki_started", hanasaki_started_);
    for (std::size_t r = 0; r < hanasaki_.size(); ++r) {
        if (hanasaki_[r])
            hanasaki_[r]->load(archive, prefix + "hanasaki/" + std::to_string(r) + "/");
    }
    archive.get_reals(prefix + "arrival_m3s", arrival_m3s_);
    archive.get_reals(prefix + "late_return_m3s", late_return_m3s_);
    std::vector<double> history(drought_history_.size() * kDroughtWindowDays);
    archive.get_reals(prefix + "drought_history_m3s", history);
    for (std::size_t a = 0; a < drought_history_.size(); ++a) {
        const auto first = history.begin() + static_cast<std::ptrdiff_t>(a * kDroughtWindowDays);
        std::copy(first, first + kDroughtWindowDays, drought_history_[a].begin());
    }
    std::vector<int> position(2);
    archive.get_integers(prefix + "drought_history_position", position);
    if (position[0] < 0 || position[0] >= kDroughtWindowDays || position[1] < 0) {
        throw std::invalid_argument("checkpoint entry '" + prefix +
                                    "drought_history_position' is corrupt");
    }
    history_head_ = position[0];
    history_days_ = position[1];
    load_years(archive, prefix + "agreement_compliance", agreement_years_);
    load_years(archive, prefix + "flow_compliance", flow_years_);
    std::vector<double> t(6);
    archive.get_reals(prefix + "totals_hm3", t);
    totals_ = {t[0], t[1], t[2], t[3], t[4], t[5]};
}

double WaterManager::late_returns_hm3(std::size_t node) const {
    return late_return_m3s_[node] * units::hm3_per_m3s_day;
}

double WaterManager::total_storage_hm3() const {
    return std::accumulate(storage_hm3_.begin(), storage_hm3_.end(), 0.0);
}

void WaterManager::set_requests(std::int64_t day, int month) {
    const calendar::Date date = calendar::date_of(day);
    const int days = calendar::days_in_month(date.year, month);
    const Management& m = basin_.management;
    for (std::size_t j = 0; j < m.demands.size(); ++j) {
        const DemandSpec& d = m.demands[j];
        day_.request_m3s[j] =
            d.annual_volume_hm3 * d.monthly_share[month - 1] / days * kM3sDayPerHm3;
    }
    for (std::size_t k = 0; k < m.environmental_flows.size(); ++k) {
        day_.required_m3s[k] = m.environmental_flows[k].flow_m3s[month - 1];
    }
}

void WaterManager::set_reservoirs(std::int64_t day, int month, const double* inflow_m3s,
                                  const double* pet_mm) {
    const Management& m = basin_.management;
    const bool month_start = calendar::date_of(day).day == 1;
    const std::size_t first_target = m.environmental_flows.size() + m.agreements.size();
    for (std::size_t r = 0; r < m.reservoirs.size(); ++r) {
        const ReservoirSpec& spec = m.reservoirs[r];
        const double storage = storage_hm3_[r];
        evaporation_hm3_[r] = open_water_evaporation_hm3(spec.area, storage, pet_mm[spec.node]);
        double target = spec.target_release_m3s[month - 1];
        if (spec.rule == RuleKind::hanasaki) {
            // The rule sets a release per month, on the month's first day (or the run's).
            if (month_start || !hanasaki_started_[r]) {
                hanasaki_release_m3s_[r] = hanasaki_[r]->release_for_month(month, storage);
                hanasaki_started_[r] = 1;
            }
            target = hanasaki_release_m3s_[r];
        }
        if (spec.filling.enabled && spec.filling.first_day == day) filling_start_hm3_[r] = storage;
        // Filling ends for good once it has ended (full or out of time): it does not restart
        // when the reservoir later drops below capacity.
        std::optional<double> filling;
        if (!filling_done_[r]) {
            filling = filling_target_m3s(spec.filling, day, inflow_m3s[spec.node], storage,
                                         filling_start_hm3_[r], spec.capacity_hm3);
            if (!filling && spec.filling.enabled && day >= spec.filling.first_day) {
                filling_done_[r] = 1;
            }
        }
        if (filling) target = *filling;
        // A dam with a filling policy is not there before its filling starts: no room to store
        // (all inflow passes as spill), nothing to release, no lake to evaporate; its storage
        // stays as it was (its initial storage should be its dead storage).
        const bool built = !spec.filling.enabled || day >= spec.filling.first_day;
        day_.capacity[r] = (built ? spec.capacity_hm3 : storage) * kM3sDayPerHm3;
        day_.dead_storage[r] = (built ? spec.dead_storage_hm3 : storage) * kM3sDayPerHm3;
        if (!built) {
            target = 0.0;
            evaporation_hm3_[r] = 0.0;
        }
        target_m3s_[r] = target;
        day_.required_m3s[first_target + r] = target;
        day_.storage[r] = storage * kM3sDayPerHm3;
        day_.evaporation[r] = evaporation_hm3_[r] * kM3sDayPerHm3;
    }
}

void WaterManager::set_agreements(std::int64_t day, int month) {
    const Management& m = basin_.management;
    const std::size_t first = m.environmental_flows.size();
    const int year_days = calendar::is_leap_year(calendar::date_of(day).year) ? 366 : 365;
    for (std::size_t a = 0; a < m.agreements.size(); ++a) {
        const AgreementSpec& spec = m.agreements[a];
        const double reference = arrival_m3s_[spec.reference_node]; // yesterday's arriving flow
        double required = 0;
        switch (spec.kind) {
        case AgreementKind::min_flow:
            required = spec.flow_m3s[month - 1];
            break;
        case AgreementKind::annual_volume: {
            required = spec.annual_volume_hm3 / year_days * kM3sDayPerHm3;
            if (spec.drought_reference_m3s > 0 && history_days_ >= kDroughtWindowDays) {
                const auto& h = drought_history_[a];
                const double mean = std::accumulate(h.begin(), h.end(), 0.0) / kDroughtWindowDays;
                // Declared drought: deliveries reduced in proportion to the shortfall of flow.
                required *= std::min(1.0, mean / spec.drought_reference_m3s);
            }
            break;
        }
        case AgreementKind::share:
            required = spec.downstream_share * reference;
            break;
        case AgreementKind::schedule:
            if (!spec.active_months[month - 1]) break;
            for (const auto& band : spec.bands) {
                if (reference <= band.upto_m3s) {
                    required = std::clamp(band.share * reference + band.offset_m3s, 0.0, reference);
                    break;
                }
            }
            break;
        }
        day_.required_m3s[first + a] = required;
    }
}

void WaterManager::step(std::int64_t day, const double* inflow_m3s, const double* pet_mm,
                        bool account, std::vector<double>& outflow_m3s, ManagementDay& figures) {
    const int month = calendar::date_of(day).month;
    // Inflow known today: runoff, earlier releases, and yesterday's late return flows.
    for (std::size_t v = 0; v < day_.inflow_m3s.size(); ++v) {
        day_.inflow_m3s[v] = inflow_m3s[v] + late_return_m3s_[v];
    }
    set_requests(day, month);
    set_agreements(day, month);
    set_reservoirs(day, month, inflow_m3s, pet_mm);
    solver_->solve(day_, result_);
    late_return_m3s_ = result_.late_return_m3s;
    outflow_m3s.assign(result_.outflow_m3s.begin(), result_.outflow_m3s.end());
    for (std::size_t r = 0; r < storage_hm3_.size(); ++r) {
        storage_hm3_[r] = result_.storage_end[r] * units::hm3_per_m3s_day;
    }
    // Arriving flows (before withdrawals) are tomorrow's reference for shares and schedules.
    std::copy(day_.inflow_m3s.begin(), day_.inflow_m3s.end(), arrival_m3s_.begin());
    for (std::size_t v = 0; v < arrival_m3s_.size(); ++v) {
        const int down = network_.downstream[v];
        if (down >= 0) arrival_m3s_[down] += network_.same_day_gain[v] * outflow_m3s[v];
    }
    for (std::size_t a = 0; a < drought_history_.size(); ++a) {
        drought_history_[a][history_head_] =
            arrival_m3s_[basin_.management.agreements[a].reference_node];
    }
    history_head_ = (history_head_ + 1) % kDroughtWindowDays;
    ++history_days_;
    record(day, account, figures);
}

void WaterManager::record(std::int64_t day, bool account, ManagementDay& f) {
    const Management& m = basin_.management;
    f.request_m3s = day_.request_m3s;
    f.delivered_m3s = result_.delivered_m3s;
    f.deficit_m3s.resize(f.request_m3s.size());
    for (std::size_t j = 0; j < f.request_m3s.size(); ++j) {
        f.deficit_m3s[j] = std::max(0.0, f.request_m3s[j] - f.delivered_m3s[j]);
    }
    f.storage_hm3 = storage_hm3_;
    f.release_m3s = result_.release_m3s;
    f.spill_m3s = result_.spill_m3s;
    f.evaporation_hm3 = evaporation_hm3_;
    f.target_m3s = target_m3s_;
    // Where priorities or agreements made the reservoir depart from its rule: outflow - target.
    f.departure_m3s.resize(target_m3s_.size());
    for (std::size_t r = 0; r < target_m3s_.size(); ++r) {
        f.departure_m3s[r] = result_.release_m3s[r] + result_.spill_m3s[r] - target_m3s_[r];
    }
    const std::size_t flows = m.environmental_flows.size(), agreements = m.agreements.size();
    f.flow_required_m3s.assign(day_.required_m3s.begin(), day_.required_m3s.begin() + flows);
    f.flow_met_m3s.assign(result_.met_m3s.begin(), result_.met_m3s.begin() + flows);
    f.required_m3s.assign(day_.required_m3s.begin() + flows,
                          day_.required_m3s.begin() + flows + agreements);
    f.met_m3s.assign(result_.met_m3s.begin() + flows, result_.met_m3s.begin() + flows + agreements);
    if (!account) return;
    const int year = calendar::date_of(day).year;
    auto add = [&](std::vector<ComplianceYear>& years, double required, double met, int node) {
        ComplianceYear& y = year_of(years, year).back();
        y.required_hm3 += required * units::hm3_per_m3s_day;
        y.delivered_hm3 += met * units::hm3_per_m3s_day;
        y.flow_hm3 += result_.outflow_m3s[static_cast<std::size_t>(node)] * units::hm3_per_m3s_day;
        if (met < required * (1 - 1e-9)) ++y.days_short;
    };
    for (std::size_t k = 0; k < flows; ++k)
        add(flow_years_[k], f.flow_required_m3s[k], f.flow_met_m3s[k],
            m.environmental_flows[k].node);
    for (std::size_t a = 0; a < agreements; ++a)
        add(agreement_years_[a], f.required_m3s[a], f.met_m3s[a], m.agreements[a].node);
    for (std::size_t j = 0; j < m.demands.size(); ++j) {
        const double w = result_.delivered_m3s[j] * units::hm3_per_m3s_day;
        const double consumed =
            m.demands[j].return_node < 0 ? w : w * m.demands[j].consumptive_fraction;
        totals_.withdrawn += w;
        totals_.consumed += consumed;
        totals_.returned += w - consumed;
    }
    for (double e : evaporation_hm3_)
        totals_.evaporated += e;
}

} // namespace riparia::model
