#include "app/progress.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace riparia::app {

namespace {
constexpr double kQuietFirstSeconds = 1.0;
constexpr int kBarWidth = 30;
} // namespace

Progress::Progress(bool quiet, std::string label)
    : quiet_(quiet), terminal_(isatty(STDERR_FILENO) == 1), label_(std::move(label)),
      start_(Clock::now()), last_draw_(start_) {}

void Progress::update(std::int64_t done, std::int64_t total) {
    if (quiet_ || total <= 0) return;
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (elapsed < kQuietFirstSeconds) return;
    const double fraction = static_cast<double>(done) / static_cast<double>(total);
    if (terminal_) {
        if (now - last_draw_ < std::chrono::milliseconds(100) && done < total) return;
        last_draw_ = now;
        const int filled = static_cast<int>(fraction * kBarWidth);
        const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
        fmt::print(stderr, "\r{} [{}{}] {:3.0f}%  {}/{} days  ETA {:.0f} s ", label_,
                   std::string(filled, '#'), std::string(kBarWidth - filled, '-'), 100 * fraction,
                   done, total, eta);
        std::fflush(stderr);
        drawn_ = true;
        return;
    }
    const int decile = static_cast<int>(fraction * 10);
    if (decile == last_decile_) return;
    last_decile_ = decile;
    fmt::print(stderr, "{}: {:3d}% ({} of {} days, {:.1f} s)\n", label_, decile * 10, done, total,
               elapsed);
}

void Progress::finish() {
    if (drawn_) fmt::print(stderr, "\n");
    drawn_ = false;
}

} // namespace riparia::app
