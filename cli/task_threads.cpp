#include "task_threads.hpp"

#include <system_error>
#include <thread>

namespace xueshe::cli {

void run_on_threads(const std::vector<std::function<void()>>& tasks, const std::function<void()>& at_start) {
  std::vector<std::thread> threads;
  threads.reserve(tasks.size());
  for (std::size_t i = 1; i < tasks.size(); ++i) {
    try {
      threads.emplace_back([&at_start, &task = tasks[i]] {
        if (at_start) at_start();
        task();
      });
    } catch (const std::system_error&) {  // no thread to be had: the task runs here, after the first
      threads.emplace_back();
    }
  }
  if (!tasks.empty()) tasks.front()();
  for (std::size_t i = 0; i < threads.size(); ++i) {
    if (threads[i].joinable()) threads[i].join();
    else tasks[i + 1]();
  }
}

std::size_t processors() {
  const unsigned n = std::thread::hardware_concurrency();  // 0: not known
  return n == 0 ? 1 : n;
}

}  // namespace xueshe::cli
