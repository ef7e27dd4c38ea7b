// Wall time of a command's phases (app/ only; model/ keeps its own for the phase timings).
#pragma once

#include <chrono>

namespace riparia::app {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace riparia::app
