// Runs one scenario file (tests/scenarios/*.json) against the CLI as a process
// and compares the structured outcome: route, alternatives, deadlines, clauses,
// warning codes. The wasm test runs the very same files (tests/wasm/).
// Usage: scenario_runner XUESHE_BINARY REPO_ROOT SCENARIO_FILE
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/process.hpp"

using nlohmann::json;

namespace {

int failures = 0;

void check(bool ok, const std::string& what, const json& expected, const json& actual) {
  if (ok) return;
  ++failures;
  std::cerr << "MISMATCH " << what << "\n  expected: " << expected.dump() << "\n  actual:   " << actual.dump() << "\n";
}

json project_deadlines(const json& actual, const json& expected) {
  // Keep, from each actual deadline, the keys the scenario states.
  json out = json::array();
  for (size_t i = 0; i < actual.size(); ++i) {
    json d = json::object();
    const json& keys = i < expected.size() ? expected[i] : json{{"kind", 0}, {"date", 0}, {"clause", 0}, {"days_left", 0}, {"state", 0}};
    for (auto it = keys.begin(); it != keys.end(); ++it)
      if (actual[i].contains(it.key())) d[it.key()] = actual[i][it.key()];
    out.push_back(d);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: scenario_runner XUESHE REPO_ROOT SCENARIO\n";
    return 2;
  }
  const std::string binary = argv[1], root = argv[2], file = argv[3];
  std::ifstream in(file);
  json s = json::parse(in, nullptr, false);
  if (s.is_discarded() || !s.is_object() || !s.contains("expect") || !s.contains("answers")) {
    std::cerr << "unreadable scenario " << file << "\n";
    return 1;
  }
  std::vector<std::string> args{binary, "evaluate"};
  if (s.contains("today")) args.insert(args.end(), {"--today", s["today"].get<std::string>()});
  if (s.contains("lang")) args.insert(args.end(), {"--lang", s["lang"].get<std::string>()});
  std::string policy = s.value("policy", "hxci-2022");
  if (policy != "hxci-2022") args.insert(args.end(), {"--policy", root + "/" + policy});

  auto r = xueshe::testing::run_process(args, s["answers"].dump());
  json actual = json::parse(r.out, nullptr, false);
  const json& expect = s["expect"];
  std::cerr << "scenario: " << s.value("name", file) << "\n";
  if (actual.is_discarded()) {
    std::cerr << "CLI printed no JSON (exit " << r.exit_code << "): " << r.out << r.err << "\n";
    return 1;
  }
  if (expect.contains("error")) {
    check(r.exit_code == 2, "exit code", 2, r.exit_code);
    check(actual.contains("error") && actual["error"]["code"] == expect["error"]["code"], "error.code", expect["error"], actual);
    check(actual.contains("error") && actual["error"]["field"] == expect["error"]["field"], "error.field", expect["error"], actual);
    return failures ? 1 : 0;
  }
  check(r.exit_code == 0, "exit code", 0, r.exit_code);
  check(actual.value("status", "") == expect["status"], "status", expect["status"], actual.value("status", ""));
  if (expect["status"] == "question") {
    json asked = actual.contains("question") ? actual["question"]["id"] : json();
    check(asked == expect["question"], "question", expect["question"], asked);
  } else if (!failures) {
    check(actual["route"] == expect["route"], "route", expect["route"], actual["route"]);
    if (expect.contains("alternatives"))
      check(actual["alternatives"] == expect["alternatives"], "alternatives", expect["alternatives"], actual["alternatives"]);
    if (expect.contains("deadlines")) {
      json got = project_deadlines(actual["deadlines"], expect["deadlines"]);
      check(got == expect["deadlines"], "deadlines", expect["deadlines"], got);
    }
    if (expect.contains("clauses"))
      check(actual["clauses"] == expect["clauses"], "clauses", expect["clauses"], actual["clauses"]);
    if (expect.contains("warnings")) {
      json codes = json::array();
      for (const auto& w : actual["warnings"]) codes.push_back(w["code"]);
      check(codes == expect["warnings"], "warnings", expect["warnings"], codes);
    }
  }
  if (!failures) std::cerr << "ok\n";
  return failures ? 1 : 0;
}
