// riparia screen: the global screening of the TFDD basins (docs/stress.md).
#include "app/commands.hpp"
#include "app/screen_output.hpp"
#include "app/screen_validation.hpp"
#include "app/stopwatch.hpp"
#include "io/input_error.hpp"
#include "io/screen_layers.hpp"
#include "io/stress_config.hpp"
#include "io/unit_terrain.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace riparia::app {

namespace {

ScreenInputs read_inputs(const ScreenOptions& o, const model::StressConfig& c) {
    ScreenInputs in;
    in.basins = io::read_tfdd_basins(o.basins_path);
    std::set<std::string> codes;
    for (const auto& b : in.basins)
        codes.insert(b.code);
    const std::set<std::string> ignored(c.ignored_basin_codes.begin(), c.ignored_basin_codes.end());
    in.units = io::read_tfdd_register(o.register_path, codes);
    in.treaties = io::read_tfdd_treaties(o.treaties_path, codes, ignored);
    in.rbos = io::read_tfdd_rbos(o.rbo_path, codes, ignored);
    for (const auto& a : io::read_aquastat_countries(o.aquastat_path))
        in.dependency_pct[a.iso3] = a.dependency_ratio_pct;
    const std::string cache = o.cache_dir.empty() ? o.out_dir + "/.riparia-cache" : o.cache_dir;
    in.terrain = io::unit_terrain({o.basins_path, o.countries_path, o.dem_path, cache}, in.units);
    return in;
}

// Keeps the named scenarios, in the order given; InputError for a name the config lacks.
void select_scenarios(const ScreenOptions& o, model::StressConfig& c) {
    if (o.scenarios.empty()) return;
    std::vector<model::StressScenario> chosen;
    for (const auto& name : o.scenarios) {
        const auto it = std::find_if(c.scenarios.begin(), c.scenarios.end(),
                                     [&](const auto& s) { return s.name == name; });
        if (it == c.scenarios.end()) {
            std::string known;
            for (const auto& s : c.scenarios)
                known += (known.empty() ? "" : ", ") + s.name;
            throw io::InputError(fmt::format("--scenario: found '{}', expected one of the "
                                             "scenarios of {}: {}",
                                             name, o.config_path, known));
        }
        chosen.push_back(*it);
    }
    c.scenarios = chosen;
}

} // namespace

int screen_command(const ScreenOptions& o) {
    const auto start = Clock::now();
    model::StressConfig c =
        o.config_path.empty() ? model::StressConfig{} : io::read_stress_config(o.config_path);
    select_scenarios(o, c);
    if (o.members >= 0) c.members = o.members;
    const ScreenInputs in = read_inputs(o, c);
    const auto basins = prepare_basins(in);
    const auto rows = run_screen(basins, c, o.threads);
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec)
        throw io::InputError(
            fmt::format("{}: cannot create the folder: {}", o.out_dir, ec.message()));
    write_screen_csv(o.out_dir + "/stress.csv", basins, rows, c);
    write_screen_json(o.out_dir + "/stress.json", basins, rows, c);
    io::write_screen_layers(o.basins_path, o.out_dir + "/stress.json", o.out_dir + "/layers.gpkg",
                            o.out_dir + "/stress.tif");
    if (!o.validation_path.empty()) {
        std::set<std::string> codes;
        for (const auto& b : in.basins)
            codes.insert(b.code);
        const std::set<std::string> ignored(c.ignored_basin_codes.begin(),
                                            c.ignored_basin_codes.end());
        const auto events = io::read_tfdd_events(o.events_path, codes, ignored);
        write_atomically(o.validation_path,
                         validation_markdown(basins, rows, events, c, o.command_line));
    }
    const double seconds = seconds_since(start);
    if (!o.quiet) {
        print_screen_summary(basins, rows, c, 20);
        fmt::print("\n{} basins x {} scenarios x {} members in {:.2f} s; wrote {}/stress.csv, "
                   "{}/stress.json, {}/layers.gpkg and {}/stress.tif\n",
                   basins.size(), c.scenarios.size(), c.members, seconds, o.out_dir, o.out_dir,
                   o.out_dir, o.out_dir);
    }
    return 0;
}

} // namespace riparia::app
