// Which depressions of a DEM are closed lakes: the water that reaches a depression from its
// catchment, in the long-term mean, against what the lake filling it to its spill level would
// evaporate. Pure: no I/O.
//
// A depression-filling delineation spills every depression into its neighbour, as if each
// filled up whatever the climate. Water does fill a depression and spill only the excess
// (Barnes, Callaghan & Wickert 2021, "Computing water flow through complex landscapes - Part 3:
// Fill-Spill-Merge", Earth Surface Dynamics 9:105-121); in the steady state a lake overflows
// only when its catchment's runoff exceeds the net evaporation of the lake at its spill level,
// the closed-lake water balance A_lake (E_lake - P_lake) >= A_land R (Mason, Guzkowska, Rapley &
// Street-Perrott 1994, "The response of lake levels and areas to climatic change", Climatic
// Change 27:161-197). A closed depression is an endorheic terminal: its lowest cell becomes a
// sink, and its catchment no longer drains past it.
//
// Runoff R is the long-term balance of Budyko's framework in Fu's form (Fu 1981; Zhang et al.
// 2004, "A rational function approach for estimating mean annual evapotranspiration", Water
// Resources Research 40:W02502): E/P = 1 + PET/P - (1 + (PET/P)^w)^(1/w), w = 2.6, the value
// at which Fu's curve follows Budyko's; PET is Oudin's (model/oudin.hpp) from the monthly
// temperature; the lake evaporates PET.
#pragma once

#include "model/dem_fill.hpp"
#include "model/monthly_grid.hpp"

#include <cstdint>
#include <vector>

namespace riparia::model {

inline constexpr double fu_omega_budyko = 2.6;
// The upper limit of the hyper-arid zone, P/PET < 0.05 (UNEP 1992, World Atlas of
// Desertification; Middleton & Thomas eds.): the default limit of the lakes the rule may close.
inline constexpr double hyperarid_aridity_index = 0.05;

// Fu's evaporation ratio E/P at aridity PET/P (>= 0); 0 <= E/P <= min(1, PET/P).
double fu_evaporation_ratio(double aridity, double omega = fu_omega_budyko);

// Long-term annual water balance of each cell (mm/yr): precipitation, Oudin PET and Fu's runoff
// P - E; a lake there evaporates PET - P. NaN where the climatology has no value for the cell.
struct CellWaterBalance {
    std::vector<double> precip_mm, pet_mm, runoff_mm;
};

// Each cell's balance from the monthly precipitation (mm/month) and temperature (degC) of the
// cell holding its centre (or the nearest valid cell within `radius_cells`, monthly_at).
CellWaterBalance cell_water_balance(const GridGeometry& grid, const MonthlyGrid& precip_mm,
                                    const MonthlyGrid& temperature_c, int radius_cells = 2);

struct ClosedDepression {
    std::int64_t pit = -1;               // its lowest cell (the first in grid order on a tie)
    std::size_t lake_cells = 0;          // cells the fill raised: the lake at its spill level
    double lake_km2 = 0;                 // their area
    double inflow_hm3 = 0;               // runoff reaching the lake from its catchment, per year
    double lake_net_evaporation_hm3 = 0; // the full lake's PET - P, per year
    double lake_precip_hm3 = 0, lake_pet_hm3 = 0; // over the lake's cells, per year
};

// The closed depressions of a filled DEM. A depression is a set of 8-connected land cells the
// fill raised (filled > dem): the lake at its spill level. Its inflow is the runoff of every
// land cell outside a lake whose D8 path enters it, passing through open lakes upstream whole
// (their evaporation is not taken off: the rule leans towards open); its lake's own cells
// contribute their net evaporation instead. It is closed when the net evaporation is positive
// and at least the inflow, and the lake's aridity index (sum of P / sum of PET over its cells)
// is below `max_aridity_index`; cells with a NaN balance give no runoff and no evaporation.
// The aridity limit is there because a 5' cell is some 70 km2: a gorge the DEM does not resolve
// leaves a lake of a cell or more on a river that flows, and the balance of so large a lake
// closes it wherever the climate is semi-arid (docs/delineation.md gives the sweep). Lakes
// holding an `open_cells` cell (a declared river) stay open. Found upstream first, repeated
// until no more close (a closed lake upstream takes its water off the lakes below).
std::vector<ClosedDepression>
closed_depressions(const Raster<float>& dem, const FilledDem& filled, const FlowGrid& flow,
                   const std::vector<std::int32_t>& order, const CellWaterBalance& balance,
                   const std::vector<std::uint8_t>& open_cells,
                   double max_aridity_index = hyperarid_aridity_index);

} // namespace riparia::model
