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
};

// Throws io::InputError on any invalid input. members_limit > 0 keeps only the first members
// (a quick look at a large ensemble; their seeds are those of the full ensemble).
LoadedStudy load_study(const std::string& study_path, int members_limit = 0);

} // namespace riparia::app
