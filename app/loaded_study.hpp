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

// Throws io::InputError on any invalid input.
LoadedStudy load_study(const std::string& study_path);

} // namespace riparia::app
