// Issue 13 item 1: another cohort's notice, or one whose dates have all passed,
// gives the routing without its dates, said from the first screen it is known.
#include <catch2/catch.hpp>

#include "test_policies.hpp"
#include "xueshe/cohort_fit.hpp"
#include "xueshe/engine.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

json evaluate(const std::string& answers, const char* today, Lang lang = Lang::zh_CN) {
  Engine e(must_load(std::string(builtin_policy_text())));
  Result r = e.evaluate_json(answers, *parse_iso_date(today), lang);
  REQUIRE(r.ok);
  return r.body;
}

const char* kRetain2026 =
    R"({"destination":"unsettled","unsettled_choice":"retain_at_school","graduation_date":"2026-06-30",)"
    R"("birth_date":"2003-03-15","party_member":false})";

}  // namespace

TEST_CASE("cohort_misfit: the graduation year — then today against the policy's last date") {
  Policy p = must_load(std::string(builtin_policy_text()));
  Answers none;
  CHECK_FALSE(cohort_misfit(p, none, *parse_iso_date("2022-10-31")));
  CHECK(cohort_misfit(p, none, *parse_iso_date("2022-11-01")) == std::optional<std::string>("policy_passed"));
  Answers grad2023;
  grad2023.values["graduation_date"] = *parse_iso_date("2023-01-15");
  CHECK(cohort_misfit(p, grad2023, *parse_iso_date("2022-07-01")) == std::optional<std::string>("outside_cohort"));
  Answers grad2022;
  grad2022.values["graduation_date"] = *parse_iso_date("2022-06-30");
  CHECK_FALSE(cohort_misfit(p, grad2022, *parse_iso_date("2022-07-01")));
}

TEST_CASE("visiting on 2026-12-01 with the built-in 2022 notice: said at the first question — no date overdue") {
  json q = evaluate("{}", "2026-12-01");
  REQUIRE(q["status"] == "question");
  REQUIRE(q.contains("cohort_misfit"));
  CHECK(q["cohort_misfit"]["reason"] == "policy_passed");
  CHECK(q["cohort_misfit"]["text"].get<std::string>().find("今年的通知") != std::string::npos);

  json o = evaluate(kRetain2026, "2026-12-01");
  REQUIRE(o["status"] == "outcome");
  CHECK(o["route"] == "retain_at_school");
  CHECK(o["deadlines"].empty());
  CHECK(o["cohort_misfit"]["reason"] == "outside_cohort");
  const std::string all = o.dump();
  CHECK(all.find("已过") == std::string::npos);
  CHECK(all.find("overdue") == std::string::npos);
  // The retention step names no 2022-rule date; it points to this year's notice.
  bool pointed = false;
  for (const auto& s : o["steps"])
    if (s["text"].get<std::string>().find("今年通知所定的日期") != std::string::npos) pointed = true;
  CHECK(pointed);
}

TEST_CASE("a graduation date outside the cohort is said on the very next question") {
  json q = evaluate(R"({"destination":"employed","graduation_date":"2026-06-30"})", "2022-07-01", Lang::en);
  REQUIRE(q["status"] == "question");
  CHECK(q["question"]["id"] == "birth_date");
  REQUIRE(q.contains("cohort_misfit"));
  CHECK(q["cohort_misfit"]["reason"] == "outside_cohort");
  CHECK(q["cohort_misfit"]["text"].get<std::string>().find("class of 2022") != std::string::npos);
}

TEST_CASE("inside the cohort and before its last date: no notice — the dates stand") {
  json o = evaluate(
      R"({"destination":"unsettled","unsettled_choice":"retain_at_school","graduation_date":"2022-06-30",)"
      R"("birth_date":"2000-03-15","party_member":false})",
      "2022-07-01");
  CHECK_FALSE(o.contains("cohort_misfit"));
  CHECK_FALSE(o["deadlines"].empty());
}
