#include "model/climatology_pass.hpp"

#include "model/calendar.hpp"
#include "model/simulation.hpp"
#include "model/units.hpp"

#include <algorithm>

namespace riparia::model {

namespace {

// Sums discharge at the reservoir nodes by calendar month.
class MonthlyInflow : public ResultSink {
  public:
    explicit MonthlyInflow(std::vector<int> nodes)
        : nodes_(std::move(nodes)), sums_(nodes_.size()), days_{} {}
    void consume(const DayBlockResults& b) override {
        for (int d = 0; d < b.days; ++d) {
            const int month = calendar::date_of(b.first_day + d).month - 1;
            ++days_[month];
            for (std::size_t r = 0; r < nodes_.size(); ++r) {
                sums_[r][month] +=
                    b.discharge_m3s[static_cast<std::size_t>(d) * b.stride + nodes_[r]];
            }
        }
    }
    std::array<double, 12> mean(std::size_t r) const {
        std::array<double, 12> m{};
        for (int k = 0; k < 12; ++k)
            m[k] = days_[k] ? sums_[r][k] / static_cast<double>(days_[k]) : 0.0;
        return m;
    }

  private:
    std::vector<int> nodes_;
    std::vector<std::array<double, 12>> sums_;
    std::array<long, 12> days_;
};

std::array<double, 12> demand_served(const Basin& basin, int reservoir_node) {
    static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::vector<char> below(basin.subbasins.size(), 0);
    for (int v = reservoir_node; v >= 0;
         v = basin.network.downstream(static_cast<std::size_t>(v))) {
        below[v] = 1;
    }
    std::array<double, 12> demand{};
    for (const DemandSpec& d : basin.management.demands) {
        if (!below[d.node]) continue;
        for (int m = 0; m < 12; ++m) {
            demand[m] +=
                d.annual_volume_hm3 * d.monthly_share[m] / days[m] / units::hm3_per_m3s_day;
        }
    }
    return demand;
}

} // namespace

std::vector<HanasakiClimatology> hanasaki_climatology(const Basin& basin, ForcingSource& forcing,
                                                      const RunSettings& settings) {
    const auto& reservoirs = basin.management.reservoirs;
    const bool needed =
        std::any_of(reservoirs.begin(), reservoirs.end(),
                    [](const ReservoirSpec& r) { return r.rule == RuleKind::hanasaki; });
    if (!needed) return {};
    Basin natural = basin;
    natural.management = Management{};
    std::vector<int> nodes;
    for (const auto& r : reservoirs)
        nodes.push_back(r.node);
    MonthlyInflow inflow(nodes);
    RunSettings quiet = settings;
    quiet.on_progress = nullptr;
    simulate(natural, forcing, &inflow, quiet);
    std::vector<HanasakiClimatology> climatology(reservoirs.size());
    for (std::size_t r = 0; r < reservoirs.size(); ++r) {
        climatology[r].inflow_m3s = inflow.mean(r);
        climatology[r].demand_m3s = demand_served(basin, reservoirs[r].node);
    }
    return climatology;
}

} // namespace riparia::model
