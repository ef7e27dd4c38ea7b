#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace riparia::test;

namespace {

std::vector<std::string> screen_args(const ScratchDir& dir, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"screen",
                                  "--out",
                                  dir / "out",
                                  "--config",
                                  source_dir() + "/config/stress.toml",
                                  "--basins",
                                  shared_data("tfdd/basins310.geojson"),
                                  "--register",
                                  shared_data("tfdd/basin_country_register.csv"),
                                  "--treaties",
                                  shared_data("tfdd/treaties.csv"),
                                  "--rbo",
                                  shared_data("tfdd/rbo.csv"),
                                  "--aquastat",
                                  shared_data("aquastat/riparian_countries.csv"),
                                  "--events",
                                  shared_data("tfdd/events_1948_1989.csv"),
                                  "--countries",
                                  shared_data("countries/world.gpkg"),
                                  "--quiet"};
    // Options given again in `extra` replace the defaults (CLI11 takes each once).
    for (std::size_t i = 0; i + 1 < extra.size(); ++i) {
        const auto it = std::find(args.begin(), args.end(), extra[i]);
        if (extra[i].rfind("--", 0) == 0 && it != args.end() && it + 1 != args.end()) {
            *(it + 1) = extra[i + 1];
            extra.erase(extra.begin() + static_cast<long>(i),
                        extra.begin() + static_cast<long>(i) + 2);
            --i;
        }
    }
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::size_t lines(const std::string& text) {
    std::size_t n = 0;
    for (char ch : text)
        n += ch == '\n';
    return n;
}

} // namespace

TEST_CASE("screen end to end on the real TFDD files") {
    ScratchDir dir("screen-e2e");
    const auto r = run_riparia(screen_args(dir, {"--members", "20", "--validation", dir / "v.md"}));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string csv = read_file(dir / "out/stress.csv");
    CHECK(csv.rfind("bcode,name,scenario,score,class,share_members_class_ge4,flag,reasons\n", 0) ==
          0);
    CHECK(lines(csv) == 1 + 310 * 3);
    for (const char* code : {"\nNILE,", "\nINDU,", "\nGANG,", "\nTIGR,", "\nDANU,"})
        CHECK(csv.find(code) != std::string::npos);
    const auto json = nlohmann::json::parse(read_file(dir / "out/stress.json"));
    REQUIRE(json["rows"].size() == 310 * 3);
    for (const auto& row : json["rows"]) {
        CHECK(row["class"].get<int>() >= 1);
        CHECK(row["class"].get<int>() <= 5);
        CHECK(!row["reasons"].empty());
        if (row["bcode"] == "NILE") CHECK(row["units"].size() == 14);
    }
    const std::string md = read_file(dir / "v.md");
    CHECK(md.find("Spearman") != std::string::npos);
    CHECK(md.find("| NILE |") != std::string::npos);
}

TEST_CASE("screen results do not depend on the thread count") {
    ScratchDir dir("screen-threads");
    auto one = screen_args(dir, {"--members", "30", "--threads", "1"});
    REQUIRE(run_riparia(one).exit_code == 0);
    const std::string a = read_file(dir / "out/stress.json");
    auto two = screen_args(dir, {"--members", "30", "--threads", "2"});
    REQUIRE(run_riparia(two).exit_code == 0);
    CHECK(read_file(dir / "out/stress.json") == a);
}

TEST_CASE("screen rejects TFDD files with missing columns or unknown basin codes") {
    ScratchDir dir("screen-bad");
    write_file(dir / "register.csv", "bcode,ccode,country_name\nNILE,EGY,Egypt\n");
    auto r = run_riparia(screen_args(dir, {"--register", dir / "register.csv"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("register.csv: missing column 'area'") != std::string::npos);
    write_file(dir / "register.csv", "bcode,ccode,country_name,area\nNILX,EGY,Egypt,10\n");
    r = run_riparia(screen_args(dir, {"--register", dir / "register.csv"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("register.csv:2: column 'bcode': found 'NILX'") != std::string::npos);
    write_file(dir / "rbo.csv", "RBO,RIV,CCODE,INCLUSIVENESS\nX,QQQQ,EGY,Inclusive\n");
    r = run_riparia(screen_args(dir, {"--rbo", dir / "rbo.csv"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("found 'QQQQ', expected a BCODE") != std::string::npos);
    r = run_riparia(screen_args(dir, {"--scenario", "ssp999"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--scenario: found 'ssp999'") != std::string::npos);
}

TEST_CASE("screen says when a country has no institutional data") {
    ScratchDir dir("screen-noinst");
    // No treaties and no RBOs at all: every pair is "no institutional data".
    std::string header;
    {
        std::istringstream in(read_file(shared_data("tfdd/treaties.csv")));
        std::getline(in, header);
    }
    write_file(dir / "treaties.csv", header + "\n");
    write_file(dir / "rbo.csv", "RBO,RIV,CCODE,INCLUSIVENESS\n");
    const auto r =
        run_riparia(screen_args(dir, {"--treaties", dir / "treaties.csv", "--rbo", dir / "rbo.csv",
                                      "--members", "2", "--scenario", "baseline"}));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string csv = read_file(dir / "out/stress.csv");
    CHECK(csv.find("no institutional data for") != std::string::npos);
    CHECK(csv.find(": treated as no agreement") != std::string::npos);
    CHECK(lines(csv) == 1 + 310);
}
