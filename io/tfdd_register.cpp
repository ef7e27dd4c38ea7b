#include "io/input_error.hpp"
#include "io/tfdd_csv.hpp"
#include "io/tfdd_tables.hpp"

#include <cmath>
#include <fmt/format.h>

namespace riparia::io {

const std::set<std::string>& tfdd_non_basin_codes() {
    static const std::set<std::string> codes{"", "GNRL", "UNKN", "GRND", "NTAP", "NITL"};
    return codes;
}

namespace {

// True for a basin code of the basin file; false for a code to skip; InputError otherwise.
bool known_basin(const CsvTable& t, std::size_t row, std::size_t col,
                 const std::set<std::string>& basins, const std::set<std::string>& ignored) {
    const std::string& code = t.at(row, col);
    if (basins.count(code)) return true;
    if (tfdd_non_basin_codes().count(code) || ignored.count(code)) return false;
    t.fail(row, col, "a BCODE of the basin file (or one listed in ignored_basin_codes)");
}

} // namespace

std::vector<TfddUnit> read_tfdd_register(const std::string& path,
                                         const std::set<std::string>& basins) {
    const CsvTable t(path, false);
    const std::string expected = "the register columns bcode, ccode, country_name, area";
    const auto bcode = t.column("bcode", expected), ccode = t.column("ccode", expected);
    const auto name = t.column("country_name", expected), area = t.column("area", expected);
    std::vector<TfddUnit> units;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (!basins.count(t.at(r, bcode))) t.fail(r, bcode, "a BCODE of the basin file");
        if (t.at(r, ccode).empty()) t.fail(r, ccode, "a country code");
        const double km2 = t.number(r, area);
        if (!(km2 >= 0)) t.fail(r, area, "an area >= 0 (km2)");
        units.push_back({t.at(r, bcode), t.at(r, ccode), t.at(r, name), km2});
    }
    return units;
}

std::vector<TfddEvent> read_tfdd_events(const std::string& path,
                                        const std::set<std::string>& basins,
                                        const std::set<std::string>& ignored) {
    const CsvTable t(path, false);
    const std::string expected = "the event columns UNIQUE_ID, BCode, BAR_Scale";
    const auto id = t.column("UNIQUE_ID", expected), code = t.column("BCode", expected);
    const auto bar = t.column("BAR_Scale", expected);
    std::vector<TfddEvent> events;
    std::set<std::pair<std::string, std::string>> seen; // one dyad row per event and basin
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (!known_basin(t, r, code, basins, ignored)) continue;
        const double value = t.number(r, bar, true);
        if (std::isnan(value)) continue; // uncoded event
        if (value < -7 || value > 7 || value != std::floor(value))
            t.fail(r, bar, "an integer BAR value from -7 to 7");
        if (!seen.insert({t.at(r, code), t.at(r, id)}).second) continue;
        events.push_back({t.at(r, id), t.at(r, code), static_cast<int>(value)});
    }
    return events;
}

std::vector<AquastatCountry> read_aquastat_countries(const std::string& path) {
    const CsvTable t(path, false);
    const std::string expected = "the AQUASTAT columns iso3, dependency_ratio_pct";
    const auto iso = t.column("iso3", expected), ratio = t.column("dependency_ratio_pct", expected);
    std::vector<AquastatCountry> out;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const double pct = t.number(r, ratio, true);
        if (pct < 0 || pct > 100) t.fail(r, ratio, "a percentage from 0 to 100");
        out.push_back({t.at(r, iso), pct});
    }
    return out;
}

} // namespace riparia::io
