#include "app/run_statistics.hpp"

#include "model/calendar.hpp"
#include "model/units.hpp"

#include <algorithm>

namespace riparia::app {

namespace {
constexpr double kKm3PerM3sDay = 86400.0 * 1e-9;
constexpr double kKm3PerMmKm2 = 1e-6; // 1 mm over 1 km2 = 1e3 m3
constexpr std::size_t kMonths = 12;
constexpr const char* kPrefix = "statistics/";

// The values of `table` ([row][column], `columns` wide) in column `column`, row by row.
template <typename T>
std::vector<T> column_of(const std::vector<T>& table, std::size_t columns, std::size_t column) {
    std::vector<T> out;
    for (std::size_t row = 0; row * columns < table.size(); ++row)
        out.push_back(table[row * columns + column]);
    return out;
}
} // namespace

// {sub-basin id: series} from a [row][node] table.
nlohmann::json RunStatistics::by_node(const std::vector<double>& table) const {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t i = 0; i < basin_.subbasins.size(); ++i)
        out[basin_.subbasins[i].id] = column_of(table, basin_.subbasins.size(), i);
    return out;
}

RunStatistics::RunStatistics(const model::Basin& basin, model::ResultSink& next)
    : basin_(basin), next_(next), inflow_(basin) {
    for (const auto& d : basin.management.demands)
        if (std::find(countries_.begin(), countries_.end(), d.country) == countries_.end())
            countries_.push_back(d.country);
    std::sort(countries_.begin(), countries_.end());
    for (const auto& d : basin.management.demands) {
        const auto at = std::find(countries_.begin(), countries_.end(), d.country);
        demand_country_.push_back(static_cast<int>(at - countries_.begin()));
    }
    const std::size_t nodes = basin.subbasins.size(), n_countries = countries_.size();
    open_requested_hm3_.assign(n_countries, 0.0);
    open_delivered_hm3_.assign(n_countries, 0.0);
    month_days_.assign(kMonths, 0);
    month_flow_km3_.assign(kMonths * nodes, 0.0);
    month_runoff_km3_.assign(kMonths * nodes, 0.0);
    month_requested_hm3_.assign(kMonths * n_countries, 0.0);
    month_delivered_hm3_.assign(kMonths * n_countries, 0.0);
}

std::size_t RunStatistics::year_slot(int year) {
    if (years_.empty() || years_.back() != year) {
        years_.push_back(year);
        days_.push_back(0);
        flow_km3_.resize(years_.size() * basin_.subbasins.size(), 0.0);
        runoff_km3_.resize(years_.size() * basin_.subbasins.size(), 0.0);
        requested_hm3_.resize(years_.size() * countries_.size(), 0.0);
        delivered_hm3_.resize(years_.size() * countries_.size(), 0.0);
        demand_months_.resize(years_.size() * countries_.size(), 0);
        failed_months_.resize(years_.size() * countries_.size(), 0);
        inflow_.resize(years_.size());
    }
    return years_.size() - 1;
}

// Counts the month that just ended for every country with a demand in it.
void RunStatistics::close_month(std::size_t year) {
    for (std::size_t c = 0; c < countries_.size(); ++c) {
        const double requested = open_requested_hm3_[c], delivered = open_delivered_hm3_[c];
        if (requested > 0) {
            ++demand_months_[year * countries_.size() + c];
            if (requested - delivered > kFailureDeficitShare * requested)
                ++failed_months_[year * countries_.size() + c];
        }
        open_requested_hm3_[c] = open_delivered_hm3_[c] = 0;
    }
}

void RunStatistics::consume(const model::DayBlockResults& b) {
    const std::size_t nodes = basin_.subbasins.size(), n_countries = countries_.size();
    const bool trace = inflow_.active();
    for (int d = 0; d < b.days; ++d) {
        const calendar::Date date = calendar::date_of(b.first_day + d);
        const std::size_t y = year_slot(date.year), m = static_cast<std::size_t>(date.month - 1);
        ++days_[y];
        ++month_days_[m];
        const double* q = b.discharge_m3s + static_cast<std::size_t>(d) * b.stride;
        const double* r = b.runoff_mm + static_cast<std::size_t>(d) * b.stride;
        for (std::size_t i = 0; i < nodes; ++i) {
            const double flow = q[i] * kKm3PerM3sDay;
            const double runoff = r[i] * basin_.subbasins[i].area_km2 * kKm3PerMmKm2;
            flow_km3_[y * nodes + i] += flow;
            runoff_km3_[y * nodes + i] += runoff;
            month_flow_km3_[m * nodes + i] += flow;
            month_runoff_km3_[m * nodes + i] += runoff;
            if (trace) inflow_.add(i, flow, runoff);
        }
        const bool month_ends = date.day == calendar::days_in_month(date.year, date.month);
        if (trace && month_ends) inflow_.close_month(y, m);
        if (!b.management) continue;
        const model::ManagementDay& day = (*b.management)[static_cast<std::size_t>(d)];
        for (std::size_t j = 0; j < demand_country_.size(); ++j) {
            const auto c = static_cast<std::size_t>(demand_country_[j]);
            const double requested = day.request_m3s[j] * units::hm3_per_m3s_day;
            const double delivered = day.delivered_m3s[j] * units::hm3_per_m3s_day;
            requested_hm3_[y * n_countries + c] += requested;
            delivered_hm3_[y * n_countries + c] += delivered;
            month_requested_hm3_[m * n_countries + c] += requested;
            month_delivered_hm3_[m * n_countries + c] += delivered;
            open_requested_hm3_[c] += requested;
            open_delivered_hm3_[c] += delivered;
        }
        if (month_ends) close_month(y);
    }
    next_.consume(b);
}

// Month-of-year sums over all years of the run (index 0 = January).
nlohmann::json RunStatistics::months_json() const {
    const std::size_t n_countries = countries_.size();
    nlohmann::json demand = nlohmann::json::object();
    for (std::size_t c = 0; c < n_countries; ++c) {
        demand[countries_[c]] = {
            {"requested_hm3", column_of(month_requested_hm3_, n_countries, c)},
            {"delivered_hm3", column_of(month_delivered_hm3_, n_countries, c)}};
    }
    return {{"days", month_days_},
            {"outflow_km3", by_node(month_flow_km3_)},
            {"runoff_km3", by_node(month_runoff_km3_)},
            {"withdrawals_by_country", demand}};
}

nlohmann::json RunStatistics::to_json() const {
    const std::size_t n_countries = countries_.size();
    nlohmann::json demand = nlohmann::json::object();
    for (std::size_t c = 0; c < n_countries; ++c) {
        demand[countries_[c]] = {
            {"requested_hm3", column_of(requested_hm3_, n_countries, c)},
            {"delivered_hm3", column_of(delivered_hm3_, n_countries, c)},
            {"months_with_demand", column_of(demand_months_, n_countries, c)},
            {"months_deficit_over_10pct", column_of(failed_months_, n_countries, c)}};
    }
    return {{"years", years_},
            {"days", days_},
            {"outflow_km3", by_node(flow_km3_)},
            {"runoff_km3", by_node(runoff_km3_)},
            {"withdrawals_by_country", demand},
            {"months", months_json()},
            {"year_months", inflow_.to_json()}};
}

void RunStatistics::save(model::StateArchive& a) const {
    const std::string p = kPrefix;
    a.put_integers(p + "years", years_);
    a.put_integers(p + "days", days_);
    a.put_reals(p + "flow_km3", flow_km3_);
    a.put_reals(p + "runoff_km3", runoff_km3_);
    a.put_reals(p + "requested_hm3", requested_hm3_);
    a.put_reals(p + "delivered_hm3", delivered_hm3_);
    a.put_integers(p + "demand_months", demand_months_);
    a.put_integers(p + "failed_months", failed_months_);
    a.put_reals(p + "open_requested_hm3", open_requested_hm3_);
    a.put_reals(p + "open_delivered_hm3", open_delivered_hm3_);
    a.put_integers(p + "month_days", month_days_);
    a.put_reals(p + "month_flow_km3", month_flow_km3_);
    a.put_reals(p + "month_runoff_km3", month_runoff_km3_);
    a.put_reals(p + "month_requested_hm3", month_requested_hm3_);
    a.put_reals(p + "month_delivered_hm3", month_delivered_hm3_);
    inflow_.save(a);
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
    demand_months_.assign(count * countries_.size(), 0);
    failed_months_.assign(count * countries_.size(), 0);
    a.get_integers(p + "years", years_);
    a.get_integers(p + "days", days_);
    a.get_reals(p + "flow_km3", flow_km3_);
    a.get_reals(p + "runoff_km3", runoff_km3_);
    a.get_reals(p + "requested_hm3", requested_hm3_);
    a.get_reals(p + "delivered_hm3", delivered_hm3_);
    a.get_integers(p + "demand_months", demand_months_);
    a.get_integers(p + "failed_months", failed_months_);
    a.get_reals(p + "open_requested_hm3", open_requested_hm3_);
    a.get_reals(p + "open_delivered_hm3", open_delivered_hm3_);
    a.get_integers(p + "month_days", month_days_);
    a.get_reals(p + "month_flow_km3", month_flow_km3_);
    a.get_reals(p + "month_runoff_km3", month_runoff_km3_);
    a.get_reals(p + "month_requested_hm3", month_requested_hm3_);
    a.get_reals(p + "month_delivered_hm3", month_delivered_hm3_);
    inflow_.load(a, count);
}

} // namespace riparia::app
