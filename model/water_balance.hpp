// Water balance over a run: inputs - outputs - change in storage, per sub-basin (mm over its own
// area) and per basin (hm3, at the outlet, channels included). Both are zero to rounding.
#pragma once

#include <string>
#include <vector>

namespace riparia::model {

struct SubbasinBalance {
    double precip_mm = 0;        // total precipitation (rain and snow)
    double aet_mm = 0;           // actual evapotranspiration
    double exchange_mm = 0;      // groundwater exchange applied (> 0 imports)
    double runoff_mm = 0;        // GR4J output
    double storage_start_mm = 0; // production + routing + unit hydrographs + snow
    double storage_end_mm = 0;
    double residual_mm() const {
        return precip_mm - aet_mm + exchange_mm - runoff_mm - (storage_end_mm - storage_start_mm);
    }
    // Residual relative to the gross flux through the sub-basin.
    double relative_residual() const;
};

struct BasinBalance {
    std::string outlet_id;
    double precip_hm3 = 0;
    double aet_hm3 = 0;
    double exchange_hm3 = 0;
    double outflow_hm3 = 0;       // leaving the basin at its outlet
    double consumed_hm3 = 0;      // withdrawals not returned (consumptive use)
    double evaporated_hm3 = 0;    // open-water evaporation from reservoirs
    double reach_loss_hm3 = 0;    // transmission losses of the channels (RoutingParams)
    double storage_start_hm3 = 0; // land stores, channels and reservoirs
    double storage_end_hm3 = 0;
    double residual_hm3() const {
        return precip_hm3 - aet_hm3 + exchange_hm3 - outflow_hm3 - consumed_hm3 - evaporated_hm3 -
               reach_loss_hm3 - (storage_end_hm3 - storage_start_hm3);
    }
    double relative_residual() const;
};

struct WaterBalance {
    std::vector<SubbasinBalance> subbasins;
    std::vector<BasinBalance> basins;
    double worst_relative_residual() const;
};

} // namespace riparia::model
