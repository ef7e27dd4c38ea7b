// A study with its basin, forcing choice, scenarios, policies and members, loaded and validated:
// what `run`, `check` and `merge` share.
#pragma once

#include "io/basin_file.hpp"
#include "io/ensemble_file.hpp"
#include "io/study_file.hpp"
#include "model/simulation.hpp"

namespace riparia::app {

struct LoadedStudy {
    io::StudyFile study;
    io::BasinFile basin;
    io::EnsembleSpec ensemble;
    model::RunPeriod period;
    // After riparia run --scenario/--policy (app/run_selection.hpp): whether the study's first
    // scenario (the baseline the others are compared with) and first policy (the as-is one the
    // others are compared with) are still the ensemble's first; a left-out one is compared with
    // nothing. The notes say so in run.json and on the terminal.
    bool baseline_scenario_selected = true;
    bool as_is_policy_selected = true;
    std::vector<std::string> selection_notes;
};

// Throws io::InputError on any invalid input. members_limit > 0 keeps only the first members
// (a quick look at a large ensemble; their seeds are those of the full ensemble).
LoadedStudy load_study(const std::string& study_path, int members_limit = 0);

} // namespace riparia::app
