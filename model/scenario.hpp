// Scenario transforms (delta change): monthly precipitation factors and temperature deltas applied
// to a baseline forcing, and demand growth per country and sector applied to the basin's demands.
// The delta-change method scales observed or generated weather by the change a climate model
// projects between two periods (Hay, Wilby & Leavesley 2000, JAWRA 36(2):387-397).
#pragma once

#include "model/forcing.hpp"
#include "model/management.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace riparia::model {

// Per sub-basin and calendar month (index 0 = January).
struct ClimateDelta {
    std::vector<std::array<double, 12>> precip_factor;       // x baseline precipitation
    std::vector<std::array<double, 12>> temperature_delta_c; // + baseline temperature
    static ClimateDelta none(std::size_t subbasins);
    bool is_identity() const;
};

// Applies the delta to a block the baseline source filled. PET given by the source is kept as it
// is: the delta reaches PET only through temperature, when PET comes from Oudin's formula.
void apply_climate_delta(const ClimateDelta& delta, const ForcingBlock& block);

// A factor on the annual volume of the demands of one country, all sectors or one.
struct DemandGrowth {
    std::string country;
    std::optional<Sector> sector; // empty: every sector
    double factor = 1.0;
};

// Multiplies each demand's annual volume by the product of the factors that match it.
void apply_demand_growth(Management& management, const std::vector<DemandGrowth>& growth);

} // namespace riparia::model
