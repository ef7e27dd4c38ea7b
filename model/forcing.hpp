// Where daily forcing comes from. The model asks for blocks of days; a source (CSV files, a
// NetCDF grid, a weather generator) fills them. Sources live outside model/ when they read files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace riparia::model {

struct ForcingBlock {
    std::int64_t first_day = 0; // calendar day number (days since 1970-01-01)
    int days = 0;
    std::size_t stride = 0; // values per day; value(day, i) = array[day * stride + i]
    double* precip_mm = nullptr;
    double* pet_mm = nullptr;        // NaN where the source has no PET for that sub-basin
    double* temperature_c = nullptr; // NaN where the source has no temperature
};

class ForcingSource {
  public:
    virtual ~ForcingSource() = default;
    // Which variables each sub-basin's source carries (checked before the run starts).
    virtual bool has_pet(std::size_t subbasin) const = 0;
    virtual bool has_temperature(std::size_t subbasin) const = 0;
    virtual void fill(const ForcingBlock& block) = 0;
};

} // namespace riparia::model
