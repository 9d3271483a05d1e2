// Issue 13 item 7, decided by core rather than the page: an application date
// that is also the day the transfer must be complete says "apply early", and
// the school-wide target says it is the school's, not the member's; every
// other date carries no note.
#include <catch2/catch.hpp>

#include <string>

#include "test_policies.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

json deadlines(const std::string& answers, Lang lang = Lang::zh_CN) {
  Engine e(must_load(std::string(builtin_policy_text())));
  Result r = e.evaluate_json(answers, *parse_iso_date("2022-07-01"), lang);
  REQUIRE(r.ok);
  return r.body["deadlines"];
}

const char* kBase = R"("graduation_date":"2022-06-30","birth_date":"2000-01-01","party_member":false,)";

}  // namespace

TEST_CASE("deadline notes: apply early where the application shares the completion date and the school target") {
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    const json d = deadlines(std::string("{") + kBase +
                                 R"("destination":"employed","self_employed":false,"employer_classified":false,)"
                                 R"("civil_servant":false,"employer_has_league_org":true,"receiving_region":"other"})",
                             lang);
    REQUIRE(d.size() == 3);
    CHECK(d[0]["kind"] == "apply_by");
    CHECK(d[1]["kind"] == "complete_by");
    CHECK(d[0]["date"] == d[1]["date"]);
    CHECK(d[0]["note"] == message(lang, "deadline.note.apply_early"));
    CHECK_FALSE(d[1].contains("note"));
    CHECK(d[2]["kind"] == "all_complete_by");
    CHECK(d[2]["note"] == message(lang, "deadline.note.school_target"));
  }
}

TEST_CASE("deadline notes: an application due before its completion date says nothing more") {
  // An admitted civil servant: apply by 8/31, complete by 10/1 (三.2④) — two different days.
  const json d = deadlines(std::string("{") + kBase +
                           R"("destination":"employed","self_employed":false,"employer_classified":false,)"
                           R"("civil_servant":true,"employer_has_league_org":true,"receiving_region":"other"})");
  bool saw_apply = false;
  for (const json& x : d) {
    if (x["kind"] == "apply_by") {
      saw_apply = true;
      CHECK_FALSE(x.contains("note"));
    }
  }
  CHECK(saw_apply);
}
