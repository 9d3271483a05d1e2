// The CLI's way of running core's independent pieces of work (RunTasks,
// run_tasks.hpp: a roster's parts, a file's halves): the first on the calling
// thread, each other on a thread of its own.
#pragma once
#include <cstddef>

#include "xueshe/run_tasks.hpp"

namespace xueshe::cli {

// Every task at once, each on its own thread (`at_start` first thing on each
// new thread); returns when all have finished. Where a thread cannot be
// started, its task runs on the calling thread.
void run_on_threads(const std::vector<std::function<void()>>& tasks, const std::function<void()>& at_start = {});

// How many tasks this machine runs at once (at least 1).
std::size_t processors();

}  // namespace xueshe::cli
