// Exhaustive: every path through the flow, as `xueshe paths` prints it, ends in
// an outcome with a route and at least one clause, and with deadlines or a
// warning that says why there are none.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "cli_helpers.hpp"

namespace {

std::vector<nlohmann::json> paths_of(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"paths"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = xueshe_run(args);
  REQUIRE(r.exit_code == 0);
  std::vector<nlohmann::json> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    lines.push_back(j);
  }
  return lines;
}

// The properties every path of every policy has: an outcome with a route, each
// date and step cited, and dates or a warning saying why there are none.
std::set<std::string> check_paths(const std::vector<std::string>& setup) {
  auto lines = paths_of(setup);
  INFO(nlohmann::json(setup).dump());
  REQUIRE(lines.size() >= 15);
  std::set<std::string> routes;
  for (const auto& line : lines) {
    const auto& r = line["result"];
    INFO(line["answers"].dump());
    REQUIRE(r["status"] == "outcome");
    CHECK_FALSE(r["route"].get<std::string>().empty());
    CHECK(r["clauses"].size() >= 1);
    CHECK(r["steps"].size() >= 1);
    if (r["deadlines"].empty()) CHECK(r["warnings"].size() >= 1);
    for (const auto& d : r["deadlines"]) {
      CHECK_FALSE(d["clause"].get<std::string>().empty());
      bool cited = false;
      for (const auto& c : r["clauses"]) cited = cited || c == d["clause"];
      CHECK(cited);
    }
    for (const auto& s : r["steps"]) CHECK_FALSE(s["clause"].get<std::string>().empty());
    routes.insert(r["route"].get<std::string>());
  }
  return routes;
}

}  // namespace

TEST_CASE("every path of every shipped policy (guides — Guangdong — each notice) ends in a cited outcome") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("policies")))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 9);
  for (const std::string& file : files) {
    INFO(file);
    if (file.find("cn-league") != std::string::npos) continue;  // the national root: a base of every chain, no notice
    auto check = xueshe_run({"check-policy", file});
    CHECK(check.exit_code == 0);
    for (const char* lang : {"zh-CN", "en"}) check_paths({"--today", "2026-12-01", "--lang", lang, "--policy", file});
  }
}

TEST_CASE("every path ends in a cited outcome with dates or a reason for none") {
  const std::vector<std::vector<std::string>> setups = {
      {"--today", "2022-06-01"},
      {"--today", "2022-06-01", "--lang", "en"},
      {"--today", "2025-06-10", "--policy", source_path("tests/policies/example-2025-12m.json")},
      {"--today", "2024-06-10", "--policy", source_path("tests/policies/example-2024-0m.json")},
  };
  for (const auto& setup : setups) {
    const std::set<std::string> routes = check_paths(setup);
    // Every route of the notice is reached by some path (youth_home_org is an alternative only).
    for (const char* route : {"employer_org", "employer_township_org", "new_school_org", "special_unit_pool",
                              "community_mobile_branch", "overseas_study_branch", "dispatching_unit_org",
                              "hometown_township_org", "delayed_graduation_org"})
      CHECK(routes.count(route) == 1);
  }
}

TEST_CASE("the same answers always give the same bytes") {
  auto a = xueshe_run({"paths", "--today", "2022-06-01"});
  auto b = xueshe_run({"paths", "--today", "2022-06-01"});
  CHECK(a.out == b.out);
}
