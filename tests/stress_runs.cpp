#include "tests/stress_runs.hpp"

#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

namespace riparia::test {

nlohmann::json stress_rows_on_one_and_two_threads(const std::string& dir,
                                                  const std::string& study) {
    for (const char* threads : {"1", "2"}) {
        const std::string out = dir + (threads[0] == '1' ? "/one" : "/two");
        const auto run = run_riparia({"run", study, "--out", out, "--threads", threads, "--quiet"});
        CHECK_MESSAGE(run.exit_code == 0, describe(run));
        if (run.exit_code != 0) return nlohmann::json::array();
    }
    CHECK(read_file(dir + "/one/stress.json") == read_file(dir + "/two/stress.json"));
    CHECK(read_file(dir + "/one/stress.csv") == read_file(dir + "/two/stress.csv"));
    return nlohmann::json::parse(read_file(dir + "/one/stress.json"))["rows"];
}

} // namespace riparia::test
