// Members of the weather generator, and interruption: an ensemble of generator members is
// bit-identical for 1 and 2 threads and its members differ; a real run killed with SIGKILL at a
// random point (after a random number of finished runs, at least one checkpoint, and a random
// delay; the seed is printed and RIPARIA_RESUME_SEED repeats it) and then resumed with --resume
// writes exactly the results of an uninterrupted run.
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using riparia::test::contains_fragment;
using riparia::test::describe;
using riparia::test::entries_of;
using riparia::test::read_file;
using riparia::test::read_netcdf_variable;
using riparia::test::run_riparia;
using riparia::test::ScratchDir;
using riparia::test::write_file;

namespace {

std::string generator_study(int members, int years) {
    return fmt::format("[study]\nname = \"generator ensemble\"\nbasin = \"basin.toml\"\n"
                       "start = \"2001-01-01\"\nend = \"{}-12-31\"\nwarmup_days = 365\n\n"
                       "[forcing]\nsource = \"generator\"\n\n"
                       "[ensemble]\nmembers = {}\nseed = 11\n\n"
                       "[[scenario]]\nname = \"baseline\"\n\n"
                       "[[scenario]]\nname = \"warmer\"\ntemperature_delta_c = 2.5\n"
                       "precipitation_factor = 0.9\n",
                       2000 + years, members);
}

bool identical(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!(a[k] == b[k] || (std::isnan(a[k]) && std::isnan(b[k])))) return false;
    return true;
}

const char* const kVariables[] = {"dis",
                                  "precipitation",
                                  "reservoir_storage",
                                  "demand_deficit",
                                  "agreement_delivered",
                                  "production_store"};

} // namespace

TEST_CASE("resume: generator members are bit-identical on 1 and 2 threads and differ") {
    ScratchDir dir("members");
    write_file(dir / "basin.toml", riparia::test::demo_basin_with_climatology());
    write_file(dir / "study.toml", generator_study(4, 5));
    for (const char* threads : {"1", "2"}) {
        const auto r =
            run_riparia({"run", dir / "study.toml", "--out", dir / (std::string("t") + threads),
                         "--threads", threads, "--quiet"});
        REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    }
    for (const char* v : kVariables) {
        INFO(v);
        CHECK(identical(read_netcdf_variable(dir / "t1/results.nc", v),
                        read_netcdf_variable(dir / "t2/results.nc", v)));
    }
    // (scenario, policy, member, time, node): members 0 and 1 of the baseline differ.
    const auto p = read_netcdf_variable(dir / "t1/results.nc", "precipitation");
    const std::size_t per_member = 60 * 4;
    double difference = 0;
    for (std::size_t k = 0; k < per_member; ++k)
        difference += std::abs(p[k] - p[per_member + k]);
    CHECK(difference > 1.0);
    const std::string record = read_file(dir / "t1/run.json");
    CHECK(record.find("\"seed\"") != std::string::npos);
}

TEST_CASE("resume: a run killed with SIGKILL mid-way finishes with --resume, bit-identical") {
    ScratchDir dir("resume");
    write_file(dir / "basin.toml", riparia::test::demo_basin_with_climatology());
    write_file(dir / "study.toml", generator_study(8, 20));
    const auto full = run_riparia(
        {"run", dir / "study.toml", "--out", dir / "full", "--checkpoint-years", "0", "--quiet"});
    REQUIRE_MESSAGE(full.exit_code == 0, describe(full));

    // Start the run, wait until a random number (1-10) of its 16 runs are finished and at least
    // one checkpoint is written, wait a random 0-24 ms more (inside a run, a checkpoint or a
    // spool write), then kill it outright. A run's checkpoint goes when the run finishes, so the
    // one seen may be gone by then: the process is frozen (SIGSTOP) and killed only while a
    // checkpoint is on disk, else let go (SIGCONT) for 5 ms and looked at again.
    const char* seed_text = std::getenv("RIPARIA_RESUME_SEED");
    const std::uint64_t seed = seed_text ? std::stoull(seed_text) : std::random_device{}();
    std::mt19937_64 random(seed);
    const std::uint64_t finished_before_kill = 1 + random() % 10, delay_ms = random() % 25;
    MESSAGE("kill after " << finished_before_kill << " finished runs and " << delay_ms
                          << " ms; RIPARIA_RESUME_SEED=" << seed << " repeats it");
    const std::string staging = dir / ".out.partial/runs";
    const std::string script =
        fmt::format("'{}' run '{}' --out '{}' --checkpoint-years 2 --threads 2 --quiet & pid=$!; "
                    "for k in $(seq 1 3000); do "
                    "  if [ $(ls '{}' 2>/dev/null | grep -c '\\.json$') -ge {} ] && "
                    "     ls '{}'/*.h5 >/dev/null 2>&1; then break; fi; "
                    "  sleep 0.01; done; "
                    "sleep {}; "
                    "for k in $(seq 1 3000); do "
                    "  kill -STOP $pid; if ls '{}'/*.h5 >/dev/null 2>&1; then break; fi; "
                    "  kill -CONT $pid; sleep 0.005; done; "
                    "kill -9 $pid; wait $pid; exit $?",
                    RIPARIA_EXE, dir / "study.toml", dir / "out", staging, finished_before_kill,
                    staging, static_cast<double>(delay_ms) / 1000, staging);
    write_file(dir / "kill.sh", script + "\n");
    const int status = std::system(("bash '" + dir / "kill.sh" + "' >/dev/null 2>&1").c_str());
    INFO("kill script status " << status);
    REQUIRE_FALSE(fs::exists(dir.path() / "out")); // killed before it finished
    REQUIRE(fs::exists(staging));
    std::size_t finished = 0, checkpoints = 0;
    for (const auto& e : fs::directory_iterator(staging)) {
        finished += e.path().extension() == ".json" ? 1 : 0;
        checkpoints += e.path().extension() == ".h5" ? 1 : 0;
    }
    CHECK(finished >= 1);
    CHECK(finished < 16);
    CHECK(checkpoints >= 1);

    const auto resumed = run_riparia({"run", dir / "study.toml", "--out", dir / "out",
                                      "--checkpoint-years", "2", "--resume", "--quiet"});
    REQUIRE_MESSAGE(resumed.exit_code == 0, describe(resumed));
    CHECK(entries_of(dir.path() / "out") ==
          std::vector<std::string>{"layers.gpkg", "report.html", "results.nc", "run.json",
                                   "stress.csv", "stress.json", "stress.tif"});
    for (const char* v : kVariables) {
        INFO(v);
        CHECK(identical(read_netcdf_variable(dir / "full/results.nc", v),
                        read_netcdf_variable(dir / "out/results.nc", v)));
    }
    CHECK(riparia::test::leftovers_in(dir.path()).empty());
}

TEST_CASE("resume: --resume without an interrupted run, or with other inputs, exits 2") {
    ScratchDir dir("resume-bad");
    write_file(dir / "basin.toml", riparia::test::demo_basin_with_climatology());
    write_file(dir / "study.toml", generator_study(2, 2));
    const auto none = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--resume"});
    CHECK(none.exit_code == 2);
    CHECK(contains_fragment(none.err, "nothing to resume"));
    // An interrupted run's folder, then a changed study.
    fs::create_directories(dir.path() / ".out.partial/runs");
    write_file(dir / ".out.partial/runs/fingerprint", "0123456789abcdef\n");
    const auto other = run_riparia({"run", dir / "study.toml", "--out", dir / "out", "--resume"});
    CHECK(other.exit_code == 2);
    CHECK(contains_fragment(other.err, "the interrupted run was made from other inputs"));
}
