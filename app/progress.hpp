// Progress of a long run on stderr: a bar on a terminal, plain lines otherwise; silent for runs
// shorter than a second and with --quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace riparia::app {

class Progress {
  public:
    Progress(bool quiet, std::string label);
    void update(std::int64_t done, std::int64_t total);
    void finish();

  private:
    using Clock = std::chrono::steady_clock;
    bool quiet_, terminal_;
    std::string label_;
    Clock::time_point start_, last_draw_;
    int last_decile_ = -1;
    bool drawn_ = false;
};

} // namespace riparia::app
