// report.html in headless Chromium (Debian package chromium): the page's scripts run without an
// error (they write "ok" into #report-status, window.onerror writes the errors there instead),
// the map has one <path data-unit=...> per basin-country unit of stress.json, and a screenshot
// is written.
#include "tests/report_study.hpp"
#include "tests/support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>

using namespace riparia::test;

namespace {

const char* kChromium = "/usr/bin/chromium";

// Runs Chromium headless on a local file with a fresh profile and no network services.
int chromium(const ScratchDir& dir, const std::string& arguments, const std::string& page,
             const std::string& stdout_path) {
    const std::string command =
        std::string(kChromium) +
        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
        " --disable-background-networking --disable-component-update --disable-sync"
        " --user-data-dir='" +
        (dir / "profile") + "' " + arguments + " 'file://" + page + "' >'" + stdout_path + "' 2>'" +
        (dir / "chromium.err") + "'";
    return std::system(("timeout 60 " + command).c_str());
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("report.html in headless chromium: no script error, one map shape per unit") {
    REQUIRE_MESSAGE(std::filesystem::exists(kChromium), "install the Debian package chromium");
    ScratchDir dir("report-chromium");
    const std::string out = run_report_study(dir);
    const std::string page = out + "/report.html";

    REQUIRE(chromium(dir, "--dump-dom --virtual-time-budget=5000", page, dir / "dom.html") == 0);
    const std::string dom = read_file(dir / "dom.html");
    INFO(read_file(dir / "chromium.err"));
    CHECK(dom.find("<div id=\"report-status\">ok</div>") != std::string::npos);
    const auto units = stress_units(out + "/stress.json");
    REQUIRE(!units.empty());
    CHECK(count(dom, "data-unit=\"") == units.size());
    for (const auto& unit : units)
        CHECK(count(dom, "data-unit=\"" + unit + "\"") == 1);

    const std::string shot = dir / "report.png";
    REQUIRE(chromium(dir, "--screenshot='" + shot + "' --window-size=1280,2000", page,
                     dir / "shot.out") == 0);
    REQUIRE(std::filesystem::exists(shot));
    CHECK(std::filesystem::file_size(shot) > 20000);
}
