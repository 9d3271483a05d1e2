// Running the real `xueshe` binary from the CLI tests.
#pragma once
#include <catch2/catch.hpp>
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

// Exit 2 with {"error": {code, message, field}}: the code and field expected, a
// message. `alone`: the error object is all there is (the application's bodies
// also list every field's error in "errors").
inline void expect_error(const xueshe::testing::ProcessResult& r, const std::string& code, const std::string& field,
                         bool alone = true) {
  INFO("stdout: " << r.out << " stderr: " << r.err);
  CHECK(r.exit_code == 2);
  auto j = parse_out(r);
  REQUIRE_FALSE(j.is_discarded());
  REQUIRE(j.contains("error"));
  if (alone) CHECK(j.size() == 1);
  CHECK(j["error"]["code"] == code);
  CHECK(j["error"]["field"] == field);
  CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
}
