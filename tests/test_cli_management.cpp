// End-to-end tests of the management tables of basin.toml ([[reservoir]], [[demand]],
// [[environmental_flow]], [[agreement]]) through the real `riparia` executable. A valid managed
// study is generated in a scratch folder: UP (AAA) -> MID (AAA, a reservoir) -> DOWN (BBB, the
// outlet), an irrigation demand at UP returning to MID, an environmental flow at DOWN and a
// minimum-flow agreement at the AAA/BBB border. It checks and runs. Then each kind of bad
// management input is injected into it, one at a time: riparia must exit with code 2, name the
// file with line and column, the table and the key, say what is wrong, and leave no output folder
// and no staging folder behind.
#include "model/calendar.hpp"
#include "tests/cli_checks.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <functional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
namespace calendar = riparia::calendar;
using riparia::test::CommandResult;
using riparia::test::contains_fragment;
using riparia::test::describe;
using riparia::test::entries_of;
using riparia::test::Fragments;
using riparia::test::gr4j;
using riparia::test::leftovers_in;
using riparia::test::number;
using riparia::test::quoted;
using riparia::test::run_riparia;
using riparia::test::ScratchDir;
using riparia::test::TomlLines;

namespace {

// ---------------------------------------------------------------------------------------------
// Fixture text

std::string forcing_csv(const std::string& first, const std::string& last) {
    std::string text = "date,P,E\n";
    const auto d0 = calendar::day_number(*calendar::parse_iso_date(first));
    const auto d1 = calendar::day_number(*calendar::parse_iso_date(last));
    for (auto d = d0; d <= d1; ++d) {
        const auto k = static_cast<unsigned long>(d);
        const double season = std::sin(2 * 3.14159265358979 * static_cast<double>(d % 365) / 365.0);
        const double p = (k * 7919 % 100) < 35 ? 0.5 + static_cast<double>(k * 31 % 200) / 10 : 0.0;
        const double e = 2.0 + 1.5 * season;
        text += calendar::to_iso(calendar::date_of(d)) + "," + number(p) + "," + number(e) + "\n";
    }
    return text;
}

TomlLines subbasin(const std::string& id, const std::string& country, const std::string& area,
                   const std::string& downstream, const std::string& parameters) {
    TomlLines t{"[[subbasin]]",
                {{"id", quoted(id)},
                 {"name", quoted(id + " reach")},
                 {"country", quoted(country)},
                 {"area_km2", area},
                 {"lat", "45.0"},
                 {"lon", "6.0"}}};
    if (!downstream.empty()) t.set("downstream", quoted(downstream));
    t.set("forcing", quoted("forcing/" + id + ".csv"));
    t.set("gr4j", parameters);
    return t;
}

// A valid managed study, 2000-01-01 .. 2002-12-31 after 31 warm-up days.
struct ManagedStudy {
    TomlLines study{"[study]",
                    {{"name", quoted("Managed CLI end-to-end")},
                     {"basin", quoted("basin.toml")},
                     {"start", quoted("2000-01-01")},
                     {"end", quoted("2002-12-31")},
                     {"warmup_days", "31"}}};
    TomlLines basin{"[basin]", {{"name", quoted("Managed three sub-basins")}}};
    std::vector<TomlLines> subbasins = {
        subbasin("UP", "AAA", "300.0", "MID", gr4j("320.0", "0.4", "85.0", "1.6")),
        subbasin("MID", "AAA", "200.0", "DOWN", gr4j("250.0", "-0.3", "60.0", "1.2")),
        subbasin("DOWN", "BBB", "400.0", "", gr4j("400.0", "0.8", "110.0", "2.4")),
    };
    std::vector<TomlLines> reservoirs = {
        {"[[reservoir]]",
         {{"id", quoted("MID_dam")},
          {"name", quoted("Middle reach dam")},
          {"subbasin", quoted("MID")},
          {"capacity_hm3", "500.0"},
          {"dead_storage_hm3", "50.0"},
          {"initial_storage_hm3", "300.0"},
          {"max_release_m3s", "100.0"},
          {"area_km2", "30.0"},
          {"rule", "{ kind = \"monthly_target\", release_m3s = 10.0 }"}}},
    };
    // At UP, not at MID: a return may not pass a reservoir (docs/allocation.md), so a demand at
    // the reservoir's sub-basin could not return to DOWN. UP returns to MID, the reservoir's own
    // sub-basin, which is allowed (the return does not pass the dam).
    std::vector<TomlLines> demands = {
        {"[[demand]]",
         {{"id", quoted("UP_irrigation")},
          {"country", quoted("AAA")},
          {"subbasin", quoted("UP")},
          {"sector", quoted("irrigation")},
          {"annual_volume_hm3", "200.0"},
          {"monthly_profile",
           "[0.0, 0.0, 0.02, 0.08, 0.15, 0.22, 0.25, 0.18, 0.08, 0.02, 0.0, 0.0]"},
          {"consumptive_fraction", "0.6"},
          {"return_subbasin", quoted("MID")},
          {"priority", "2"}}},
    };
    std::vector<TomlLines> flows = {
        {"[[environmental_flow]]",
         {{"id", quoted("DOWN_eflow")},
          {"subbasin", quoted("DOWN")},
          {"flow_m3s", "2.0"},
          {"priority", "1"}}},
    };
    std::vector<TomlLines> agreements = {
        {"[[agreement]]",
         {{"id", quoted("border_min_flow")},
          {"name", quoted("Minimum flow at the border")},
          {"kind", quoted("min_flow")},
          {"countries", "[\"AAA\", \"BBB\"]"},
          {"at", quoted("MID")},
          {"flow_m3s", "5.0"},
          {"priority", "1"}}},
    };

    TomlLines& reservoir() { return reservoirs.at(0); }
    TomlLines& demand() { return demands.at(0); }
    TomlLines& flow() { return flows.at(0); }
    TomlLines& agreement() { return agreements.at(0); }

    // Every table of basin.toml in file order.
    std::vector<const TomlLines*> basin_tables() const {
        std::vector<const TomlLines*> tables = {&basin};
        for (const auto* list : {&subbasins, &reservoirs, &demands, &flows, &agreements}) {
            for (const auto& t : *list)
                tables.push_back(&t);
        }
        return tables;
    }
    std::string basin_text() const {
        std::string text;
        for (const auto* t : basin_tables())
            text += (text.empty() ? "" : "\n") + t->render();
        return text;
    }

    // 1-based line of `key` in `table` (or of its header when `key` is empty) in basin.toml.
    int line_in_basin(const TomlLines& table, const std::string& key) const {
        int line = 1;
        for (const auto* t : basin_tables()) {
            if (t != &table) {
                line += 1 + static_cast<int>(t->entries.size()) + 1; // header, entries, blank
                continue;
            }
            if (key.empty()) return line;
            for (std::size_t k = 0; k < t->entries.size(); ++k) {
                if (t->entries[k].first == key) return line + 1 + static_cast<int>(k);
            }
        }
        FAIL("fixture has no key '" << key << "' in the table " << table.header);
        return -1;
    }
    // "basin.toml:L:C:" where C is the column of the value of `key` (TomlTable::fail's place).
    std::string value_at(const TomlLines& table, const std::string& key) const {
        return "basin.toml:" + std::to_string(line_in_basin(table, key)) + ":" +
               std::to_string(key.size() + 4) + ":";
    }
    // "basin.toml:L:1:": the place of the key itself (unknown keys).
    std::string key_at(const TomlLines& table, const std::string& key) const {
        return "basin.toml:" + std::to_string(line_in_basin(table, key)) + ":1:";
    }
    // "basin.toml:L:<col>:": somewhere on the line of `key` (a value inside an inline table).
    std::string line_at(const TomlLines& table, const std::string& key) const {
        return "basin.toml:" + std::to_string(line_in_basin(table, key)) + ":<col>:";
    }

    // Writes study.toml, basin.toml and the forcing files into `dir`; returns the study path.
    std::string write(const fs::path& dir) const {
        riparia::test::write_file((dir / "study.toml").string(), study.render());
        riparia::test::write_file((dir / "basin.toml").string(), basin_text());
        const std::string csv = forcing_csv("1999-12-01", "2002-12-31");
        for (const char* id : {"UP", "MID", "DOWN"}) {
            riparia::test::write_file((dir / "forcing" / (std::string(id) + ".csv")).string(), csv);
        }
        return (dir / "study.toml").string();
    }
};

// ---------------------------------------------------------------------------------------------
// Checks

using BadInput = riparia::test::BadInput<ManagedStudy>;
void expect_all_refused(const std::vector<BadInput>& cases) {
    riparia::test::expect_all_refused(cases);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// A. The valid managed study

TEST_CASE("management: check and run accept the valid managed study") {
    ScratchDir dir("cli-management");
    const std::string study = ManagedStudy{}.write(dir.path());

    const CommandResult check = run_riparia({"check", study});
    {
        INFO("riparia check: " << describe(check));
        CHECK(check.exit_code == 0);
        CHECK(contains_fragment(check.out, ": ok"));
        CHECK(entries_of(dir.path()) ==
              std::vector<std::string>{"basin.toml", "forcing", "study.toml"});
    }

    const fs::path out = dir.path() / "out";
    const CommandResult run = run_riparia({"run", study, "--out", out.string(), "--quiet"});
    INFO("riparia run: " << describe(run));
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty()); // --quiet: no summary
    REQUIRE(fs::is_directory(out));
    CHECK(entries_of(out) == std::vector<std::string>{"layers.gpkg", "report.html", "results.nc",
                                                      "run.json", "stress.csv", "stress.json",
                                                      "stress.tif"});
    CHECK(leftovers_in(dir.path()).empty());
    const std::string record = riparia::test::read_file((out / "run.json").string());
    // run.json names the agreements and environmental flows with their yearly compliance.
    CHECK(contains_fragment(record, "\"management\""));
    CHECK(contains_fragment(record, "\"totals_hm3\""));
    for (const char* id : {"DOWN_eflow", "border_min_flow"}) {
        INFO("expected in run.json: " << std::string(id));
        CHECK(contains_fragment(record, id));
    }
}

// ---------------------------------------------------------------------------------------------
// B. Bad management inputs: exit 2, a message with place, table, key and problem, nothing written

TEST_CASE("management: bad reservoirs are refused") {
    expect_all_refused({
        {"reservoir at an unknown sub-basin, close to MID",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("subbasin", quoted("MDI"));
             return {s.value_at(s.reservoir(), "subbasin"), "reservoir 'MID_dam' key 'subbasin'",
                     "found 'MDI'", "expected the id of a sub-basin", "did you mean 'MID'"};
         }},
        {"reservoir at an unknown sub-basin, far from every id",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("subbasin", quoted("Zambezi"));
             return {s.value_at(s.reservoir(), "subbasin"), "reservoir 'MID_dam' key 'subbasin'",
                     "found 'Zambezi'", "expected the id of a sub-basin"};
         }},
        {"capacity below dead storage",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("capacity_hm3", "40.0");
             s.reservoir().set("initial_storage_hm3", "30.0");
             return {s.value_at(s.reservoir(), "capacity_hm3"),
                     "reservoir 'MID_dam' key 'capacity_hm3'", "found 40",
                     "below dead_storage_hm3 = 50", "capacity >= dead storage"};
         }},
        {"initial storage above capacity",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("initial_storage_hm3", "600.0");
             return {s.value_at(s.reservoir(), "initial_storage_hm3"),
                     "reservoir 'MID_dam' key 'initial_storage_hm3'", "found 600",
                     "above capacity_hm3 = 500", "storage <= capacity"};
         }},
        {"unknown key in [[reservoir]]",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().rename("capacity_hm3", "capacity_hm");
             return {s.key_at(s.reservoir(), "capacity_hm"), "reservoir 'MID_dam'",
                     "unknown key 'capacity_hm'", "did you mean 'capacity_hm3'"};
         }},
        {"two reservoirs at one sub-basin",
         [](ManagedStudy& s) -> Fragments {
             TomlLines second = s.reservoir();
             second.set("id", quoted("MID_weir"));
             s.reservoirs.push_back(second);
             return {s.value_at(s.reservoirs.at(1), "subbasin"),
                     "reservoir 'MID_weir' key 'subbasin'", "already has a reservoir",
                     "at most one"};
         }},
        {"rule kind 'monthly'",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("rule", "{ kind = \"monthly\", release_m3s = 10.0 }");
             return {s.line_at(s.reservoir(), "rule"), "reservoir 'MID_dam' rule key 'kind'",
                     "found 'monthly'", "expected 'monthly_target' or 'hanasaki'",
                     "did you mean 'monthly_target'"};
         }},
        {"rule kind 'hanasky' (a typo)",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("rule", "{ kind = \"hanasky\" }");
             return {s.line_at(s.reservoir(), "rule"), "reservoir 'MID_dam' rule key 'kind'",
                     "found 'hanasky'", "did you mean 'hanasaki'"};
         }},
        {"filling with an invalid start date",
         [](ManagedStudy& s) -> Fragments {
             s.reservoir().set("filling", "{ start = \"2000-13-01\", years = 2 }");
             return {s.line_at(s.reservoir(), "filling"), "reservoir 'MID_dam' filling key 'start'",
                     "found '2000-13-01'", "expected a date YYYY-MM-DD"};
         }},
    });
}

TEST_CASE("management: bad demands and environmental flows are refused") {
    expect_all_refused({
        {"monthly_profile of 11 values",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("monthly_profile",
                            "[0.0, 0.02, 0.08, 0.15, 0.22, 0.25, 0.18, 0.08, 0.02, 0.0, 0.0]");
             return {s.value_at(s.demand(), "monthly_profile"),
                     "demand 'UP_irrigation' key 'monthly_profile'", "array of 12 shares"};
         }},
        {"monthly_profile with a negative share",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set(
                 "monthly_profile",
                 "[0.0, 0.0, 0.02, 0.08, 0.15, 0.22, 0.35, 0.18, 0.08, 0.02, -0.1, 0.0]");
             return {s.value_at(s.demand(), "monthly_profile"),
                     "demand 'UP_irrigation' key 'monthly_profile'", "found -0.1",
                     "expected values >= 0"};
         }},
        {"monthly_profile not summing to 1",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("monthly_profile",
                            "[0.0, 0.0, 0.02, 0.08, 0.15, 0.22, 0.25, 0.18, 0.08, 0.02, 0.1, 0.0]");
             return {s.value_at(s.demand(), "monthly_profile"),
                     "demand 'UP_irrigation' key 'monthly_profile'", "sum to 1.1", "expected 1"};
         }},
        {"priority 0",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("priority", "0");
             return {s.value_at(s.demand(), "priority"), "demand 'UP_irrigation' key 'priority'",
                     "found 0", "expected an integer >= 1"};
         }},
        {"priority 1.5",
         [](ManagedStudy& s) -> Fragments {
             s.flow().set("priority", "1.5");
             return {s.value_at(s.flow(), "priority"),
                     "environmental_flow 'DOWN_eflow' key 'priority'", "found a number",
                     "expected an integer"};
         }},
        {"demand whose return passes the reservoir",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("return_subbasin", quoted("DOWN"));
             return {s.value_at(s.demand(), "return_subbasin"),
                     "demand 'UP_irrigation' key 'return_subbasin'",
                     "the return to 'DOWN' would pass the reservoir at 'MID'"};
         }},
        {"demand at the reservoir's sub-basin returning below it",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("subbasin", quoted("MID"));
             s.demand().set("return_subbasin", quoted("DOWN"));
             return {s.value_at(s.demand(), "return_subbasin"),
                     "demand 'UP_irrigation' key 'return_subbasin'",
                     "the return to 'DOWN' would pass the reservoir at 'MID'"};
         }},
        {"sector 'farming'",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("sector", quoted("farming"));
             return {s.value_at(s.demand(), "sector"), "demand 'UP_irrigation' key 'sector'",
                     "found 'farming'", "expected one of irrigation, domestic, industry"};
         }},
        {"sector 'irigation' (a typo)",
         [](ManagedStudy& s) -> Fragments {
             s.demand().set("sector", quoted("irigation"));
             return {s.value_at(s.demand(), "sector"), "demand 'UP_irrigation' key 'sector'",
                     "found 'irigation'", "did you mean 'irrigation'"};
         }},
        {"duplicate id across tables",
         [](ManagedStudy& s) -> Fragments {
             s.flow().set("id", quoted("MID_dam"));
             return {s.value_at(s.flow(), "id"), "environmental_flow 'MID_dam' key 'id'",
                     "'MID_dam' is already used by another reservoir, demand"};
         }},
    });
}

TEST_CASE("management: bad agreements are refused") {
    expect_all_refused({
        {"priority \"high\"",
         [](ManagedStudy& s) -> Fragments {
             s.agreement().set("priority", quoted("high"));
             return {s.value_at(s.agreement(), "priority"),
                     "agreement 'border_min_flow' key 'priority'", "found a string",
                     "expected an integer"};
         }},
        {"agreement at an unknown sub-basin",
         [](ManagedStudy& s) -> Fragments {
             s.agreement().set("at", quoted("MIDD"));
             return {s.value_at(s.agreement(), "at"), "agreement 'border_min_flow' key 'at'",
                     "found 'MIDD'", "expected the id of a sub-basin", "did you mean 'MID'"};
         }},
        {"agreement naming a country not in the basin",
         [](ManagedStudy& s) -> Fragments {
             s.agreement().set("countries", "[\"AAA\", \"CCC\"]");
             return {s.value_at(s.agreement(), "countries"),
                     "agreement 'border_min_flow' key 'countries'", "found 'CCC'",
                     "expected a country of this basin's sub-basins (AAA, BBB)"};
         }},
        {"share agreement with shares above 100 %",
         [](ManagedStudy& s) -> Fragments {
             s.agreement().set("kind", quoted("share"));
             s.agreement().erase("flow_m3s");
             s.agreement().set("reference", quoted("UP"));
             s.agreement().set("shares", "[0.6, 0.5]");
             return {s.value_at(s.agreement(), "shares"),
                     "agreement 'border_min_flow' key 'shares'", "sum to 110 %",
                     "expected at most 100 %"};
         }},
    });
}
