// Which run a worker thread takes next. Runs are handed out one at a time, so a slow run (a
// managed policy, a long member) does not hold up the others: dynamic load balancing within a
// process (ListQueue) and across MPI ranks (the queue MpiSession makes).
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

namespace riparia::app {

class RunQueue {
  public:
    virtual ~RunQueue() = default;
    // The plan index of the next run to do, or nothing when all are taken. Thread-safe.
    virtual std::optional<std::size_t> next() = 0;
    // Stop handing out runs (after a failure).
    void cancel() { cancelled_ = true; }

  protected:
    std::atomic<bool> cancelled_{false};
};

class ListQueue : public RunQueue {
  public:
    explicit ListQueue(std::vector<std::size_t> runs) : runs_(std::move(runs)) {}
    std::optional<std::size_t> next() override {
        if (cancelled_) return std::nullopt;
        const std::size_t k = position_.fetch_add(1);
        if (k >= runs_.size()) return std::nullopt;
        return runs_[k];
    }

  private:
    std::vector<std::size_t> runs_;
    std::atomic<std::size_t> position_{0};
};

} // namespace riparia::app
