// results.nc as a CF-1.8 discrete-sampling-geometry file, read back with `ncdump -h` (netCDF's
// own tool, independent of the writer): the global Conventions and featureType, units and a
// standard_name or long_name on every data variable, coordinates that name existing label
// variables, one cf_role = timeseries_id (node_id), and the ISIMIP name `dis` for discharge
// (ISIMIP3 protocol, water sector: dis, m3 s-1, water_volume_transport_in_river_channel).
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace riparia::test;

namespace {

struct HeaderVariable {
    std::string type;
    std::vector<std::string> dimensions;
    std::map<std::string, std::string> attributes; // text values without their quotes
};

struct Header {
    std::map<std::string, std::string> global;
    std::map<std::string, HeaderVariable> variables;
};

std::string ncdump_header(const std::string& path) {
    const std::string command = "ncdump -h '" + path + "' 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string text;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe.get()))
        text += buffer.data();
    return text;
}

std::vector<std::string> split_words(const std::string& list, char separator) {
    std::vector<std::string> words;
    std::stringstream in(list);
    std::string word;
    while (std::getline(in, word, separator)) {
        word.erase(0, word.find_first_not_of(' '));
        if (!word.empty()) words.push_back(word);
    }
    return words;
}

// The `variables:` and `// global attributes:` parts of ncdump's CDL header.
Header parse_header(const std::string& cdl) {
    static const std::regex variable(R"(^\t(\w+) (\w+)(\((.*)\))? ;$)");
    static const std::regex attribute(R"(^\t\t(\w*):(\w+) = (.*) ;$)");
    Header h;
    std::stringstream in(cdl);
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_match(line, m, variable)) {
            h.variables[m[2]] = {m[1], split_words(m[4], ','), {}};
        } else if (std::regex_match(line, m, attribute)) {
            std::string value = m[3];
            if (value.size() >= 2 && value.front() == '"')
                value = value.substr(1, value.size() - 2);
            if (m[1].length() == 0)
                h.global[m[2]] = value;
            else
                h.variables[m[1]].attributes[m[2]] = value;
        }
    }
    return h;
}

bool has_dimension(const HeaderVariable& v, const std::string& dimension) {
    return std::find(v.dimensions.begin(), v.dimensions.end(), dimension) != v.dimensions.end();
}

// Every CF attribute the file promises; returns the data variables (those along time).
std::vector<std::string> check_cf(const Header& h) {
    CHECK(h.global.at("Conventions") == "CF-1.8");
    CHECK(h.global.at("featureType") == "timeSeries");
    std::vector<std::string> roles;
    std::vector<std::string> data;
    for (const auto& [name, v] : h.variables) {
        if (v.attributes.contains("cf_role"))
            roles.push_back(name + "=" + v.attributes.at("cf_role"));
        if (!has_dimension(v, "time") || name == "time" || name == "time_bnds") continue;
        data.push_back(name);
        INFO("data variable " << name);
        CHECK(!v.attributes.at("units").empty());
        CHECK((v.attributes.contains("standard_name") || v.attributes.contains("long_name")));
        REQUIRE(v.attributes.contains("coordinates"));
        for (const auto& label : split_words(v.attributes.at("coordinates"), ' ')) {
            INFO("coordinate " << label);
            REQUIRE(h.variables.contains(label));
            // A label runs along the variable's instance dimension (its last).
            CHECK(h.variables.at(label).dimensions == std::vector{v.dimensions.back()});
        }
    }
    CHECK(roles == std::vector<std::string>{"node_id=timeseries_id"});
    CHECK(h.variables.at("time").attributes.at("bounds") == "time_bnds");
    return data;
}

// The demo basin (a reservoir, two demands, an environmental flow, a border agreement).
std::string managed_study(const std::string& ensemble) {
    return "[study]\nname = \"CF check\"\nbasin = \"" + source_dir() +
           "/basins/demo/basin.toml\"\nstart = \"1990-01-01\"\nend = \"1991-12-31\"\n"
           "warmup_days = 0\n" +
           ensemble;
}

Header run_and_read(const ScratchDir& dir, const std::string& study) {
    write_file(dir / "study.toml", study);
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    return parse_header(ncdump_header(dir / "out/results.nc"));
}

} // namespace

TEST_CASE("results.nc CF: a single managed run passes the CF attribute checks") {
    ScratchDir dir("results-cf");
    const Header h = run_and_read(dir, managed_study(""));
    const auto data = check_cf(h);
    CHECK(data.size() == 7 + 3 + 6 + 2 + 2); // node, demand, reservoir, eflow, agreement
    const auto& dis = h.variables.at("dis");
    CHECK(dis.dimensions == std::vector<std::string>{"time", "node"});
    CHECK(dis.attributes.at("units") == "m3 s-1");
    CHECK(dis.attributes.at("standard_name") == "water_volume_transport_in_river_channel");
    CHECK(dis.attributes.at("coordinates") == "lat lon node_id");
    CHECK_FALSE(h.variables.contains("discharge"));
    CHECK(h.variables.at("demand_deficit").attributes.at("coordinates") == "demand_id");
    CHECK(h.variables.at("demand_id").attributes.at("long_name") == "demand identifier");
    CHECK(h.variables.at("agreement_delivered").dimensions ==
          std::vector<std::string>{"time", "agreement"});
}

TEST_CASE("results.nc CF: an ensemble's leading axes keep the CF attributes") {
    ScratchDir dir("results-cf-ensemble");
    const Header h = run_and_read(dir, managed_study("\n[ensemble]\npristine = true\n"));
    const auto data = check_cf(h);
    CHECK(data.size() == 7 + 3 + 6 + 2 + 2);
    CHECK(h.variables.at("dis").dimensions ==
          std::vector<std::string>{"scenario", "policy", "member", "time", "node"});
    CHECK(h.variables.at("reservoir_storage").attributes.at("_FillValue") == "NaN");
}
