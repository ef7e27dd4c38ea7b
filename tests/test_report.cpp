// report.html without a browser: the ensemble statistics against hand computations, and the page
// of a small ensemble run — its embedded JSON parses, names the study's scenarios, policies and
// units, refers to nothing on the network, and its figures equal those recomputed here from
// results.nc and run.json.
#include "model/ensemble_spread.hpp"
#include "tests/report_study.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <regex>

using namespace riparia::test;
using riparia::model::percentile;

TEST_CASE("report statistics: percentiles, seasonal means, months short, member differences") {
    // Hyndman-Fan 7 on {1,2,3,4}: position q*(n-1).
    CHECK(percentile({4, 1, 3, 2}, 0.1) == doctest::Approx(1.3));
    CHECK(percentile({4, 1, 3, 2}, 0.5) == doctest::Approx(2.5));
    CHECK(percentile({4, 1, 3, 2}, 0.9) == doctest::Approx(3.7));
    CHECK(percentile({5, NAN}, 0.5) == 5);
    CHECK(std::isnan(percentile({}, 0.5)));
    // 14 months from March: March and April appear twice.
    std::vector<double> monthly(14);
    for (std::size_t t = 0; t < monthly.size(); ++t)
        monthly[t] = static_cast<double>(t);
    const auto cycle = riparia::model::seasonal_means(monthly, 2);
    CHECK(cycle[2] == doctest::Approx(6.0)); // (0 + 12) / 2
    CHECK(cycle[3] == doctest::Approx(7.0)); // (1 + 13) / 2
    CHECK(cycle[0] == doctest::Approx(10.0));
    CHECK(cycle[1] == doctest::Approx(11.0));
    // Deficits 0, 1, 2, 5 of requests 10, 10, 0, 10: above 10 % in 1 of the 3 months asked.
    CHECK(riparia::model::share_of_months_short(std::vector<double>{0, 1, 2, 5},
                                                std::vector<double>{10, 10, 0, 10},
                                                0.1) == doctest::Approx(1.0 / 3));
    const auto d = riparia::model::difference_spread({3, 5, 10}, {1, 1, 1});
    CHECK(d.median == doctest::Approx(4.0));
    CHECK(d.p10 == doctest::Approx(2.4)); // 2 + 0.2 * (4 - 2)
    CHECK(d.p90 == doctest::Approx(8.0)); // 4 + 0.8 * (9 - 4)
}

namespace {

int days_in(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap ? 1 : 0);
}

// results.nc of the report study: 2 scenarios x 3 policies x 1 member x 48 months x width.
double at(const std::vector<double>& v, std::size_t s, std::size_t p, std::size_t t, std::size_t k,
          std::size_t width) {
    return v[((s * 3 + p) * 48 + t) * width + k];
}

} // namespace

TEST_CASE("report.html: embedded data, no network references, figures recomputed") {
    ScratchDir dir("report");
    const std::string out = run_report_study(dir);
    REQUIRE(std::filesystem::exists(out + "/report.html"));
    CHECK(!std::filesystem::exists(out + "/report.html.tmp"));
    const std::string page = read_file(out + "/report.html");
    const std::regex network(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase);
    CHECK(!std::regex_search(page, network));
    CHECK(page.find("@DATA@") == std::string::npos);

    const nlohmann::json data = embedded_report_data(page);
    std::vector<std::string> scenarios, policies, units;
    for (const auto& s : data["scenarios"])
        scenarios.push_back(s["name"]);
    for (const auto& p : data["policies"])
        policies.push_back(p["name"]);
    for (const auto& u : data["map"]["units"])
        units.push_back(u["unit"]);
    CHECK(scenarios == std::vector<std::string>{"baseline", "dry"});
    CHECK(policies == std::vector<std::string>{"as built", "more irrigation", "pristine"});
    std::sort(units.begin(), units.end());
    CHECK(units == stress_units(out + "/stress.json"));
    CHECK(data["provenance"]["study"] == "report test");

    // Border nodes: FR2 (FRA -> BEL), then the outlet BE1; FR2 is the third node of the file.
    const auto& nodes = data["borders"]["nodes"];
    REQUIRE(nodes.size() == 2);
    CHECK(nodes[0]["node"] == "FR2");
    CHECK(nodes[0]["label"] == "FRA -> BEL");
    CHECK(nodes[1]["node"] == "BE1");
    const auto dis = read_netcdf_variable(out + "/results.nc", "dis");
    REQUIRE(dis.size() == 2 * 3 * 48 * 4);
    for (std::size_t s = 0; s < 2; ++s) {
        for (std::size_t month = 0; month < 12; ++month) {
            double sum = 0;
            for (std::size_t year = 0; year < 4; ++year)
                sum += at(dis, s, 0, year * 12 + month, 2, 4);
            const double expected = sum / 4;
            CHECK(nodes[0]["seasonal"][s]["median"][month].get<double>() ==
                  doctest::Approx(expected).epsilon(1e-3));
        }
    }

    // Shortage and months short of France (its one demand, FR1_irrigation, is the first), dry
    // scenario, policy "more irrigation"; and the what-if difference against "as built".
    const auto request = read_netcdf_variable(out + "/results.nc", "demand_request");
    const auto deficit = read_netcdf_variable(out + "/results.nc", "demand_deficit");
    auto shortage = [&](std::size_t s, std::size_t p) {
        double asked = 0, missing = 0;
        for (std::size_t t = 0; t < 48; ++t) {
            const double days =
                days_in(1990 + static_cast<int>(t / 12), static_cast<int>(t % 12) + 1);
            asked += at(request, s, p, t, 0, 2) * days;
            missing += at(deficit, s, p, t, 0, 2) * days;
        }
        return 100 * missing / asked;
    };
    int months = 0, short_months = 0;
    for (std::size_t t = 0; t < 48; ++t) {
        if (at(request, 1, 1, t, 0, 2) <= 0) continue;
        ++months;
        if (at(deficit, 1, 1, t, 0, 2) > 0.1 * at(request, 1, 1, t, 0, 2)) ++short_months;
    }
    const auto& figures = data["figures"][1][1];
    CHECK(shortage(1, 1) > 0); // the test is about something
    CHECK(figures["shortage FRA"]["median"].get<double>() ==
          doctest::Approx(shortage(1, 1)).epsilon(1e-3));
    CHECK(figures["reliability FRA"]["median"].get<double>() ==
          doctest::Approx(100.0 * short_months / months).epsilon(1e-3));
    CHECK(data["differences"][1][1]["shortage FRA"]["median"].get<double>() ==
          doctest::Approx(shortage(1, 1) - shortage(1, 0)).epsilon(1e-3));
    CHECK(data["differences"][1][0].empty());

    // Compliance of the border minimum flow: delivered / required over the years in run.json.
    const auto record = nlohmann::json::parse(read_file(out + "/run.json"));
    for (const auto& run : record["ensemble"]["runs"]) {
        if (run["scenario"] != "dry" || run["policy"] != "as built") continue;
        double delivered = 0, required = 0;
        for (const auto& a : run["management"]["agreements"]) {
            for (const auto& y : a["years"]) {
                delivered += y["delivered_hm3"].get<double>();
                required += y["required_hm3"].get<double>();
            }
        }
        CHECK(data["figures"][1][0]["compliance border_min_flow"]["median"].get<double>() ==
              doctest::Approx(100 * delivered / required).epsilon(1e-3));
    }
}

TEST_CASE("report.html: a study name holding a placeholder's text leaves the page whole") {
    ScratchDir dir("report-placeholder");
    std::string study = read_file(source_dir() + "/basins/demo/study.toml");
    const auto name = study.find("\nname = ");
    REQUIRE(name != std::string::npos);
    study.replace(name + 1, study.find('\n', name + 1) - name - 1, "name = \"x @SCRIPT@ @DATA@\"");
    const auto basin = study.find("basin = \"basin.toml\"");
    REQUIRE(basin != std::string::npos);
    study.replace(basin, 20, "basin = \"" + source_dir() + "/basins/demo/basin.toml\"");
    write_file(dir / "study.toml", study);
    const auto r = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string page = read_file(dir / "out/report.html");
    CHECK(page.find("@SCRIPT@") == std::string::npos);
    CHECK(page.find("@DATA@") == std::string::npos);
    CHECK(page.find("x &#64;SCRIPT&#64; &#64;DATA&#64;") != std::string::npos); // the title
}
