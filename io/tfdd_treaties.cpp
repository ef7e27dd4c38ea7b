#include "io/input_error.hpp"
#include "io/tfdd_csv.hpp"
#include "io/tfdd_tables.hpp"

#include <charconv>
#include <fmt/format.h>

namespace riparia::io {

namespace {

bool skip_basin(const CsvTable& t, std::size_t row, std::size_t col,
                const std::set<std::string>& basins, const std::set<std::string>& ignored) {
    const std::string& code = t.at(row, col);
    if (basins.count(code)) return false;
    if (tfdd_non_basin_codes().count(code) || ignored.count(code)) return true;
    t.fail(row, col, "a BCODE of the basin file (or one listed in ignored_basin_codes)");
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// TFDD treaty codes: 0 = no, -1 = not applicable, a positive code (or a list of them, "2, 3")
// = the mechanism is present; "#N/A", "N.A." and empty = not coded (taken as absent).
bool has_mechanism(const CsvTable& t, std::size_t row, std::size_t col) {
    const std::string text = trim(t.at(row, col));
    if (text.empty() || text == "#N/A" || text == "N.A.") return false;
    bool present = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string token = trim(text.substr(start, comma - start));
        double v = 0;
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
        if (token.empty() || ec != std::errc() || end != token.data() + token.size())
            t.fail(row, col, "a TFDD code (0, -1, a positive code or a comma-separated list)");
        present = present || v > 0;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return present;
}

} // namespace

std::vector<TfddTreatyRow> read_tfdd_treaties(const std::string& path,
                                              const std::set<std::string>& basins,
                                              const std::set<std::string>& ignored) {
    const CsvTable t(path, false);
    const std::string expected = "the TFDD treaty columns 2016Update ID, BCODE, CCODE, "
                                 "Allocation, VarMgmt, Conflict Resolution Mechanism";
    const auto id = t.column("2016Update ID", expected), code = t.column("BCODE", expected);
    const auto country = t.column("CCODE", expected), alloc = t.column("Allocation", expected);
    const auto var = t.column("VarMgmt", expected);
    const auto conflict = t.column("Conflict Resolution Mechanism", expected);
    std::vector<TfddTreatyRow> rows;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (skip_basin(t, r, code, basins, ignored)) continue;
        if (t.at(r, id).empty()) t.fail(r, id, "a treaty id");
        rows.push_back({t.at(r, id), t.at(r, code), t.at(r, country), has_mechanism(t, r, alloc),
                        has_mechanism(t, r, var), has_mechanism(t, r, conflict)});
    }
    return rows;
}

std::vector<TfddRboRow> read_tfdd_rbos(const std::string& path, const std::set<std::string>& basins,
                                       const std::set<std::string>& ignored) {
    const CsvTable t(path, true);
    const std::string expected = "the TFDD RBO columns RBO, RIV, CCODE, INCLUSIVENESS";
    const auto rbo = t.column("RBO", expected), code = t.column("RIV", expected);
    const auto country = t.column("CCODE", expected);
    const auto inclusive = t.column("INCLUSIVENESS", expected);
    std::vector<TfddRboRow> rows;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (skip_basin(t, r, code, basins, ignored)) continue;
        rows.push_back(
            {t.at(r, rbo), t.at(r, code), t.at(r, country), t.at(r, inclusive) == "Inclusive"});
    }
    return rows;
}

} // namespace riparia::io
