#include <catch2/catch.hpp>
#include <set>

#include "test_policies.hpp"
#include "xueshe/answers.hpp"
#include "xueshe/flow.hpp"
#include "xueshe/flow_export.hpp"

using namespace xueshe;

namespace {

// At the node reached by `answers`, answering `field`=`value` leads to `next`
// (a node id).
std::string next_after(const Flow& flow, const std::string& answers_json) {
  auto parsed = parse_answers(answers_json);
  REQUIRE_FALSE(parsed.error.has_value());
  Walk w = walk(flow, parsed.answers);
  REQUIRE_FALSE(w.error.has_value());
  REQUIRE(w.at != nullptr);
  return w.at->id;
}

}  // namespace

TEST_CASE("no node of the flow is unreachable - for every policy") {
  for (const auto& text : policy_texts()) {
    Policy p = must_load(text);
    INFO(p.id);
    CHECK(unreachable_nodes(build_flow(p)).empty());
  }
}

// The personal answers every destination but delayed graduation starts with.
static std::string with(const std::string& rest, const char* birth = "2000-03-15") {
  return std::string(R"({"graduation_date":"2022-06-30","birth_date":")") + birth + R"(","party_member":false)" +
         (rest.empty() ? "" : "," + rest) + "}";
}

TEST_CASE("the 2022 flow reads like the notice") {
  Flow f = build_flow(must_load(std::string(builtin_policy_text())));
  // Age and Party first (issue 13): the graduation and birth dates, then the destination.
  CHECK(next_after(f, "{}") == "graduation_date");
  CHECK(next_after(f, R"({"graduation_date":"2022-06-30"})") == "birth_date");
  CHECK(next_after(f, R"({"graduation_date":"2022-06-30","birth_date":"2000-03-15"})") == "destination");
  CHECK(next_after(f, R"({"destination":"employed"})") == "graduation_date");
  // One question of the employer's type instead of the yes/no chain ...
  CHECK(next_after(f, with(R"("destination":"employed")")) == "employed.employer_type");
  CHECK(next_after(f, with(R"("destination":"employed","employer_type":"private_company")")) == "employed.has_org");
  CHECK(next_after(f, with(R"("destination":"employed","employer_type":"classified")")) ==
        "employed.classified.civil_servant");
  // ... and not knowing whether the employer has an org is an answer; the Youth Home is not asked.
  CHECK(next_after(f, with(R"("destination":"employed","employer_type":"private_company","employer_has_league_org":"unknown")")) ==
        "region.outcome.employer_org.unknown");
  CHECK(next_after(f, with(R"("destination":"employed","employer_type":"private_company","employer_has_league_org":false)")) ==
        "region.outcome.employer_township.youth_home_unknown");
  // SPEC §3's yes/no chain still leads where it did.
  CHECK(next_after(f, with(R"("destination":"employed","self_employed":true)")) == "employed.has_org");
  CHECK(next_after(f, with(R"("destination":"employed","self_employed":false)")) == "employed.classified");
  CHECK(next_after(f, with(R"("destination":"employed","self_employed":false,"employer_classified":true)")) ==
        "employed.classified.civil_servant");
  CHECK(next_after(f, with(R"("destination":"employed","self_employed":true,"employer_has_league_org":false,"youth_home_has_league_org":false)")) ==
        "region.outcome.employer_township");
  CHECK(next_after(f, with(R"("destination":"employed","self_employed":true,"employer_has_league_org":false,"youth_home_has_league_org":true)")) ==
        "region.outcome.employer_township.youth_home");
  CHECK(next_after(f, with(R"("destination":"employed","self_employed":true,"employer_has_league_org":true)")) ==
        "region.outcome.employer_org");
  CHECK(next_after(f, with(R"("destination":"military")")) == "outcome.military");
  CHECK(next_after(f, with(R"("destination":"unsettled")")) == "unsettled.choice");
  CHECK(next_after(f, with(R"("destination":"unsettled","unsettled_choice":"retain_at_school")")) ==
        "outcome.retain_at_school");
  CHECK(next_after(f, with(R"("destination":"further_study","study_level":"postgraduate","enrollment_date":"2022-09-01","new_school_org_created":"unknown")")) ==
        "region.outcome.new_school_org.org_unknown");
  CHECK(next_after(f, with(R"("destination":"work_abroad","abroad_kind":"private")")) ==
        "work_abroad.private.departure_date");
  // Delayed graduation transfers nothing now: named first, it needs nothing personal.
  CHECK(next_after(f, R"({"destination":"delayed_graduation","self_employed":true})") == "outcome.delayed_graduation");
  // graduation, birth, league post (at 28), destination, study level, enrollment, new school's org, region
  CHECK(max_questions_from(f, "graduation_date") == 8);
}

// How many answers a member gives to reach the outcome (issue 13: before this
// flow, 10 for a private firm without an org, 8 for an admitted master's
// student, 7/5 for the undecided unsettled, 5 for study abroad and for a 28-year-old).
TEST_CASE("answers to reach the outcome - the private firm in 6 or fewer") {
  Flow f = build_flow(must_load(std::string(builtin_policy_text())));
  auto answers_to_outcome = [&](const std::string& json) {
    auto parsed = parse_answers(json);
    REQUIRE_FALSE(parsed.error.has_value());
    Walk w = walk(f, parsed.answers);
    REQUIRE_FALSE(w.error.has_value());
    REQUIRE(w.at != nullptr);
    CHECK(w.at->is_outcome());
    int n = 0;
    for (const Step& s : w.steps) n += s.implied ? 0 : 1;
    return n;
  };
  const std::string dates = R"("graduation_date":"2022-06-30","birth_date":"2000-03-15",)";
  CHECK(answers_to_outcome("{" + dates + R"("destination":"employed","employer_type":"private_company","employer_has_league_org":false,"receiving_region":"other"})") == 6);
  CHECK(answers_to_outcome("{" + dates + R"("destination":"further_study","study_level":"postgraduate","enrollment_date":"2022-09-01","new_school_org_created":true,"receiving_region":"other"})") == 7);
  CHECK(answers_to_outcome("{" + dates + R"("destination":"unsettled","unsettled_choice":"transfer_to_community","community_basis":"hukou","receiving_region":"other"})") == 6);
  CHECK(answers_to_outcome("{" + dates + R"("destination":"unsettled","unsettled_choice":"retain_at_school"})") == 4);
  CHECK(answers_to_outcome("{" + dates + R"("destination":"study_abroad","departure_date":"2022-09-15"})") == 4);
  CHECK(answers_to_outcome(R"({"graduation_date":"2022-06-30","birth_date":"1994-01-01","holds_league_post":false,"party_member":false})") == 4);
}

TEST_CASE("the age rule: at 28 by the graduation month a member with no league post leaves the League") {
  Flow f = build_flow(must_load(std::string(builtin_policy_text())));
  const std::string military = R"("destination":"military")";
  CHECK(next_after(f, with(military, "1994-07-01")) == "outcome.military");          // 27 at graduation
  CHECK(next_after(f, with(military, "1994-06-30")) == "league_post");                // 28 on graduation day
  CHECK(next_after(f, with(military, "1994-06-15")) == "league_post");                // 28 before it
  CHECK(next_after(f, with(military + R"(,"holds_league_post":false)", "1994-06-30")) == "outcome.age_out");
  CHECK(next_after(f, with(military + R"(,"holds_league_post":true)", "1994-06-30")) == "outcome.military");
  // Counted at the graduation month: graduating 2022-06-10, born 1994-06-25, 28 later that month.
  CHECK(next_after(f, R"({"destination":"military","graduation_date":"2022-06-10","birth_date":"1994-06-25","party_member":false})") ==
        "league_post");
  // Born 29 February: 28 years on is again a leap year (28 is a multiple of 4),
  // so the 28th birthday is 29 February itself ...
  CHECK(next_after(f, R"({"destination":"military","graduation_date":"2024-02-28","birth_date":"1996-02-29","party_member":false})") ==
        "league_post");
  CHECK(next_after(f, R"({"destination":"military","graduation_date":"2024-01-31","birth_date":"1996-02-29","party_member":false})") ==
        "outcome.military");
  // ... except across a century year that is not leap: born 2072-02-29, the 28th
  // birthday falls in 2100, a common year, and is 28 February (clamped to the
  // last day of the month, as add_months_clamped does on purpose; not 1 March).
  // Age is counted at the graduation month (离团.毕业生), so graduating any day
  // of February 2100 the member is 28 by then; in January, 27.
  CHECK(next_after(f, R"({"destination":"military","graduation_date":"2100-02-01","birth_date":"2072-02-29","party_member":false})") ==
        "league_post");
  CHECK(next_after(f, R"({"destination":"military","graduation_date":"2100-01-31","birth_date":"2072-02-29","party_member":false})") ==
        "outcome.military");
}

TEST_CASE("a policy can take options away - what is left alone is implied - not asked") {
  Flow no_retention = build_flow(must_load(policy_texts()[2]));
  CHECK(next_after(no_retention, with(R"("destination":"unsettled")")) == "region.outcome.community_mobile_branch");
  auto parsed = parse_answers(with(R"("destination":"unsettled","unsettled_choice":"retain_at_school")"));
  Walk w = walk(no_retention, parsed.answers);
  REQUIRE(w.error.has_value());
  CHECK(w.error->code == "value_not_offered");
  CHECK(w.error->field == "unsettled_choice");

  Flow no_youth_home = build_flow(must_load(policy_texts()[1]));
  CHECK(no_youth_home.find("employed.youth_home") == nullptr);
  CHECK(next_after(no_youth_home, with(R"("destination":"employed","self_employed":true,"employer_has_league_org":false)")) ==
        "region.outcome.employer_township");
  CHECK(next_after(no_youth_home, with(R"("destination":"unsettled","unsettled_choice":"transfer_to_community")")) ==
        "unsettled.community_basis");
}

TEST_CASE("every path is enumerated once and ends in an outcome") {
  Policy p = must_load(std::string(builtin_policy_text()));
  Flow f = build_flow(p);
  auto paths = enumerate_paths(f, sample_dates(p));
  CHECK(paths.size() == 382);  // 321 before issue 13: one employer-type question (8 types), 不知道 answers
  std::set<std::string> outcomes;
  for (const auto& path : paths) {
    REQUIRE(path.outcome != nullptr);
    CHECK(path.outcome->is_outcome());
    outcomes.insert(path.outcome->id);
  }
  for (const Node& n : f.nodes)
    if (n.is_outcome()) CHECK(outcomes.count(n.id) == 1);
}
