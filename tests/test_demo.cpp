// The demo study (the README's main job) runs end to end with water management and writes the
// management variables, a closed water balance and the compliance record.
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace riparia::test;

TEST_CASE("the demo study runs with reservoirs, demands and agreements") {
    ScratchDir dir("demo");
    const std::string out = dir / "out";
    const auto result =
        run_riparia({"run", source_dir() + "/basins/demo/study.toml", "--out", out});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("agreement border_min_flow") != std::string::npos);
    std::size_t times = 0, demands = 0;
    const auto withdrawal =
        read_netcdf_variable(out + "/results.nc", "demand_withdrawal", &times, &demands);
    CHECK(times == 336); // 1985-2012, monthly
    CHECK(demands == 2);
    const auto request = read_netcdf_variable(out + "/results.nc", "demand_request");
    for (std::size_t k = 0; k < withdrawal.size(); ++k) {
        CHECK(withdrawal[k] <= request[k] * (1 + 1e-12));
        CHECK(withdrawal[k] >= 0);
    }
    const auto storage = read_netcdf_variable(out + "/results.nc", "reservoir_storage");
    for (double s : storage) {
        CHECK(s >= 0);
        CHECK(s <= 120.0 + 1e-9);
    }
    const std::string record = read_file(out + "/run.json");
    CHECK(record.find("\"management\"") != std::string::npos);
    CHECK(record.find("\"worst_relative_residual\"") != std::string::npos);
}
