#include "app/mpi_session.hpp"

#include <cstdlib>
#include <mutex>
#include <stdexcept>

#ifdef RIPARIA_WITH_MPI
#include <mpi.h>
#endif

namespace riparia::app {

namespace {

MpiSession* g_session = nullptr;

// Open MPI's mpirun, and PMI/PMIx launchers (srun), say so in the environment.
bool under_launcher() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
        if (std::getenv(name)) return true;
    return false;
}

#ifdef RIPARIA_WITH_MPI
// The next run is the value of a counter on rank 0, incremented atomically by whoever asks.
class MpiQueue : public RunQueue {
  public:
    explicit MpiQueue(std::vector<std::size_t> runs) : runs_(std::move(runs)) {
        MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
        MPI_Win_allocate(rank_ == 0 ? sizeof(long) : 0, sizeof(long), MPI_INFO_NULL, MPI_COMM_WORLD,
                         &counter_, &window_);
        if (rank_ == 0) *counter_ = 0;
        MPI_Barrier(MPI_COMM_WORLD);
        MPI_Win_lock_all(0, window_);
    }
    ~MpiQueue() override {
        MPI_Win_unlock_all(window_);
        MPI_Barrier(MPI_COMM_WORLD);
        MPI_Win_free(&window_);
    }
    std::optional<std::size_t> next() override {
        if (cancelled_) return std::nullopt;
        std::lock_guard guard(lock_); // MPI_THREAD_SERIALIZED: one thread calls MPI at a time
        const long one = 1;
        long taken = 0;
        MPI_Fetch_and_op(&one, &taken, MPI_LONG, 0, 0, MPI_SUM, window_);
        MPI_Win_flush(0, window_);
        if (taken < 0 || static_cast<std::size_t>(taken) >= runs_.size()) return std::nullopt;
        return runs_[static_cast<std::size_t>(taken)];
    }

  private:
    std::vector<std::size_t> runs_;
    int rank_ = 0;
    long* counter_ = nullptr;
    MPI_Win window_;
    std::mutex lock_;
};
#endif

} // namespace

MpiSession& mpi() {
    if (!g_session) throw std::logic_error("MPI session not set");
    return *g_session;
}
void set_mpi(MpiSession* session) {
    g_session = session;
}

MpiSession::MpiSession([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
#ifdef RIPARIA_WITH_MPI
    if (!under_launcher()) return;
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
    active_ = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
#else
    (void)under_launcher;
#endif
}

MpiSession::~MpiSession() {
#ifdef RIPARIA_WITH_MPI
    if (active_) MPI_Finalize();
#endif
}

void MpiSession::barrier() const {
#ifdef RIPARIA_WITH_MPI
    if (active_) MPI_Barrier(MPI_COMM_WORLD);
#endif
}

std::string MpiSession::broadcast(const std::string& text) const {
#ifdef RIPARIA_WITH_MPI
    if (!active_) return text;
    unsigned long length = text.size();
    MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
    std::string out = rank_ == 0 ? text : std::string(length, '\0');
    MPI_Bcast(out.data(), static_cast<int>(length), MPI_CHAR, 0, MPI_COMM_WORLD);
    return out;
#else
    return text;
#endif
}

std::vector<std::size_t> MpiSession::broadcast(const std::vector<std::size_t>& values) const {
#ifdef RIPARIA_WITH_MPI
    if (!active_) return values;
    unsigned long length = values.size();
    MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
    std::vector<unsigned long> buffer(values.begin(), values.end());
    buffer.resize(length);
    MPI_Bcast(buffer.data(), static_cast<int>(length), MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
    return {buffer.begin(), buffer.end()};
#else
    return values;
#endif
}

bool MpiSession::any(bool failed) const {
#ifdef RIPARIA_WITH_MPI
    if (!active_) return failed;
    int mine = failed ? 1 : 0, all = 0;
    MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return all != 0;
#else
    return failed;
#endif
}

std::unique_ptr<RunQueue> MpiSession::shared_queue(const std::vector<std::size_t>& runs) const {
#ifdef RIPARIA_WITH_MPI
    if (active_) return std::make_unique<MpiQueue>(runs);
#endif
    return std::make_unique<ListQueue>(runs);
}

void MpiSession::abort(int code) const {
#ifdef RIPARIA_WITH_MPI
    if (active_) MPI_Abort(MPI_COMM_WORLD, code);
#endif
    std::exit(code);
}

} // namespace riparia::app
