// Share links (issue 15): the answers a link carries give the member's result
// again — same route, dates, steps, clauses, warnings — and never the birth date.
#include <catch2/catch.hpp>
#include <filesystem>

#include "test_policies.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/age_band.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/share.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

// A result with what may differ between the answers and the shared answers
// taken out: the answers summary (the age answer stands for the birth date) and
// the text of the warning that names the 28th birthday.
json comparable(json body) {
  body.erase("answered");
  if (body.contains("warnings"))
    for (json& w : body["warnings"])
      if (w["code"] == "age_limit_before_deadline") w["text"] = "(said with or without the birthday)";
  return body;
}

// The shared answers as JSON text, the way a link carries them.
std::string shared_text(const SharedAnswers& s) {
  json out = json::object();
  for (const auto& [field, value] : s.answers.values)
    if (auto* b = std::get_if<bool>(&value)) out[field] = *b;
    else out[field] = answer_token(value);
  return to_json_text(out);
}

// Shares `answers`, and checks the shared answers give the same result and hold no birth date.
SharedAnswers check_share(const Engine& engine, const Answers& answers, Date today, Lang lang) {
  const Result original = engine.evaluate(answers, today, lang);
  const SharedAnswers shared = share_answers(engine, answers, today);
  REQUIRE(shared.error.has_value() == !original.ok);
  if (!original.ok) return shared;
  const std::string text = shared_text(shared);
  INFO("original: " << to_json_text(original.body) << "\nshared: " << text);
  CHECK_FALSE(shared.answers.has("birth_date"));
  if (auto birth = answers.date("birth_date")) {
    CHECK(text.find(format_iso_date(*birth)) == std::string::npos);
    CHECK(text.find("birth") == std::string::npos);
  }
  const Result again = engine.evaluate(shared.answers, today, lang);
  REQUIRE(again.ok);
  if (shared.left_out.empty()) {
    CHECK(comparable(again.body) == comparable(original.body));
  } else {
    // An unfinished questionnaire whose birth date does not settle the age rule yet: asked again from there.
    CHECK(shared.left_out.front() == "birth_date");
    CHECK(original.body["status"] == "question");
    CHECK(again.body["question"]["id"] == "birth_date");
  }
  // The warning that named the birthday is still there, without it.
  if (original.body.contains("warnings") && answers.date("birth_date"))
    for (const json& w : original.body["warnings"])
      if (w["code"] == "age_limit_before_deadline") {
        const std::string birthday =
            format_iso_date(add_months_clamped(*answers.date("birth_date"), 12 * engine.policy().national.age_limit.value));
        CHECK(w["text"].get<std::string>().find(birthday) != std::string::npos);
        CHECK(shared.answers.choice(age_band::field) == std::string(age_band::before_deadline));
        int said = 0;
        for (const json& v : again.body["warnings"])
          if (v["code"] == "age_limit_before_deadline") {
            ++said;
            CHECK(v["text"].get<std::string>().find(birthday) == std::string::npos);
          }
        CHECK(said == 1);
      }
  return shared;
}

Policy scenario_policy(const json& s) {
  const std::string policy = s.value("policy", "hxci-2022");
  if (policy == "hxci-2022") return must_load(std::string(builtin_policy_text()));
  return must_load(read_text(std::string(XUESHE_SOURCE_DIR) + "/" + policy));
}

}  // namespace

TEST_CASE("every scenario shared: the same result — no birth date", "[share]") {
  int files = 0, banded = 0, outcomes = 0;
  std::map<std::string, int> bands;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(XUESHE_SOURCE_DIR) + "/tests/scenarios")) {
    const json s = json::parse(read_text(entry.path().string()));
    INFO(entry.path().filename().string());
    ++files;
    Engine engine(scenario_policy(s));
    const AnswersParse parsed = parse_answers(s["answers"].dump());
    if (parsed.error) {
      CHECK(s["expect"].contains("error"));
      continue;
    }
    const Date today = *parse_iso_date(s.value("today", "2022-07-01"));
    const SharedAnswers shared = check_share(engine, parsed.answers, today, language_or_default(s.value("lang", std::string("zh-CN"))));
    if (shared.error) continue;
    outcomes += s["expect"]["status"] == "outcome";
    if (auto band = shared.answers.choice(age_band::field)) {
      ++banded;
      ++bands[*band];
    }
  }
  CHECK(files > 150);
  CHECK(outcomes > 100);
  CHECK(banded > 100);
  // Each age answer is met: at the limit by graduation, turning it before a date that applies, under it.
  CHECK(bands[age_band::at_limit] >= 2);
  CHECK(bands[age_band::before_deadline] >= 1);
  CHECK(bands[age_band::under] > 50);
}

TEST_CASE("every path of every policy shared — with birth dates around the age limit — before and after the policy's dates", "[share]") {
  std::map<std::string, int> bands;
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const Policy& p = engine.policy();
    INFO(p.id);
    const date::year y{p.cohort};
    for (const Path& path : enumerate_paths(engine.flow(), sample_dates(p))) {
      Answers a;
      for (const Step& s : path.steps)
        if (!s.implied) a.values[s.field] = s.value;
      auto graduation = a.date("graduation_date");
      if (!a.has("birth_date") || !graduation) continue;
      // The 28th birthday before graduation, after it but before the notice's dates, and after them.
      for (int m : {-2, 2, 8}) {
        a.values["birth_date"] = add_months_clamped(*graduation, m - 12 * p.national.age_limit.value);
        for (Date today : {Date{y / 5 / 1}, Date{(y + date::years{2}) / 1 / 1}}) {
          const SharedAnswers shared = check_share(engine, a, today, m == 2 ? Lang::en : Lang::zh_CN);
          if (auto band = shared.answers.choice(age_band::field)) ++bands[*band];
        }
      }
    }
  }
  CHECK(bands[age_band::at_limit] > 50);
  CHECK(bands[age_band::before_deadline] > 50);
  CHECK(bands[age_band::under] > 50);
}

TEST_CASE("a share carries only the answers on the path — drops implied ones — and keeps Party membership", "[share]") {
  Engine engine(must_load(std::string(builtin_policy_text())));
  auto parsed = parse_answers(R"({"destination":"unsettled","graduation_date":"2022-06-30","birth_date":"2000-03-15",
    "party_member":true,"unsettled_choice":"retain_at_school","departure_date":"2022-09-01","study_level":"other"})");
  REQUIRE_FALSE(parsed.error);
  const SharedAnswers shared = check_share(engine, parsed.answers, Date{date::year{2022} / 7 / 1}, Lang::zh_CN);
  // In the questionnaire's order: the dates and the age rule first (issue 13), then the destination.
  CHECK(shared.order ==
        std::vector<std::string>{"graduation_date", "age_band", "party_member", "destination", "unsettled_choice"});
  CHECK(shared.answers.choice("age_band") == std::string("under_limit"));
  CHECK(shared.answers.flag("party_member") == true);  // its step (党员保留团籍) is part of the outcome
  CHECK_FALSE(shared.answers.has("departure_date"));
  CHECK(shared.left_out.empty());

  const Result r = share_json(engine, R"({"destination":"unsettled","graduation_date":"2022/6/30","birth_date":"2000年3月15日",
    "party_member":false,"unsettled_choice":"retain_at_school"})", Date{date::year{2022} / 7 / 1}, Lang::zh_CN);
  REQUIRE(r.ok);
  INFO(to_json_text(r.body));
  CHECK(r.body["answers"] == json{{"destination", "unsettled"}, {"graduation_date", "2022-06-30"}, {"age_band", "under_limit"},
                                  {"party_member", false}, {"unsettled_choice", "retain_at_school"}});
  CHECK(r.body["contains"][0] == json{{"id", "graduation_date"}, {"name", "毕业日期"}, {"label", "2022-06-30"}});
  CHECK(r.body["contains"][1] == json{{"id", "age_band"}, {"name", "年龄"}, {"label", "在仍适用的日期内都不满 28 周岁"}});
  CHECK(r.body["contains"][2] == json{{"id", "party_member"}, {"name", "是否中共党员"}, {"label", "否"}});
  CHECK(r.body["notes"].size() == 1);
  CHECK(to_json_text(r.body).find("2000") == std::string::npos);
}

TEST_CASE("an unfinished questionnaire: the age answer where it is settled — else the birth date and what follows left out", "[share]") {
  Engine engine(must_load(std::string(builtin_policy_text())));
  const Date today{date::year{2022} / 7 / 1};
  // 28 by the graduation month: settled, whatever comes after.
  auto old = parse_answers(R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"1994-06-20","party_member":false})");
  REQUIRE_FALSE(old.error);
  const SharedAnswers at_limit = check_share(engine, old.answers, today, Lang::zh_CN);
  CHECK(at_limit.answers.choice("age_band") == std::string("at_limit_by_graduation"));
  CHECK(at_limit.left_out.empty());
  // Under it: whether the 28th birthday comes before a date that applies depends on the outcome, not reached yet.
  auto young = parse_answers(R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"1994-09-20","party_member":false})");
  REQUIRE_FALSE(young.error);
  const SharedAnswers left = check_share(engine, young.answers, today, Lang::en);
  CHECK(left.left_out == std::vector<std::string>{"birth_date", "party_member", "destination"});
  CHECK(left.order == std::vector<std::string>{"graduation_date"});
  const Result r = share_json(engine, R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"1994-09-20","party_member":false})", today, Lang::en);
  REQUIRE(r.ok);
  CHECK(r.body["left_out"] == json::array({json{{"id", "birth_date"}, {"name", "date of birth"}},
                                           json{{"id", "party_member"}, {"name", "Party member"}},
                                           json{{"id", "destination"}, {"name", "destination"}}}));
  CHECK(r.body["notes"][0].get<std::string>().find("date of birth, Party member, destination") != std::string::npos);
}

TEST_CASE("age_band is validated like every answers field", "[share]") {
  Engine engine(must_load(std::string(builtin_policy_text())));
  const Date today{date::year{2022} / 7 / 1};
  const std::string base = R"({"destination":"unsettled","graduation_date":"2022-06-30","party_member":false,"unsettled_choice":"retain_at_school",)";
  auto error_of = [&](const std::string& rest, Lang lang) {
    Result r = engine.evaluate_json(base + rest + "}", today, lang);
    REQUIRE_FALSE(r.ok);
    return r.body["error"];
  };
  json e = error_of(R"("age_band":"28_or_over")", Lang::zh_CN);
  CHECK(e["code"] == "unknown_value");
  CHECK(e["field"] == "age_band");
  CHECK(e["message"].get<std::string>().find("under_limit") != std::string::npos);
  e = error_of(R"("age_band":true)", Lang::en);
  CHECK(e["code"] == "wrong_type");
  CHECK(e["field"] == "age_band");
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    e = error_of(R"("age_band":"under_limit","birth_date":"2000-03-15")", lang);
    CHECK(e["code"] == "both_given");
    CHECK(e["field"] == "age_band");
    const std::string text = e["message"];
    INFO(text);
    CHECK(text.find(lang == Lang::en ? "date of birth" : "出生日期") != std::string::npos);
    CHECK(text.find(lang == Lang::en ? "age" : "年龄") != std::string::npos);
    CHECK(text.find('{') == std::string::npos);
  }
  // Accepted in the birth date's place; the answers summary says it in words.
  Result ok = engine.evaluate_json(base + R"("age_band":"at_limit_by_graduation","holds_league_post":false})", today, Lang::en);
  REQUIRE(ok.ok);
  CHECK(ok.body["route"] == "age_out");
  CHECK(ok.body["answered"][1]["id"] == "age_band");
  CHECK(ok.body["answered"][1]["label"] == "28 or over by the graduation month");
}
