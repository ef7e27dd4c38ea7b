// Runs a study's runs on this process's threads: each thread takes the next run from the queue
// (OpenMP over runs, so members and policies run side by side). With one thread, or a single run,
// the threads go to the sub-basins of that run instead (GR4J is threaded inside simulate()).
#pragma once

#include "app/run_item.hpp"
#include "app/run_queue.hpp"

#include <functional>

namespace riparia::app {

// Rethrows the first failure (after the other threads stopped taking runs). `between_runs`, if
// set, is called by the first thread after each of its runs (it may write files).
void run_from_queue(const RunContext& context, RunQueue& queue, int threads, std::size_t runs,
                    const std::function<void()>& between_runs = {});

} // namespace riparia::app
