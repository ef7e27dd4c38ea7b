// One gridded forcing variable (precipitation, temperature or PET) over one or more CF-NetCDF
// files: checked once when opened (units, grid, calendar, time axis), then read a block of days
// at a time as hyperslabs over the bounding box of the sub-basins and averaged with area weights.
#pragma once

#include "io/netcdf_forcing_file.hpp"
#include "io/netcdf_forcing_grid.hpp"
#include "io/netcdf_forcing_time.hpp"
#include "io/netcdf_forcing_units.hpp"
#include "model/area_weights.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace riparia::io {

class GridVariable {
  public:
    // `variable` empty means the CMIP/ISIMIP name: pr, tas, evspsblpot (or pet).
    GridVariable(const std::vector<std::string>& files, const std::string& variable,
                 ForcingQuantity quantity);
    GridVariable(GridVariable&&) noexcept;
    ~GridVariable();

    const FileGrid& grid() const { return grid_; }
    const TimeAxis& axis() const { return axis_; }
    const std::string& name() const { return name_; }
    std::string files_text() const; // "a.nc" or "a.nc .. b.nc" for messages

    // InputError when some day of [first_day, last_day] has no record.
    void check_period(std::int64_t first_day, std::int64_t last_day) const;
    // Weights of each sub-basin over this grid (cell indices of grid().edges).
    void set_weights(const model::AreaWeights& weights, std::vector<std::string> subbasin_ids);
    // out[d * stride + i] = area-weighted mean of sub-basin i on day first_day + d, in model
    // units. InputError naming the sub-basin, date and cell when a weighted cell is missing.
    void aggregate(std::int64_t first_day, int days, std::size_t stride, double* out);

  private:
    struct FileVar {
        std::unique_ptr<NcReader> file;
        int var = -1;
        std::size_t dims = 0;
        int lat_pos = -1, lon_pos = -1;
        double fill = 0, missing = 0, pack_scale = 1, pack_offset = 0;
        bool has_missing = false;
        std::string units;
    };
    struct Slab {
        std::size_t first_record = 0, records = 0;
        std::vector<double> values; // [record][row][col] over the bounding box
    };
    void read_units(FileVar& fv);
    void read_layout(FileVar& fv, std::vector<FileTimes>& times);
    FileTimes read_times(const FileVar& fv, int time_dim) const;
    void load(std::size_t record, std::size_t last_record);
    double day_divisor(std::int64_t model_day) const;
    [[noreturn]] void missing_value(std::size_t subbasin, std::size_t entry, std::int64_t day,
                                    std::size_t record, double value) const;

    std::string name_;
    ForcingQuantity quantity_;
    UnitConversion conversion_;
    FileGrid grid_;
    TimeAxis axis_;
    std::vector<std::unique_ptr<FileVar>> files_; // in time order (axis_.files)
    // weights
    std::vector<std::string> ids_;
    std::vector<std::size_t> first_;
    std::vector<double> weight_;
    std::vector<std::size_t> offset_; // of each weighted cell within one record of a slab
    std::vector<std::size_t> file_row_, file_col_;
    std::size_t row0_ = 0, rows_ = 0, col0_ = 0, cols_ = 0;
    std::unique_ptr<Slab> slab_;
    std::size_t slab_file_ = 0;
};

} // namespace riparia::io
