// The cohort's usual graduation date (issue 13 item 4): an optional cited key
// only a notice that states a date may set, read strictly by the loader, and
// offered by the graduation-date question as a one-tap answer only when set.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "xueshe/engine.hpp"
#include "test_policies.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

const std::string kFixture = "example-2025-usual-date";

// Bases beside the fixture (tests/policies/) first, then the shipped ones.
PolicyTexts fixture_folder() {
  return [](const std::string& id) -> std::optional<std::string> {
    std::string text = read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/policies/" + id + ".json");
    if (!text.empty()) return text;
    return policies_folder()(id);
  };
}

json fixture() { return json::parse(read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/policies/" + kFixture + ".json")); }

PolicyLoad load(const json& doc) { return load_policy(doc.dump(), fixture_folder()); }

Policy loaded(const json& doc) {
  auto r = load(doc);
  if (!r.policy) throw std::runtime_error("policy did not load: " + r.error->code + " at " + r.error->field);
  return *r.policy;
}

// Answers each question the engine asks from `answers` until it asks `field`;
// returns that question (null if it never does).
json question_for(const Engine& engine, const json& answers, const std::string& field, std::vector<json>& before) {
  json given = json::object();
  const Date today{date::year{2025}, date::month{6}, date::day{15}};
  for (int i = 0; i < 20; ++i) {
    Result r = engine.evaluate_json(given.dump(), today, Lang::zh_CN);
    REQUIRE(r.ok);
    if (r.body["status"] != "question") return nullptr;
    const json& q = r.body["question"];
    if (q["id"] == field) return q;
    before.push_back(q);
    REQUIRE(answers.contains(q["id"].get<std::string>()));
    given[q["id"].get<std::string>()] = answers[q["id"].get<std::string>()];
  }
  return nullptr;
}

const json kAnswers = {{"birth_date", "2000-03-15"}, {"party_member", false}, {"destination", "unsettled"},
                       {"unsettled_choice", "retain_at_school"}};

}  // namespace

TEST_CASE("usual_graduation_date: a cited date in the cohort's year, set by a school layer") {
  auto r = load(fixture());
  REQUIRE(r.policy);
  REQUIRE(r.policy->usual_graduation_date);
  CHECK(format_iso_date(r.policy->usual_graduation_date->value) == "2025-06-30");
  CHECK(r.policy->usual_graduation_date->clause == "4");
  CHECK(r.policy->cohort == 2025);  // inherited from the base
  // The built-in notice states no usual date, so it has none.
  CHECK_FALSE(must_load(std::string(builtin_policy_text())).usual_graduation_date);
}

TEST_CASE("usual_graduation_date: each bad value is a load error naming its JSON path, in both catalogs") {
  struct Bad {
    const char* what;
    json value;
    const char* code;
    const char* field;
  };
  const std::vector<Bad> bad = {
      {"not an object", "2025-06-30", "policy_wrong_type", "usual_graduation_date"},
      {"a number", {{"value", 20250630}, {"clause", "4"}}, "policy_wrong_type", "usual_graduation_date.value"},
      {"no such day", {{"value", "2025-02-30"}, {"clause", "4"}}, "policy_invalid_date", "usual_graduation_date.value"},
      {"not ISO", {{"value", "2025/6/30"}, {"clause", "4"}}, "policy_invalid_date", "usual_graduation_date.value"},
      {"unknown clause", {{"value", "2025-06-30"}, {"clause", "9"}}, "policy_unknown_clause", "usual_graduation_date.clause"},
      {"no clause", {{"value", "2025-06-30"}}, "policy_missing_key", "usual_graduation_date.clause"},
      {"an extra key", {{"value", "2025-06-30"}, {"clause", "4"}, {"label", "x"}}, "policy_unknown_key",
       "usual_graduation_date.label"},
      {"another year", {{"value", "2024-06-30"}, {"clause", "4"}}, "policy_date_outside_cohort",
       "usual_graduation_date.value"},
  };
  for (const Bad& b : bad) {
    INFO(b.what);
    json doc = fixture();
    doc["usual_graduation_date"] = b.value;
    auto r = load(doc);
    REQUIRE(r.error);
    CHECK_FALSE(r.policy);
    CHECK(r.error->code == b.code);
    CHECK(r.error->field == b.field);
    for (const Lang lang : {Lang::zh_CN, Lang::en}) {
      const std::string text = error_body(*r.error, lang)["error"]["message"].get<std::string>();
      INFO(text);
      CHECK(text.find(b.field) != std::string::npos);
      CHECK(text.find('{') == std::string::npos);
    }
  }
  // The date outside the cohort names the date and the cohort in words.
  json doc = fixture();
  doc["usual_graduation_date"]["value"] = "2024-06-30";
  auto r = load(doc);
  REQUIRE(r.error);
  CHECK(error_body(*r.error, Lang::en)["error"]["message"] ==
        "In the policy file, the date 2024-06-30 at “usual_graduation_date.value” is not in 2025: it must be a "
        "graduation date of the class of 2025.");
  CHECK(error_body(*r.error, Lang::zh_CN)["error"]["message"] ==
        "政策文件中“usual_graduation_date.value”的日期 2024-06-30 不在 2025 年：它必须是 2025 届的毕业日期。");
}

TEST_CASE("usual_graduation_date: without a cohort there is no year to check it against") {
  // The same school layer on the 2022 guide alone (a guide names no cohort).
  json doc = fixture();
  doc["extends"] = "zhtj-guide-2022";
  doc["ask_whom"] = {{"text", {{"zh-CN", "学院团委"}, {"en", "your college's league committee"}}}, {"clause", "4"}};
  auto r = load(doc);
  REQUIRE(r.error);
  CHECK(r.error->code == "policy_missing_key");
  CHECK(r.error->field == "cohort");
}

TEST_CASE("usual_graduation_date: only a school layer may set it") {
  json guide = json::parse(read_text(std::string(XUESHE_SOURCE_DIR) + "/policies/zhtj-guide-2022.json"));
  guide["usual_graduation_date"] = {{"value", "2025-06-30"}, {"clause", guide["clauses"][0]["id"]}};
  auto r = load(guide);
  REQUIRE(r.error);
  CHECK(r.error->code == "policy_unknown_key");
  CHECK(r.error->field == "usual_graduation_date");
}

TEST_CASE("the graduation-date question carries the usual date only when the policy sets one") {
  const Engine with(loaded(fixture()));
  std::vector<json> before;
  json q = question_for(with, kAnswers, "graduation_date", before);
  REQUIRE(q.is_object());
  REQUIRE(q.contains("suggested"));
  CHECK(q["suggested"]["value"] == "2025-06-30");
  CHECK(q["suggested"]["label"] == "2025-06-30（本届通常的毕业日期）");
  CHECK(q["suggested"]["clause"] == "4");
  CHECK(q["suggested"]["clause_text"]["title"] == "4 毕业离校");
  // No other question offers it.
  for (const json& b : before) CHECK_FALSE(b.contains("suggested"));
  // Answered with it, the walk moves on with that date recorded.
  json answers = kAnswers;
  answers["graduation_date"] = q["suggested"]["value"];
  Result next = with.evaluate_json(answers.dump(), Date{date::year{2025}, date::month{6}, date::day{15}}, Lang::en);
  REQUIRE(next.ok);
  CHECK_FALSE((next.body["status"] == "question" && next.body["question"]["id"] == "graduation_date"));
  bool recorded = false;
  for (const json& a : next.body["answered"]) recorded = recorded || (a["id"] == "graduation_date" && a["value"] == "2025-06-30");
  CHECK(recorded);

  // The same notice without the key, and the built-in one: no suggestion.
  json plain = fixture();
  plain.erase("usual_graduation_date");
  for (const Engine& without : {Engine(loaded(plain)), Engine(must_load(std::string(builtin_policy_text())))}) {
    std::vector<json> seen;
    json q2 = question_for(without, kAnswers, "graduation_date", seen);
    REQUIRE(q2.is_object());
    CHECK_FALSE(q2.contains("suggested"));
  }
}
