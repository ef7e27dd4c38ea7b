// Writes a synthetic study for the end-to-end benchmark: a random tree of N sub-basins, Y years
// of daily forcing shared by F CSV files (sub-basins share weather stations), deterministic.
//   make_synthetic_study DIR N YEARS FILES [managed] [members=M]
// With "managed": a reservoir on every 6th sub-basin, a demand on every 3rd, an environmental
// flow at the outlet and a minimum-flow agreement at the border between the two countries.
// FILES = 0: no forcing files; each sub-basin gets a monthly climatology and the study uses the
// weather generator, with M ensemble members (default 1).
#include "model/calendar.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <random>
#include <string>

namespace {

void write_forcing(const std::string& path, int years, std::uint64_t seed) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::fputs("date,P,E\n", f);
    const std::int64_t first = riparia::calendar::day_number({1900, 1, 1});
    const std::int64_t last = riparia::calendar::day_number({1900 + years - 1, 12, 31});
    for (std::int64_t d = first; d <= last; ++d) {
        const double season = std::sin(2 * 3.14159265358979 * static_cast<double>(d) / 365.25);
        const double p = u(rng) < 0.4 ? -std::log(1 - u(rng)) * 6.0 : 0.0;
        const double e = std::max(0.0, 2.5 + 2.0 * season + 0.5 * (u(rng) - 0.5));
        std::fprintf(f, "%s,%.2f,%.2f\n",
                     riparia::calendar::to_iso(riparia::calendar::date_of(d)).c_str(), p, e);
    }
    std::fclose(f);
}

// Sub-basin i drains to a random earlier one, so 0 is the outlet and every node's outflow reaches
// it; reservoirs sit where no demand returns past them (returns stay at their own sub-basin).
void write_management(std::FILE* basin, int n) {
    for (int i = 5; i < n; i += 6) {
        std::fprintf(
            basin,
            "\n[[reservoir]]\nid = \"R%d\"\nsubbasin = \"S%d\"\ncapacity_hm3 = 500.0\n"
            "dead_storage_hm3 = 50.0\ninitial_storage_hm3 = 300.0\nmax_release_m3s = 200.0\n"
            "area_km2 = 20.0\nrule = { kind = \"monthly_target\", release_m3s = 5.0 }\n",
            i, i);
    }
    for (int i = 0; i < n; i += 3) {
        std::fprintf(
            basin,
            "\n[[demand]]\nid = \"D%d\"\ncountry = \"%s\"\nsubbasin = \"S%d\"\n"
            "sector = \"irrigation\"\nannual_volume_hm3 = 30.0\nconsumptive_fraction = 0.6\n"
            "priority = %d\n",
            i, i < n / 2 ? "AAA" : "BBB", i, 1 + i % 3);
    }
    std::fprintf(basin, "\n[[environmental_flow]]\nid = \"E0\"\nsubbasin = \"S0\"\n"
                        "flow_m3s = 5.0\npriority = 1\n");
    std::fprintf(basin, "\n[[agreement]]\nid = \"A1\"\nkind = \"min_flow\"\n"
                        "countries = [\"AAA\", \"BBB\"]\nat = \"S1\"\nflow_m3s = 2.0\n"
                        "priority = 2\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 5 || argc > 7) {
        std::fprintf(stderr, "usage: make_synthetic_study DIR SUBBASINS YEARS FORCING_FILES "
                             "[managed] [members=M]\n");
        return 2;
    }
    bool managed = false;
    int members = 1;
    for (int k = 5; k < argc; ++k) {
        const std::string option = argv[k];
        if (option == "managed") managed = true;
        if (option.rfind("members=", 0) == 0) members = std::stoi(option.substr(8));
    }
    const std::filesystem::path dir = argv[1];
    const int n = std::stoi(argv[2]), years = std::stoi(argv[3]), files = std::stoi(argv[4]);
    std::filesystem::create_directories(dir);
    for (int k = 0; k < files; ++k) {
        write_forcing((dir / fmt::format("forcing{}.csv", k)).string(), years, 1000 + k);
    }
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::FILE* basin = std::fopen((dir / "basin.toml").c_str(), "w");
    std::fprintf(basin, "[basin]\nname = \"synthetic tree of %d sub-basins\"\n", n);
    for (int i = 0; i < n; ++i) {
        std::fprintf(basin, "\n[[subbasin]]\nid = \"S%d\"\ncountry = \"%s\"\n", i,
                     i < n / 2 ? "AAA" : "BBB");
        std::fprintf(basin, "area_km2 = %.1f\nlat = %.3f\nlon = %.3f\n", 50 + 2000 * u(rng),
                     20 + 20 * u(rng), 10 + 20 * u(rng));
        if (i > 0) std::fprintf(basin, "downstream = \"S%d\"\n", static_cast<int>(rng() % i));
        if (files > 0) {
            std::fprintf(basin, "forcing = \"forcing%d.csv\"\n", i % files);
        } else { // a temperate climatology, wetter in winter, scaled per sub-basin
            const double wet = 0.8 + 0.4 * u(rng);
            std::fprintf(basin,
                         "climate = { precip_mm = [%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,"
                         "%.0f,%.0f,%.0f], wet_day_fraction = [0.5,0.5,0.45,0.45,0.4,0.35,0.3,"
                         "0.3,0.35,0.4,0.45,0.5], temperature_c = [4,5,8,11,15,18,21,21,17,13,"
                         "8,5] }\n",
                         90 * wet, 80 * wet, 75 * wet, 65 * wet, 60 * wet, 50 * wet, 40 * wet,
                         40 * wet, 55 * wet, 70 * wet, 85 * wet, 95 * wet);
        }
        std::fprintf(basin, "gr4j = { x1 = %.2f, x2 = %.3f, x3 = %.2f, x4 = %.3f }\n",
                     100 + 1100 * u(rng), -2 + 3 * u(rng), 20 + 280 * u(rng), 1.1 + 1.8 * u(rng));
        std::fprintf(basin, "routing = { lag_days = %.2f, k_days = %.2f }\n", 2 * u(rng),
                     5 * u(rng));
    }
    if (managed) write_management(basin, n);
    std::fclose(basin);
    std::FILE* study = std::fopen((dir / "study.toml").c_str(), "w");
    std::fprintf(study,
                 "[study]\nname = \"end-to-end benchmark\"\nbasin = \"basin.toml\"\n"
                 "start = \"1900-01-01\"\nend = \"%d-12-31\"\nwarmup_days = 0\n",
                 1900 + years - 1);
    if (files == 0) {
        std::fprintf(study, "\n[forcing]\nsource = \"generator\"\n\n[ensemble]\nmembers = %d\n",
                     members);
    }
    std::fclose(study);
    return 0;
}
