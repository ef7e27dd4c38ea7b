#include "app/screen_output.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

namespace riparia::app {

namespace {

std::string csv_field(const std::string& s) {
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string joined(const std::vector<std::string>& reasons) {
    std::string out;
    for (const auto& r : reasons)
        out += (out.empty() ? "" : "; ") + r;
    return out;
}

nlohmann::json number(double v) {
    return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
}

nlohmann::json item_json(const model::ScoredItem& item) {
    return {{"label", item.label},
            {"score", item.score},
            {"class", item.risk_class},
            {"hazard", number(item.hazard)},
            {"exposure", number(item.exposure)},
            {"change", number(item.change)},
            {"capacity", item.capacity},
            {"reasons", item.reasons}};
}

nlohmann::json row_json(const ScreenBasin& b, const ScreenRow& row, const model::StressConfig& c) {
    nlohmann::json j = {{"bcode", b.basin->code},
                        {"name", b.basin->name},
                        {"scenario", c.scenarios[row.scenario].name},
                        {"score", row.central.basin.score},
                        {"class", row.central.basin.risk_class},
                        {"share_members_at_risk", row.share_at_risk},
                        {"flag", row.flag},
                        {"worst", row.central.basin.label},
                        {"reasons", row.central.basin.reasons}};
    j["units"] = nlohmann::json::array();
    for (std::size_t u = 0; u < row.central.units.size(); ++u) {
        auto unit = item_json(row.central.units[u]);
        unit["country"] = b.units[u].country;
        unit["area_km2"] = b.units[u].area_km2;
        unit["order_from_upstream"] = u;
        j["units"].push_back(unit);
    }
    j["pairs"] = nlohmann::json::array();
    for (const auto& p : row.central.pairs)
        j["pairs"].push_back(item_json(p));
    return j;
}

} // namespace

void write_atomically(const std::string& path, const std::string& text) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary);
        out << text;
        if (!out) throw io::InputError(fmt::format("{}: cannot write the file", temporary));
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        throw io::InputError(fmt::format("{}: cannot rename into place: {}", path, ec.message()));
}

void write_screen_csv(const std::string& path, const std::vector<ScreenBasin>& basins,
                      const std::vector<ScreenRow>& rows, const model::StressConfig& c) {
    std::string text = fmt::format(
        "bcode,name,scenario,score,class,share_members_class_ge{},flag,reasons\n", c.flag_class);
    for (const auto& row : rows) {
        const ScreenBasin& b = basins[row.basin];
        text +=
            fmt::format("{},{},{},{:.3f},{},{:.3f},{},{}\n", b.basin->code,
                        csv_field(b.basin->name), csv_field(c.scenarios[row.scenario].name),
                        row.central.basin.score, row.central.basin.risk_class, row.share_at_risk,
                        row.flag ? 1 : 0, csv_field(joined(row.central.basin.reasons)));
    }
    write_atomically(path, text);
}

void write_screen_json(const std::string& path, const std::vector<ScreenBasin>& basins,
                       const std::vector<ScreenRow>& rows, const model::StressConfig& c) {
    nlohmann::json j = {
        {"members", c.members}, {"seed", c.seed}, {"rows", nlohmann::json::array()}};
    for (const auto& row : rows)
        j["rows"].push_back(row_json(basins[row.basin], row, c));
    write_atomically(path, j.dump(1));
}

void print_screen_summary(const std::vector<ScreenBasin>& basins,
                          const std::vector<ScreenRow>& rows, const model::StressConfig& c,
                          std::size_t top) {
    for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
        std::vector<const ScreenRow*> ranked;
        for (const auto& row : rows)
            if (row.scenario == s) ranked.push_back(&row);
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) {
            return a->central.basin.score > b->central.basin.score;
        });
        fmt::print("\nscenario {}: top {} of {} basins\n", c.scenarios[s].name,
                   std::min(top, ranked.size()), ranked.size());
        fmt::print("{:>4} {:<6} {:<30} {:>5} {:>5} {:>7} {:>4}  {}\n", "rank", "bcode", "name",
                   "score", "class", "at-risk", "flag", "first reason");
        for (std::size_t i = 0; i < ranked.size() && i < top; ++i) {
            const ScreenRow& r = *ranked[i];
            const auto& reasons = r.central.basin.reasons;
            fmt::print("{:>4} {:<6} {:<30.30} {:>5.2f} {:>5} {:>6.0f}% {:>4}  {}\n", i + 1,
                       basins[r.basin].basin->code, basins[r.basin].basin->name,
                       r.central.basin.score, r.central.basin.risk_class, 100 * r.share_at_risk,
                       r.flag ? "yes" : "", reasons.empty() ? "" : reasons.front());
        }
    }
}

} // namespace riparia::app
