// Engine::evaluate_questions, the page's question module's evaluation: a
// question exactly as evaluate() gives it; an outcome, or a question with its
// options side by side, without them and marked for the outcome module, the
// rest of the result unchanged. (tests/wasm/parity.test.mjs checks the same on
// every path of every policy, in the module itself.)
#include <catch2/catch.hpp>

#include <string>

#include "test_policies.hpp"
#include "xueshe/engine.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

const Engine& engine() {
  static const Engine e(must_load(std::string(builtin_policy_text())));
  return e;
}

struct Both {
  json full, questions;
};

Both both(const std::string& answers) {
  const Date day = *parse_iso_date("2022-07-01");
  Result full = engine().evaluate_json(answers, day, Lang::zh_CN);
  Result questions = engine().evaluate_questions_json(answers, day, Lang::zh_CN);
  REQUIRE(full.ok == questions.ok);
  return {full.body, questions.body};
}

}  // namespace

TEST_CASE("evaluate_questions: a question is the same as evaluate gives it") {
  Both b = both("{}");
  CHECK(b.full["status"] == "question");
  CHECK(b.questions == b.full);
  CHECK_FALSE(b.questions.contains("needs_outcome_module"));
}

TEST_CASE("evaluate_questions: an outcome is left to the outcome module and the rest is unchanged") {
  const std::string answers =
      R"({"destination":"further_study","study_level":"other","enrollment_date":"2022-09-01",)"
      R"("new_school_org_created":true,"graduation_date":"2022-06-30","birth_date":"2000-03-15",)"
      R"("party_member":false,"receiving_region":"other"})";
  Both b = both(answers);
  REQUIRE(b.full["status"] == "outcome");
  CHECK(b.questions["status"] == "outcome");
  CHECK(b.questions["needs_outcome_module"] == true);
  for (const char* kept : {"answered", "policy", "today", "lang"}) CHECK(b.questions[kept] == b.full[kept]);
  for (const char* left : {"route", "receiving", "deadlines", "steps", "warnings", "clause_texts", "if_stuck"}) {
    CHECK(b.full.contains(left));
    CHECK_FALSE(b.questions.contains(left));
  }
}

TEST_CASE("evaluate_questions: options side by side are left to the outcome module") {
  const std::string answers =
      R"({"graduation_date":"2022-06-30","birth_date":"2000-01-01","party_member":false,"destination":"unsettled"})";
  Both b = both(answers);
  REQUIRE(b.full["status"] == "question");
  REQUIRE(b.full["question"].contains("compare"));
  CHECK(b.questions["needs_outcome_module"] == true);
  json question = b.full["question"];
  question.erase("compare");
  CHECK(b.questions["question"] == question);
}

TEST_CASE("evaluate_questions: an error is the same error") {
  Both b = both(R"({"destination":"astronaut"})");
  CHECK(b.questions == b.full);
  CHECK(b.full.contains("error"));
}
