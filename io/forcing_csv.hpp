// Forcing CSV per sub-basin: header `date,P,E[,T]` (mm/d, mm/d, degC), one row per consecutive
// day. Either E or T must be present (E is then computed with Oudin's formula). Other columns
// (an observed flow, say) are ignored and listed in the run record. A file named by several
// sub-basins is read once.
#pragma once

#include "model/basin.hpp"
#include "model/forcing.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace riparia::io {

struct ForcingSeries {
    std::string path;
    std::int64_t first_day = 0;
    std::vector<double> precip_mm, pet_mm, temperature_c; // empty when the column is absent
    std::vector<std::string> ignored_columns;
    std::int64_t last_day() const {
        return first_day + static_cast<std::int64_t>(precip_mm.size()) - 1;
    }
};

// Reads and validates a file; throws InputError naming the file, line and column.
ForcingSeries read_forcing_csv(const std::string& path);

class CsvForcing : public model::ForcingSource {
  public:
    // Checks every series covers [first_day, last_day] and has what each sub-basin needs.
    CsvForcing(const model::Basin& basin, const std::vector<std::string>& paths,
               std::int64_t first_day, std::int64_t last_day);

    bool has_pet(std::size_t subbasin) const override;
    bool has_temperature(std::size_t subbasin) const override;
    void fill(const model::ForcingBlock& block) override;
    const std::vector<ForcingSeries>& series() const { return series_; }

  private:
    std::vector<ForcingSeries> series_;
    std::vector<std::size_t> series_of_; // per sub-basin
};

} // namespace riparia::io
