// The ensemble part of a study: where the forcing comes from, and the scenarios, policies and
// members whose product (or an explicit list of scenario-policy combinations) a run covers.
#pragma once

#include "io/basin_file.hpp"
#include "io/study_file.hpp"
#include "model/management.hpp"
#include "model/scenario.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace riparia::io {

enum class ForcingKind { csv, generator, netcdf };

// A [forcing] table (of the study, a scenario or a member); the table stays in the study's root.
struct ForcingTable {
    ForcingKind kind = ForcingKind::csv;
    const toml::table* table = nullptr; // nullptr: the default (the basin's CSV files)
    std::string context;                // "[forcing]", "scenario 'rcp85' forcing", ...
};

struct ScenarioSpec {
    std::string name;
    std::string description;
    model::ClimateDelta climate;
    std::vector<model::DemandGrowth> demand_growth;
    std::map<std::string, double> population; // country -> people
    std::optional<ForcingTable> forcing;      // replaces the study's forcing
};

struct PolicySpec {
    std::string name;
    std::string description;
    model::Management management; // the basin's, edited by the policy
};

struct MemberSpec {
    std::string name;
    std::uint64_t seed = 0;
    std::optional<ForcingTable> forcing; // replaces the scenario's and the study's forcing
};

struct EnsembleSpec {
    bool declared = false; // the study has [ensemble], [[scenario]], [[policy]] or [[member]]
    ForcingTable forcing;
    std::vector<ScenarioSpec> scenarios; // at least one ("baseline" when none is declared)
    std::vector<PolicySpec> policies;    // at least one ("basin" when none is declared)
    std::vector<MemberSpec> members;     // at least one
    // (scenario, policy) pairs to run, each with every member; all pairs when not listed.
    std::vector<std::pair<int, int>> combinations;
    std::uint64_t seed = 1;
};

// The name of the policy `[ensemble] pristine = true` adds: no withdrawals and no reservoirs.
inline constexpr const char* kPristinePolicy = "pristine";

// Validates everything against the basin; throws InputError naming the file, line and key.
EnsembleSpec read_ensemble(const StudyFile& study, const BasinFile& basin);

} // namespace riparia::io
