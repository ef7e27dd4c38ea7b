// The TFDD tables of the global screening (docs/stress.md, "Inputs"): basin attributes
// (basins310.geojson), the basin-country register, treaties, river basin organisations and
// water events, and AQUASTAT's national figures. Every reader checks its columns and its basin
// codes against the basin file and throws InputError naming the file, the line or column, what
// was found and what was expected.
#pragma once

#include <limits>
#include <set>
#include <string>
#include <vector>

namespace riparia::io {

inline constexpr double tfdd_missing = std::numeric_limits<double>::quiet_NaN();

struct TfddBasin {
    std::string code, name, continent;
    double area_km2 = 0, population = 0, dams_existing = 0, dams_planned = 0;
    double runoff_mm = tfdd_missing;       // per year; the file's 9999 becomes NaN
    double withdrawal_hm3 = tfdd_missing;  // 10^6 m3 per year
    double consumption_hm3 = tfdd_missing; // 10^6 m3 per year
};

struct TfddUnit { // a row of the basin-country register
    std::string basin, country, name;
    double area_km2 = 0;
};

struct TfddTreatyRow { // one treaty in one basin-country
    std::string treaty, basin, country;
    bool allocation = false, variability_mgmt = false, conflict_resolution = false;
};

struct TfddRboRow { // one member country of one RBO in one basin
    std::string rbo, basin, country;
    bool inclusive = false; // all riparians are members (INCLUSIVENESS = Inclusive)
};

struct TfddEvent { // one event (deduplicated by UNIQUE_ID within a basin)
    std::string id, basin;
    int bar = 0; // BAR scale -7 .. 7
};

struct AquastatCountry {
    std::string iso3;
    double dependency_ratio_pct = tfdd_missing;
};

// Codes TFDD uses for rows that are not about one of its basins (general, unknown,
// groundwater, not applicable, not international); their rows are skipped.
const std::set<std::string>& tfdd_non_basin_codes();

// `geometry` optional: attributes only. Throws on a missing attribute or a duplicate BCODE.
std::vector<TfddBasin> read_tfdd_basins(const std::string& path);

// `basins`: the codes of the basin file; `ignored`: further codes to skip (config).
std::vector<TfddUnit> read_tfdd_register(const std::string& path,
                                         const std::set<std::string>& basins);
std::vector<TfddTreatyRow> read_tfdd_treaties(const std::string& path,
                                              const std::set<std::string>& basins,
                                              const std::set<std::string>& ignored);
std::vector<TfddRboRow> read_tfdd_rbos(const std::string& path, const std::set<std::string>& basins,
                                       const std::set<std::string>& ignored);
std::vector<TfddEvent> read_tfdd_events(const std::string& path,
                                        const std::set<std::string>& basins,
                                        const std::set<std::string>& ignored);
std::vector<AquastatCountry> read_aquastat_countries(const std::string& path);

} // namespace riparia::io
