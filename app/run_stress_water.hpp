// The water of one run per country (basin-country unit), from its summary (app/run_statistics.hpp):
// yearly and month-of-year available water and inflow, traced by origin through the simulated
// sub-basin network (model/stress_flow_origin.hpp). Internal to the run's stress indicators.
#pragma once

#include "model/basin.hpp"
#include "model/stress_season.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace riparia::app {

struct RunWater {
    std::vector<std::string> countries;  // of the sub-basins, in order of first appearance
    std::vector<std::size_t> full_years; // indices of the calendar years with >= 365 days
    std::vector<int> calendar_years;     // of the full years
    // [country][full year], km3: own runoff + inflow from other countries, and the inflow.
    std::vector<std::vector<double>> available_km3, inflow_km3;
    std::vector<double> basin_runoff_km3, outlet_outflow_km3; // [full year]
    // [country][k], km3 summed over the full years: available water generated in k, and inflow
    // that came from or through k.
    std::vector<std::vector<double>> origin_km3, through_km3;
    std::vector<std::vector<bool>> border; // [a][b]: a sub-basin of a drains into one of b
    // Month-of-year means per year, km3 (index 0 = January).
    std::vector<model::MonthlyVolumes> month_available_km3, month_inflow_km3; // [country]
    std::vector<std::vector<model::MonthlyVolumes>> month_through_km3;        // [country][k]
    model::MonthlyVolumes basin_month_runoff_km3{};
    // Per full year and month, traced month by month (app/run_statistics_inflow.hpp): the inflow
    // from other countries ([country][full year]) and the part from or through k ([country][k]
    // [full year]; empty when nothing comes from k). Empty for a basin of one country.
    std::vector<std::vector<model::MonthlyVolumes>> year_month_inflow_km3;
    std::vector<std::vector<std::vector<model::MonthlyVolumes>>> year_month_through_km3;
    // Withdrawals per country (0 without demands): delivered and requested per full year (km3),
    // months with a demand and months with a deficit > 10 % summed over the full years, and the
    // delivered volume per month of the year (mean per year, km3).
    std::vector<std::vector<double>> withdrawal_km3, requested_km3;
    std::vector<double> demand_months, failed_months;
    std::vector<model::MonthlyVolumes> month_withdrawal_km3;
};

RunWater run_water(const model::Basin& basin, const nlohmann::json& statistics);

} // namespace riparia::app
