// study.toml: which basin, which period, how long a warm-up.
#pragma once

#include "model/calendar.hpp"

#include <cstdint>
#include <string>

namespace riparia::io {

struct StudyFile {
    std::string path;
    std::string name;
    std::string basin_path; // resolved against the study file
    calendar::Date start, end;
    int warmup_days = 0; // simulated before `start`, not reported
};

StudyFile load_study_file(const std::string& path);

} // namespace riparia::io
