#include "model/scenario.hpp"

#include "model/calendar.hpp"

namespace riparia::model {

ClimateDelta ClimateDelta::none(std::size_t subbasins) {
    ClimateDelta d;
    std::array<double, 12> ones, zeros;
    ones.fill(1.0);
    zeros.fill(0.0);
    d.precip_factor.assign(subbasins, ones);
    d.temperature_delta_c.assign(subbasins, zeros);
    return d;
}

bool ClimateDelta::is_identity() const {
    for (const auto& months : precip_factor)
        for (double f : months)
            if (f != 1.0) return false;
    for (const auto& months : temperature_delta_c)
        for (double t : months)
            if (t != 0.0) return false;
    return true;
}

void apply_climate_delta(const ClimateDelta& delta, const ForcingBlock& block) {
    const std::size_t count = delta.precip_factor.size();
    for (int d = 0; d < block.days; ++d) {
        const int month = calendar::date_of(block.first_day + d).month - 1;
        const std::size_t row = static_cast<std::size_t>(d) * block.stride;
        for (std::size_t i = 0; i < count; ++i) {
            block.precip_mm[row + i] *= delta.precip_factor[i][month];
            block.temperature_c[row + i] += delta.temperature_delta_c[i][month];
        }
    }
}

void apply_demand_growth(Management& management, const std::vector<DemandGrowth>& growth) {
    for (DemandSpec& demand : management.demands) {
        for (const DemandGrowth& g : growth) {
            if (g.country != demand.country) continue;
            if (g.sector && *g.sector != demand.sector) continue;
            demand.annual_volume_hm3 *= g.factor;
        }
    }
}

} // namespace riparia::model
