// How a front end runs pieces of work that share nothing they write: every
// one of `tasks`, at once or one after another, returning when all have
// finished. Core starts no thread of its own: the CLI gives each piece a
// thread, the page runs them in turn (or is given none, which is the same).
#pragma once
#include <functional>
#include <vector>

namespace xueshe {

using RunTasks = std::function<void(const std::vector<std::function<void()>>& tasks)>;

// `tasks` through `run_tasks`, or one after another where it is empty.
inline void run_all(const RunTasks& run_tasks, const std::vector<std::function<void()>>& tasks) {
  if (run_tasks) {
    run_tasks(tasks);
  } else {
    for (const auto& task : tasks) task();
  }
}

}  // namespace xueshe
