#include "app/run_pool.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <omp.h>

namespace riparia::app {

void run_from_queue(const RunContext& context, RunQueue& queue, int threads, std::size_t runs,
                    const std::function<void()>& between_runs) {
    const int workers = static_cast<int>(std::clamp<std::size_t>(runs, 1, std::max(1, threads)));
    std::exception_ptr failure;
    std::mutex failure_lock;
    const auto work = [&] {
        try {
            while (const auto index = queue.next()) {
                run_item(context, context.plan.items()[*index]);
                if (between_runs && omp_get_thread_num() == 0) between_runs();
            }
        } catch (...) {
            std::lock_guard guard(failure_lock);
            if (!failure) failure = std::current_exception();
            queue.cancel();
        }
    };
    if (workers == 1) {
        work();
    } else {
#pragma omp parallel num_threads(workers)
        work();
    }
    if (failure) std::rethrow_exception(failure);
}

} // namespace riparia::app
