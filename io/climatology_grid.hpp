// A global monthly climatology grid (12 steps, January to December: long-term monthly means such
// as ITU-R P.837-7, CMAP or GHCN-CAMS) read from CF-NetCDF and averaged over sub-basin areas.
// Reuses the forcing reader's file, grid and units helpers; the forcing reader itself wants a
// dated axis covering the study period, which a climatology does not have.
#pragma once

#include "io/netcdf_forcing_file.hpp"
#include "io/netcdf_forcing_grid.hpp"
#include "io/netcdf_forcing_units.hpp"
#include "model/area_weights.hpp"
#include "model/monthly_grid.hpp"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace riparia::io {

using MonthlyValues = std::array<double, 12>; // January first

class ClimatologyGrid {
  public:
    // `variable` empty: the only (time, lat, lon) data variable with 12 time steps. InputError
    // naming the file and the variable when the units are not a precipitation (or temperature)
    // unit, the grid has no lat/lon, or the time axis is not 12 months January..December.
    ClimatologyGrid(const std::string& path, const std::string& variable, ForcingQuantity quantity);
    ~ClimatologyGrid();

    const FileGrid& grid() const { return grid_; }
    const std::string& path() const { return file_->path(); }
    const std::string& variable() const { return name_; }
    const std::string& units() const { return units_; }

    // Area-weighted monthly means of each polygon of `weights` (cells of grid().edges), in
    // mm/month (precipitation) or degC (temperature). Missing cells (fill value, missing_value,
    // NaN, outside valid_range) are left out and the remaining weights renormalised; a polygon
    // with no valid cell in some month throws InputError naming `ids[p]` and the month.
    std::vector<MonthlyValues> area_means(const model::AreaWeights& weights,
                                          const std::vector<std::string>& ids) const;

    // The whole grid in model units (mm/month or degC), rows south to north and columns west to
    // east as grid().edges; missing cells NaN.
    model::MonthlyGrid read_all() const;

  private:
    void find_variable(const std::string& variable);
    void read_units();
    void check_time_axis() const;
    double to_model(double file_value, std::size_t month) const;
    bool is_missing(double file_value) const;

    std::unique_ptr<NcReader> file_;
    ForcingQuantity quantity_;
    int var_ = -1;
    std::string name_, units_;
    FileGrid grid_;
    int time_dim_ = -1;
    std::size_t time_pos_ = 0, lat_pos_ = 0, lon_pos_ = 0, dims_ = 0;
    UnitConversion conversion_;
    double fill_ = 0, missing_ = 0, valid_min_ = -1e300, valid_max_ = 1e300;
    bool has_fill_ = false, has_missing_ = false;
    double pack_scale_ = 1, pack_offset_ = 0;
};

// Mean length of each month in the Gregorian calendar (97 leap years in 400: February
// 28.2425 days), to turn a climatological daily rate into a monthly total.
double mean_days_in_month(std::size_t month);

} // namespace riparia::io
