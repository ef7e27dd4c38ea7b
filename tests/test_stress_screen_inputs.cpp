// Bad TFDD tables for `riparia screen` beyond tests/test_screen.cpp: a treaty or RBO file without
// one of the columns the screen reads, treaty rows with an unknown basin code, and a country with
// no treaty or RBO row while its co-riparians have some (treated as no agreement, and said so).
#include "support.hpp"

#include <doctest/doctest.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace riparia::test;

namespace {

// The screen on the shared data, with some inputs replaced (option -> path).
CommandResult screen_with(const ScratchDir& dir, const std::map<std::string, std::string>& own) {
    std::map<std::string, std::string> options = {
        {"--basins", shared_data("tfdd/basins310.geojson")},
        {"--register", shared_data("tfdd/basin_country_register.csv")},
        {"--treaties", shared_data("tfdd/treaties.csv")},
        {"--rbo", shared_data("tfdd/rbo.csv")},
        {"--aquastat", shared_data("aquastat/riparian_countries.csv")},
        {"--countries", shared_data("countries/world.gpkg")},
        {"--config", source_dir() + "/config/stress.toml"},
        {"--members", "2"},
        {"--scenario", "baseline"},
        {"--out", dir / "out"}};
    for (const auto& [option, value] : own)
        options[option] = value;
    std::vector<std::string> args{"screen", "--quiet"};
    for (const auto& [option, value] : options)
        args.insert(args.end(), {option, value});
    return run_riparia(args);
}

std::string treaty_header() {
    std::istringstream in(read_file(shared_data("tfdd/treaties.csv")));
    std::string header;
    std::getline(in, header);
    return header;
}

// A treaty row with the real header: the given basin, country and treaty id, other fields empty.
std::string treaty_row(const std::string& header, const std::string& basin,
                       const std::string& country, const std::string& id) {
    std::istringstream in(header);
    std::string name, row;
    bool first = true;
    while (std::getline(in, name, ',')) {
        std::string value;
        if (name == "BCODE") value = basin;
        if (name == "CCODE") value = country;
        if (name == "2016Update ID") value = id;
        if (name == "Allocation") value = "1";
        row += (first ? "" : ",") + value;
        first = false;
    }
    return row;
}

} // namespace

TEST_CASE("screen: treaty and RBO files without a needed column exit 2 naming it") {
    ScratchDir dir("stress-screen-columns");
    std::string header = treaty_header();
    header.replace(header.find("VarMgmt"), 7, "VarMgmX");
    write_file(dir / "treaties.csv", header + "\n");
    auto r = screen_with(dir, {{"--treaties", dir / "treaties.csv"}});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("treaties.csv") != std::string::npos);
    CHECK(r.err.find("VarMgmt") != std::string::npos);
    write_file(dir / "rbo.csv", "RBO,RIV,CCODE\nX,NILE,EGY\n");
    r = screen_with(dir, {{"--rbo", dir / "rbo.csv"}});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("rbo.csv") != std::string::npos);
    CHECK(r.err.find("INCLUSIVENESS") != std::string::npos);
}

TEST_CASE("screen: a treaty row with an unknown basin code exits 2 naming the line") {
    ScratchDir dir("stress-screen-code");
    const std::string header = treaty_header();
    write_file(dir / "treaties.csv",
               header + "\n" + treaty_row(header, "QQQQ", "EGY", "T1") + "\n");
    const auto r = screen_with(dir, {{"--treaties", dir / "treaties.csv"}});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("treaties.csv:2") != std::string::npos);
    CHECK(r.err.find("found 'QQQQ'") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("screen: a country without institutional data beside one with a treaty") {
    ScratchDir dir("stress-screen-partial");
    const std::string header = treaty_header();
    // One treaty binds Egypt and Sudan in the Nile; no other country has a treaty or an RBO row.
    write_file(dir / "treaties.csv", header + "\n" + treaty_row(header, "NILE", "EGY", "T1") +
                                         "\n" + treaty_row(header, "NILE", "SDN", "T1") + "\n");
    write_file(dir / "rbo.csv", "RBO,RIV,CCODE,INCLUSIVENESS\n");
    const auto r =
        screen_with(dir, {{"--treaties", dir / "treaties.csv"}, {"--rbo", dir / "rbo.csv"}});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string json = read_file(dir / "out/stress.json");
    CHECK(json.find("an agreement binds") != std::string::npos);
    CHECK(json.find("no institutional data for") != std::string::npos);
    CHECK(json.find("treated as no agreement") != std::string::npos);
}
