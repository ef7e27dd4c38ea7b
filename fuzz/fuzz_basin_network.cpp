// libFuzzer target: basin validation. The input does not become text directly: it drives a
// generator of syntactically valid basin files (sub-basins with ids that may repeat, downstream
// links that may be unknown, point to themselves or close cycles, numbers in and out of range;
// reservoirs, demands, environmental flows and agreements naming existing or unknown sub-basins
// and countries), so the fuzzer explores the network and management checks rather than the TOML
// syntax. An InputError is the expected outcome of an invalid basin.
#include "fuzz/fuzz_support.hpp"
#include "io/basin_file.hpp"
#include "io/input_error.hpp"

#include <fmt/format.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <array>

namespace {

using Provider = FuzzedDataProvider;

// Mostly plausible values, sometimes edge cases and out-of-range ones.
std::string number(Provider& p) {
    static constexpr std::array<const char*, 12> special{"0.0",  "-1.0",  "0.5",    "1.0",
                                                         "12.0", "1e308", "-1e308", "nan",
                                                         "inf",  "-inf",  "20.5",   "1e-9"};
    if (p.ConsumeBool()) return special[p.ConsumeIntegralInRange<std::size_t>(0, 11)];
    return fmt::format("{}", p.ConsumeFloatingPointInRange<double>(-10.0, 1000.0));
}

std::string numbers(Provider& p, std::size_t count) {
    std::string text = "[";
    for (std::size_t k = 0; k < count; ++k)
        text += (k ? ", " : "") + number(p);
    return text + "]";
}

std::string id(Provider& p, const char* prefix, int count) {
    return fmt::format("\"{}{}\"", prefix, p.ConsumeIntegralInRange<int>(0, count));
}

std::string country(Provider& p) {
    static constexpr std::array<const char*, 5> codes{"FRA", "CHE", "DEU", "fra", "XX"};
    return fmt::format("\"{}\"", codes[p.ConsumeIntegralInRange<std::size_t>(0, 4)]);
}

std::string subbasin(Provider& p, int count) {
    std::string t = "[[subbasin]]\nid = " + id(p, "S", count) + "\ncountry = " + country(p) +
                    "\narea_km2 = " + number(p) + "\nlat = " + number(p) + "\nlon = " + number(p) +
                    "\nforcing = \"forcing.csv\"\n";
    if (p.ConsumeBool()) t += "downstream = " + id(p, "S", count) + "\n";
    t += fmt::format("gr4j = {{ x1 = {}, x2 = {}, x3 = {}, x4 = {} }}\n", number(p), number(p),
                     number(p), number(p));
    if (p.ConsumeBool())
        t += fmt::format("routing = {{ lag_days = {}, k_days = {}, loss_fraction = {} }}\n",
                         number(p), number(p), number(p));
    if (p.ConsumeBool())
        t += fmt::format("initial = {{ production_fill = {}, routing_fill = {} }}\n", number(p),
                         number(p));
    return t;
}

std::string reservoir(Provider& p, int count, int k) {
    std::string t =
        fmt::format("[[reservoir]]\nid = \"R{}\"\nsubbasin = {}\n", k, id(p, "S", count));
    t += "capacity_hm3 = " + number(p) + "\ndead_storage_hm3 = " + number(p) +
         "\ninitial_storage_hm3 = " + number(p) + "\nmax_release_m3s = " + number(p) + "\n";
    if (p.ConsumeBool())
        t += "area_km2 = " + number(p) + "\n";
    else
        t += "area = { storage_hm3 = " + numbers(p, p.ConsumeIntegralInRange<std::size_t>(0, 4)) +
             ", area_km2 = " + numbers(p, p.ConsumeIntegralInRange<std::size_t>(0, 4)) + " }\n";
    if (p.ConsumeBool())
        t += "rule = { kind = \"monthly_target\", release_m3s = " +
             numbers(p, p.ConsumeIntegralInRange<std::size_t>(11, 13)) + " }\n";
    else
        t += "rule = { kind = \"hanasaki\", purpose = \"irrigation\" }\n";
    if (p.ConsumeBool())
        t += "filling = { start = \"2000-07-01\", years = " + number(p) +
             ", min_release_m3s = " + number(p) + " }\n";
    return t;
}

std::string demand(Provider& p, int count, int k) {
    std::string t = fmt::format("[[demand]]\nid = \"D{}\"\ncountry = {}\nsubbasin = {}\n", k,
                                country(p), id(p, "S", count));
    t += "sector = \"irrigation\"\nannual_volume_hm3 = " + number(p) +
         "\npriority = " + std::to_string(p.ConsumeIntegralInRange<int>(-1, 3)) + "\n";
    if (p.ConsumeBool())
        t +=
            "monthly_profile = " + numbers(p, p.ConsumeIntegralInRange<std::size_t>(11, 13)) + "\n";
    if (p.ConsumeBool()) t += "consumptive_fraction = " + number(p) + "\n";
    if (p.ConsumeBool()) t += "return_subbasin = " + id(p, "S", count) + "\n";
    return t;
}

std::string environmental_flow(Provider& p, int count, int k) {
    return fmt::format("[[environmental_flow]]\nid = \"F{}\"\nsubbasin = {}\nflow_m3s = {}\n"
                       "priority = 1\n",
                       k, id(p, "S", count), number(p));
}

std::string agreement(Provider& p, int count, int k) {
    std::string t = fmt::format("[[agreement]]\nid = \"G{}\"\nname = \"treaty\"\ncountries = [{}, "
                                "{}]\nat = {}\npriority = 1\n",
                                k, country(p), country(p), id(p, "S", count));
    switch (p.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
        t += "kind = \"min_flow\"\nflow_m3s = " + number(p) + "\n";
        break;
    case 1:
        t += "kind = \"annual_volume\"\nvolume_hm3 = " + number(p) +
             "\ndrought_reference_m3s = " + number(p) + "\n";
        break;
    case 2:
        t += "kind = \"share\"\nreference = " + id(p, "S", count) +
             "\nshares = " + numbers(p, p.ConsumeIntegralInRange<std::size_t>(1, 3)) + "\n";
        break;
    default:
        t += "kind = \"schedule\"\nreference = " + id(p, "S", count) + "\nmonths = [1, 2, 13]\n" +
             "bands = [{ upto_m3s = " + number(p) + ", share = " + number(p) +
             ", offset_m3s = " + number(p) + " }]\n";
    }
    return t;
}

std::string basin_text(Provider& p) {
    const int count = p.ConsumeIntegralInRange<int>(1, 10);
    std::string text = "[basin]\nname = \"generated\"\n";
    for (int k = 0; k < count; ++k)
        text += subbasin(p, count);
    const auto tables = [&](auto table, int most) {
        const int n = p.ConsumeIntegralInRange<int>(0, most);
        for (int k = 0; k < n; ++k)
            text += table(p, count, k);
    };
    tables(reservoir, 3);
    tables(demand, 3);
    tables(environmental_flow, 2);
    tables(agreement, 2);
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace riparia;
    static const bool ready = [] {
        fuzz::write_scratch("forcing.csv", "date,P,E\n2000-01-01,1.0,0.5\n");
        return true;
    }();
    (void)ready;
    Provider provider(data, size);
    const std::string path = fuzz::write_scratch("basin.toml", basin_text(provider));
    try {
        (void)io::load_basin_file(path);
    } catch (const io::InputError&) {
        // the expected outcome of an invalid basin
    }
    return 0;
}
