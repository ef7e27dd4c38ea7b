// study.toml: which basin, which period, how long a warm-up; the forcing, scenarios, policies and
// members are read from the same file by io/ensemble_file.hpp once the basin is loaded.
#pragma once

#include "model/calendar.hpp"

#include <cstdint>
#include <string>
#include <toml++/toml.h>

namespace riparia::io {

struct StudyFile {
    std::string path;
    std::string name;
    std::string basin_path; // resolved against the study file
    calendar::Date start, end;
    int warmup_days = 0; // simulated before `start`, not reported
    toml::table root;    // the whole file, for io/ensemble_file.hpp
};

StudyFile load_study_file(const std::string& path);

} // namespace riparia::io
