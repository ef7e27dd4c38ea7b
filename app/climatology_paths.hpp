// Where the monthly climatology grids come from (docs/climatology.md): a path given on the
// command line, else the recommended file under $RIPARIA_DATA/climate.
#pragma once

#include <string>

namespace riparia::app {

inline constexpr const char* recommended_precipitation = "itu_p837-7_monthly_precip_0.5deg.nc";
inline constexpr const char* recommended_temperature = "ghcn_cams_air.mon.ltm.1991-2020.nc";

// `given` when not empty, else $RIPARIA_DATA/climate/`recommended`; InputError naming `option`
// when neither is there.
std::string climatology_grid_path(const std::string& given, const char* option,
                                  const char* recommended);

} // namespace riparia::app
