#include "app/run_statistics_inflow.hpp"

#include <algorithm>
#include <cmath>

namespace riparia::app {

namespace {
constexpr std::size_t kMonths = 12;
constexpr const char* kPrefix = "statistics/inflow/";

// 1e-6 km3 (1,000 m3) is far below what the stress indicators compare and keeps the summary short.
double rounded_km3(double v) {
    return std::round(v * 1e6) / 1e6;
}
} // namespace

YearMonthInflow::YearMonthInflow(const model::Basin& basin) {
    for (const auto& s : basin.subbasins)
        if (std::find(countries_.begin(), countries_.end(), s.country) == countries_.end())
            countries_.push_back(s.country);
    if (!active()) return;
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        model::OriginNode n;
        const auto at = std::find(countries_.begin(), countries_.end(), basin.subbasins[i].country);
        n.region = static_cast<std::size_t>(at - countries_.begin());
        n.downstream = basin.network.downstream(i);
        nodes_.push_back(n);
    }
    open_flow_km3_.assign(nodes_.size(), 0.0);
    open_runoff_km3_.assign(nodes_.size(), 0.0);
}

void YearMonthInflow::resize(std::size_t years) {
    if (!active()) return;
    const std::size_t n = countries_.size();
    inflow_km3_.resize(years * kMonths * n, 0.0);
    through_km3_.resize(years * kMonths * n * n, 0.0);
}

void YearMonthInflow::close_month(std::size_t year, std::size_t month) {
    if (!active()) return;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        nodes_[i].outflow_m3 = open_flow_km3_[i]; // the tracer is unit-free: km3 in, km3 out
        nodes_[i].local_runoff_m3 = open_runoff_km3_[i];
    }
    const std::size_t n = countries_.size(), slot = year * kMonths + month;
    const model::RegionWater traced = model::trace_region_water(nodes_, n);
    for (std::size_t to = 0; to < n; ++to) {
        inflow_km3_[slot * n + to] = traced.inflow_m3[to];
        for (std::size_t from = 0; from < n; ++from)
            through_km3_[(slot * n + to) * n + from] = traced.through_m3[to][from];
    }
    std::fill(open_flow_km3_.begin(), open_flow_km3_.end(), 0.0);
    std::fill(open_runoff_km3_.begin(), open_runoff_km3_.end(), 0.0);
}

nlohmann::json YearMonthInflow::to_json() const {
    // A basin of one country has no inflow from another: no series (readers skip the country).
    if (!active()) {
        return {{"countries", countries_},
                {"inflow_km3", nlohmann::json::object()},
                {"through_km3", nlohmann::json::object()}};
    }
    const std::size_t n = countries_.size(),
                      slots = inflow_km3_.size() / std::max<std::size_t>(1, n);
    nlohmann::json inflow = nlohmann::json::object(), through = nlohmann::json::object();
    for (std::size_t to = 0; to < n; ++to) {
        std::vector<double> series(slots);
        for (std::size_t s = 0; s < slots; ++s)
            series[s] = rounded_km3(inflow_km3_[s * n + to]);
        inflow[countries_[to]] = series;
        nlohmann::json origins = nlohmann::json::object();
        for (std::size_t from = 0; from < n; ++from) {
            bool sends = false;
            for (std::size_t s = 0; s < slots; ++s) {
                series[s] = rounded_km3(through_km3_[(s * n + to) * n + from]);
                sends = sends || series[s] > 0;
            }
            if (sends) origins[countries_[from]] = series;
        }
        if (!origins.empty()) through[countries_[to]] = origins;
    }
    return {{"countries", countries_}, {"inflow_km3", inflow}, {"through_km3", through}};
}

void YearMonthInflow::save(model::StateArchive& a) const {
    if (!active()) return;
    const std::string p = kPrefix;
    a.put_reals(p + "open_flow_km3", open_flow_km3_);
    a.put_reals(p + "open_runoff_km3", open_runoff_km3_);
    a.put_reals(p + "inflow_km3", inflow_km3_);
    a.put_reals(p + "through_km3", through_km3_);
}

void YearMonthInflow::load(const model::StateArchive& a, std::size_t years) {
    if (!active()) return;
    const std::string p = kPrefix;
    inflow_km3_.clear();
    through_km3_.clear();
    resize(years);
    a.get_reals(p + "open_flow_km3", open_flow_km3_);
    a.get_reals(p + "open_runoff_km3", open_runoff_km3_);
    a.get_reals(p + "inflow_km3", inflow_km3_);
    a.get_reals(p + "through_km3", through_km3_);
}

} // namespace riparia::app
