#include "app/run_statistics.hpp"

#include "model/calendar.hpp"
#include "model/units.hpp"

#include <algorithm>

namespace riparia::app {

namespace {
constexpr double kKm3PerM3sDay = 86400.0 * 1e-9;
constexpr double kKm3PerMmKm2 = 1e-6; // 1 mm over 1 km2 = 1e3 m3
constexpr const char* kPrefix = "statistics/";
} // namespace

RunStatistics::RunStatistics(const model::Basin& basin, model::ResultSink& next)
    : basin_(basin), next_(next) {
    for (const auto& d : basin.management.demands)
        if (std::find(countries_.begin(), countries_.end(), d.country) == countries_.end())
            countries_.push_back(d.country);
    std::sort(countries_.begin(), countries_.end());
    for (const auto& d : basin.management.demands) {
        const auto at = std::find(countries_.begin(), countries_.end(), d.country);
        demand_country_.push_back(static_cast<int>(at - countries_.begin()));
    }
}

std::size_t RunStatistics::year_slot(int year) {
    if (years_.empty() || years_.back() != year) {
        years_.push_back(year);
        days_.push_back(0);
        flow_km3_.resize(years_.size() * basin_.subbasins.size(), 0.0);
        runoff_km3_.resize(years_.size() * basin_.subbasins.size(), 0.0);
        requested_hm3_.resize(years_.size() * countries_.size(), 0.0);
        delivered_hm3_.resize(years_.size() * countries_.size(), 0.0);
    }
    return years_.size() - 1;
}

void RunStatistics::consume(const model::DayBlockResults& b) {
    const std::size_t nodes = basin_.subbasins.size(), n_countries = countries_.size();
    for (int d = 0; d < b.days; ++d) {
        const std::size_t y = year_slot(calendar::date_of(b.first_day + d).year);
        ++days_[y];
        const double* q = b.discharge_m3s + static_cast<std::size_t>(d) * b.stride;
        const double* r = b.runoff_mm + static_cast<std::size_t>(d) * b.stride;
        for (std::size_t i = 0; i < nodes; ++i) {
            flow_km3_[y * nodes + i] += q[i] * kKm3PerM3sDay;
            runoff_km3_[y * nodes + i] += r[i] * basin_.subbasins[i].area_km2 * kKm3PerMmKm2;
        }
        if (!b.management) continue;
        const model::ManagementDay& day = (*b.management)[static_cast<std::size_t>(d)];
        for (std::size_t j = 0; j < demand_country_.size(); ++j) {
            const std::size_t c = y * n_countries + static_cast<std::size_t>(demand_country_[j]);
            requested_hm3_[c] += day.request_m3s[j] * units::hm3_per_m3s_day;
            delivered_hm3_[c] += day.delivered_m3s[j] * units::hm3_per_m3s_day;
        }
    }
    next_.consume(b);
}

nlohmann::json RunStatistics::to_json() const {
    const std::size_t nodes = basin_.subbasins.size(), n_countries = countries_.size();
    nlohmann::json flows = nlohmann::json::object(), runoff = nlohmann::json::object();
    for (std::size_t i = 0; i < nodes; ++i) {
        std::vector<double> series, own;
        for (std::size_t y = 0; y < years_.size(); ++y) {
            series.push_back(flow_km3_[y * nodes + i]);
            own.push_back(runoff_km3_[y * nodes + i]);
        }
        flows[basin_.subbasins[i].id] = series;
        runoff[basin_.subbasins[i].id] = own;
    }
    nlohmann::json demand = nlohmann::json::object();
    for (std::size_t c = 0; c < n_countries; ++c) {
        std::vector<double> requested, delivered;
        for (std::size_t y = 0; y < years_.size(); ++y) {
            requested.push_back(requested_hm3_[y * n_countries + c]);
            delivered.push_back(delivered_hm3_[y * n_countries + c]);
        }
        demand[countries_[c]] = {{"requested_hm3", requested}, {"delivered_hm3", delivered}};
    }
    return {{"years", years_},
            {"days", days_},
            {"outflow_km3", flows},
            {"runoff_km3", runoff},
            {"withdrawals_by_country", demand}};
}

void RunStatistics::save(model::StateArchive& a) const {
    const std::string p = kPrefix;
    a.put_integers(p + "years", years_);
    a.put_integers(p + "days", days_);
    a.put_reals(p + "flow_km3", flow_km3_);
    a.put_reals(p + "runoff_km3", runoff_km3_);
    a.put_reals(p + "requested_hm3", requested_hm3_);
    a.put_reals(p + "delivered_hm3", delivered_hm3_);
}

void RunStatistics::load(const model::StateArchive& a) {
    const std::string p = kPrefix;
    const auto count = a.integers.count(p + "years") ? a.integers.at(p + "years").size() : 0;
    years_.assign(count, 0);
    days_.assign(count, 0);
    flow_km3_.assign(count * basin_.subbasins.size(), 0.0);
    runoff_km3_.assign(count * basin_.subbasins.size(), 0.0);
    requested_hm3_.assign(count * countries_.size(), 0.0);
    delivered_hm3_.assign(count * countries_.size(), 0.0);
    a.get_integers(p + "years", years_);
    a.get_integers(p + "days", days_);
    a.get_reals(p + "flow_km3", flow_km3_);
    a.get_reals(p + "runoff_km3", runoff_km3_);
    a.get_reals(p + "requested_hm3", requested_hm3_);
    a.get_reals(p + "delivered_hm3", delivered_hm3_);
}

} // namespace riparia::app
