// A study with its basin and forcing, loaded and validated: what `run` and `check` share.
#pragma once

#include "io/basin_file.hpp"
#include "io/forcing_csv.hpp"
#include "io/study_file.hpp"
#include "model/simulation.hpp"

#include <memory>

namespace riparia::app {

struct LoadedStudy {
    io::StudyFile study;
    io::BasinFile basin;
    std::unique_ptr<io::CsvForcing> forcing;
    model::RunPeriod period;
};

// Throws io::InputError on any invalid input.
LoadedStudy load_study(const std::string& study_path);

} // namespace riparia::app
