// Run a program as a real process: bytes in on stdin, stdout and exit code out.
#pragma once
#include <string>
#include <vector>

namespace xueshe::testing {

struct ProcessResult {
  int exit_code = -1;  // -1: did not exit normally (signal)
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_bytes);

}  // namespace xueshe::testing
