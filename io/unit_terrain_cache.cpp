#include "io/checksum.hpp"
#include "io/unit_terrain.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace riparia::io {

namespace {

constexpr const char* kFormat = "riparia unit terrain v2";

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, sep);)
        out.push_back(item);
    return out;
}

} // namespace

std::string terrain_cache_key(const TerrainFiles& f, const std::vector<TfddUnit>& units) {
    std::string text = fmt::format("{}\n{}\n{}\n{}\n", kFormat, sha256_of_file(f.basins_path),
                                   sha256_of_file(f.countries_path), sha256_of_file(f.dem_path));
    for (const auto& u : units)
        text += u.basin + "," + u.country + "\n";
    return sha256_of_text(text);
}

bool read_terrain_cache(const std::string& path, const std::string& key,
                        std::vector<UnitTerrain>& out) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line) || line != fmt::format("# {} {}", kFormat, key))
        return false;
    std::getline(in, line); // column names
    std::vector<UnitTerrain> units;
    while (std::getline(in, line)) {
        const auto f = split(line, ',');
        if (f.size() < 5) return false;
        try {
            units.push_back({f[0], f[1], std::stod(f[2]), std::stod(f[3]), std::stod(f[4]), {}});
            for (const auto& item : f.size() > 5 ? split(f[5], ';') : std::vector<std::string>{}) {
                const auto colon = item.rfind(':');
                if (colon == std::string::npos) return false;
                units.back().borders.push_back(
                    {item.substr(0, colon), std::stod(item.substr(colon + 1))});
            }
        } catch (const std::exception&) {
            return false; // a damaged cache only costs the computation
        }
    }
    out = std::move(units);
    return true;
}

// Written to a temporary name, then renamed; a cache that cannot be written is skipped.
void write_terrain_cache(const std::string& path, const std::string& key,
                         const std::vector<UnitTerrain>& terrain) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const std::string tmp = fmt::format("{}.{}.tmp", path, ::getpid());
    {
        std::ofstream out(tmp);
        out << "# " << kFormat << " " << key
            << "\nbasin,country,area_km2,mean_m,low_m,borders_km\n";
        for (const auto& u : terrain) {
            std::string borders;
            for (const auto& [code, km] : u.borders)
                borders += fmt::format("{}{}:{:.17g}", borders.empty() ? "" : ";", code, km);
            out << fmt::format("{},{},{:.17g},{:.17g},{:.17g},{}\n", u.basin, u.country, u.area_km2,
                               u.mean_m, u.low_m, borders);
        }
        if (!out) return (void)std::filesystem::remove(tmp, ec);
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) std::filesystem::remove(tmp, ec);
}

} // namespace riparia::io
