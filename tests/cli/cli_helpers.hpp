// Running the real `xueshe` binary from the CLI tests.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

inline std::string source_path(const std::string& rel) { return std::string(XUESHE_SOURCE_DIR) + "/" + rel; }

inline xueshe::testing::ProcessResult xueshe_run(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), XUESHE_BINARY);
  return xueshe::testing::run_process(args, input);
}

inline nlohmann::json parse_out(const xueshe::testing::ProcessResult& r) {
  return nlohmann::json::parse(r.out, nullptr, false);
}
