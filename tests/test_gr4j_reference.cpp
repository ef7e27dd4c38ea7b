// GR4J against the airGR 1.7.6 reference run (catchment L0123001, 10,593 days), through the real
// path: a study under tests/airgr, `riparia run --daily`, read back from results.nc.
#include "tests/support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <sstream>

using namespace riparia::test;

namespace {

struct ReferenceDay {
    double q_mm, production_mm, routing_mm;
};

std::vector<ReferenceDay> read_reference() {
    std::istringstream in(read_file(shared_data("airgr/L0123001_gr4j_reference.csv")));
    std::string line;
    std::getline(in, line);
    REQUIRE(line == "date,P,E,Qobs_mm,Qsim_mm,Prod,Rout");
    std::vector<ReferenceDay> days;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');)
            f.push_back(cell);
        days.push_back({std::stod(f[4]), std::stod(f[5]), std::stod(f[6])});
    }
    return days;
}

double max_abs_difference(const std::vector<double>& ours, const std::vector<ReferenceDay>& ref,
                          double ReferenceDay::*field) {
    double worst = 0;
    for (std::size_t d = 0; d < ref.size(); ++d) {
        worst = std::max(worst, std::fabs(ours[d] - ref[d].*field));
    }
    return worst;
}

} // namespace

TEST_CASE("GR4J reproduces the airGR reference run through riparia run --daily") {
    ScratchDir dir("airgr");
    const std::string out = dir / "out";
    const auto result = run_riparia(
        {"run", source_dir() + "/tests/airgr/study.toml", "--out", out, "--daily", "--quiet"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);

    const auto reference = read_reference();
    REQUIRE(reference.size() == 10593);
    std::size_t times = 0, nodes = 0;
    const auto runoff = read_netcdf_variable(out + "/results.nc", "runoff", &times, &nodes);
    REQUIRE(times == reference.size());
    REQUIRE(nodes == 1);
    const auto production = read_netcdf_variable(out + "/results.nc", "production_store");
    const auto routing = read_netcdf_variable(out + "/results.nc", "routing_store");

    const double dq = max_abs_difference(runoff, reference, &ReferenceDay::q_mm);
    const double ds = max_abs_difference(production, reference, &ReferenceDay::production_mm);
    const double dr = max_abs_difference(routing, reference, &ReferenceDay::routing_mm);
    MESSAGE("max |dQ| = " << dq << " mm/d, |dS| = " << ds << " mm, |dR| = " << dr << " mm");
    CHECK(dq <= 1e-6);
    CHECK(ds <= 1e-6);
    CHECK(dr <= 1e-6);

    // Discharge is runoff over the 360 km2 catchment: Q [m3/s] = Q [mm/d] * area / 86.4.
    const auto discharge = read_netcdf_variable(out + "/results.nc", "dis");
    for (std::size_t d = 0; d < reference.size(); d += 97) {
        CHECK(discharge[d] == doctest::Approx(runoff[d] * 360.0 / 86.4).epsilon(1e-12));
    }
}
