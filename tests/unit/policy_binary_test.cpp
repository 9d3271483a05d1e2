// The compact form of a policy (policy_binary.hpp), which the page's
// first-load modules carry instead of the policy loader: read back, it is the
// same policy. Checked where it shows: every path of every policy's flow, in
// both languages on the last day the policy names, evaluates to the same JSON from the policy
// as loaded and from its compact form, questions and outcomes alike.
#include <catch2/catch.hpp>

#include <filesystem>

#include "test_policies.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/policy_binary.hpp"

using namespace xueshe;

namespace {

// The built-in policy, every shipped policy file and every test fixture that loads.
std::vector<std::string> every_policy_text() {
  std::vector<std::string> texts = policy_texts();
  for (const char* dir : {"/policies", "/tests/policies"})
    for (const auto& entry : std::filesystem::directory_iterator(std::string(XUESHE_SOURCE_DIR) + dir))
      if (entry.path().extension() == ".json") texts.push_back(read_text(entry.path().string()));
  return texts;
}

std::string all_paths(const Engine& engine, Date today, Lang lang) {
  std::string out;
  for (const auto& line : evaluate_all_paths(engine, today, lang)) out += line.dump() + "\n";
  return out;
}

}  // namespace

TEST_CASE("a policy read back from its compact form evaluates every path as the loaded one does") {
  int policies = 0, paths = 0;
  for (const auto& text : every_policy_text()) {
    auto load = load_policy(text, policies_folder());
    if (!load.policy) continue;  // a fixture that is meant not to load
    ++policies;
    const std::string bytes = policy_to_binary(*load.policy);
    auto back = policy_from_binary(bytes);
    INFO(load.policy->id);
    REQUIRE(back.has_value());
    CHECK(policy_to_binary(*back) == bytes);
    const Engine loaded(*load.policy), compact(*back);
    const Date day = load.policy->latest_date();
    for (Lang lang : {Lang::zh_CN, Lang::en}) {
      const std::string expected = all_paths(loaded, day, lang);
      CHECK(all_paths(compact, day, lang) == expected);
      paths += int(std::count(expected.begin(), expected.end(), '\n'));
    }
  }
  CHECK(policies >= 12);
  CHECK(paths > 1000);
}

TEST_CASE("compact bytes cut short, with bytes after them or with a wrong word are refused, never read") {
  const std::string bytes = policy_to_binary(must_load(std::string(builtin_policy_text())));
  REQUIRE(policy_from_binary(bytes).has_value());
  CHECK_FALSE(policy_from_binary("").has_value());
  CHECK_FALSE(policy_from_binary(bytes + "x").has_value());
  for (std::size_t n = 0; n < bytes.size(); n += 1 + n / 16) CHECK_FALSE(policy_from_binary(bytes.substr(0, n)).has_value());
  CHECK_FALSE(policy_from_binary(bytes.substr(0, bytes.size() - 1)).has_value());
  // A step's place is written as its name: an unknown one is refused.
  Policy one;
  one.notice_date = one.last_verified = one.national.last_verified = Date{date::year{2022}, date::month{5}, date::day{1}};
  one.routes["r"].steps.push_back(RouteStep{"s", StepWhere::offline, {}, "", "", "", ""});
  std::string wrong = policy_to_binary(one);
  REQUIRE(policy_from_binary(wrong).has_value());
  const auto at = wrong.find("offline");
  REQUIRE(at != std::string::npos);
  wrong.replace(at, 7, "offlinx");
  CHECK_FALSE(policy_from_binary(wrong).has_value());
}
