// MPI when riparia is started by mpirun/srun (Open MPI from Debian): ranks share the runs of a
// study through a counter on rank 0 (MPI_Fetch_and_op, so any rank takes the next run as soon
// as it is free) and write into the same output folder; rank 0 assembles the files a single
// process writes. Without a launcher, or in a build without MPI, there is one rank.
#pragma once

#include "app/run_queue.hpp"

#include <memory>
#include <string>
#include <vector>

namespace riparia::app {

class MpiSession {
  public:
    MpiSession(int& argc, char**& argv); // initialises MPI only under a launcher
    ~MpiSession();
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }
    bool active() const { return active_; }

    void barrier() const;
    // Rank 0's value on every rank.
    std::string broadcast(const std::string& text) const;
    std::vector<std::size_t> broadcast(const std::vector<std::size_t>& values) const;
    // True on every rank if `failed` is true on any.
    bool any(bool failed) const;
    // A queue over `runs` shared by all ranks (a ListQueue with one rank).
    std::unique_ptr<RunQueue> shared_queue(const std::vector<std::size_t>& runs) const;
    [[noreturn]] void abort(int code) const;

  private:
    bool active_ = false;
    int rank_ = 0, size_ = 1;
};

// The one session of the process (set by main).
MpiSession& mpi();
void set_mpi(MpiSession* session);

} // namespace riparia::app
