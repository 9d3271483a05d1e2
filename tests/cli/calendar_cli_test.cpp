// `xueshe evaluate --format ics` as a process: the calendar file's exact
// bytes on stdout, or exit 2 with one error object naming the field.
#include <catch2/catch.hpp>

#include "cli_helpers.hpp"

namespace {

const std::string employed =
    R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"2000-01-01","party_member":false,"self_employed":false,"civil_servant":false,"employer_classified":false,"employer_has_league_org":true,"receiving_region":"other"})";


}  // namespace

TEST_CASE("evaluate --format ics prints the calendar file — CRLF throughout") {
  auto r = xueshe_run({"evaluate", "--format", "ics", "--today", "2022-07-01"}, employed);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  const std::string end = "END:VCALENDAR\r\n";
  REQUIRE(r.out.size() > end.size());
  CHECK(r.out.compare(r.out.size() - end.size(), end.size(), end) == 0);  // nothing after it
  for (std::size_t i = 0; i < r.out.size(); ++i)
    if (r.out[i] == '\n') REQUIRE((i > 0 && r.out[i - 1] == '\r'));
  CHECK(r.out.find("DTSTAMP:20220701T000000Z\r\n") != std::string::npos);
  CHECK(r.out.find("DTSTART;VALUE=DATE:20221031\r\n") != std::string::npos);
  CHECK(r.out.find("TRIGGER:-P7D\r\n") != std::string::npos);

  auto en = xueshe_run({"evaluate", "--format", "ics", "--today", "2022-07-01", "--lang", "en"}, employed);
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("SUMMARY;LANGUAGE=en:") != std::string::npos);
  // --pretty does not touch the file.
  CHECK(xueshe_run({"evaluate", "--format", "ics", "--pretty", "--today", "2022-07-01"}, employed).out == r.out);
}

TEST_CASE("no answer can be read back from a calendar file: members who differ only in who they are get the same bytes") {
  // The same route and deadlines; other birth dates, Party membership, league post and graduation dates.
  const std::string differs[] = {
      R"({"destination":"employed","graduation_date":"2022-07-08","birth_date":"1998-11-23","party_member":true,"self_employed":false,"civil_servant":false,"employer_classified":false,"employer_has_league_org":true,"receiving_region":"other"})",
      R"({"destination":"employed","graduation_date":"2022-06-15","birth_date":"1994-05-20","party_member":true,"holds_league_post":true,"self_employed":false,"civil_servant":false,"employer_classified":false,"employer_has_league_org":true,"receiving_region":"other"})"};
  auto base = xueshe_run({"evaluate", "--format", "ics", "--today", "2022-07-01"}, employed);
  REQUIRE(base.exit_code == 0);
  for (const std::string& answers : differs) {
    INFO(answers);
    auto other = xueshe_run({"evaluate", "--format", "ics", "--today", "2022-07-01"}, answers);
    REQUIRE(other.exit_code == 0);
    CHECK(other.out == base.out);
  }
  // None of those values is in the file, in either date form; the UIDs are the kinds and the policy.
  for (const char* value : {"2000-01-01", "20000101", "1998-11-23", "19981123", "1994-05-20", "19940520", "2022-06-30",
                            "20220630", "2022-07-08", "20220708", "2022-06-15", "20220615", "党员"})
    CHECK(base.out.find(value) == std::string::npos);
  CHECK(base.out.find("UID:apply_by-hxci-2022@xueshe\r\nDTSTAMP:") != std::string::npos);
  CHECK(base.out.find("UID:complete_by-hxci-2022@xueshe\r\n") != std::string::npos);
  CHECK(base.out.find("UID:all_complete_by-hxci-2022@xueshe\r\n") != std::string::npos);
}

TEST_CASE("evaluate --format json is unchanged by the calendar option") {
  auto plain = xueshe_run({"evaluate", "--today", "2022-07-01"}, employed);
  auto json = xueshe_run({"evaluate", "--format", "json", "--today", "2022-07-01"}, employed);
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out == json.out);
  CHECK(parse_out(plain)["status"] == "outcome");
}

TEST_CASE("evaluate --format ics: exit 2 with an error naming the field") {
  const std::vector<std::string> ics{"evaluate", "--format", "ics", "--today", "2022-07-01"};
  // A question is not an outcome: the field is the question still to answer.
  expect_error(xueshe_run(ics, R"({"destination":"employed","graduation_date":"2022-06-30"})"), "calendar_needs_outcome",
               "birth_date");
  expect_error(xueshe_run(ics, "{}"), "calendar_needs_outcome", "graduation_date");
  // 离团: an outcome without dates gives no calendar.
  expect_error(
      xueshe_run(ics, R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"1990-01-01","party_member":false,"holds_league_post":false})"),
      "calendar_no_deadlines", "deadlines");
  // Bad input: the same error as for json.
  expect_error(xueshe_run(ics, R"({"destination":"astronaut"})"), "unknown_value", "destination");
  expect_error(xueshe_run(ics, "{\"destination\":"), "malformed_json", "$");
  expect_error(xueshe_run({"evaluate", "--format", "ics", "--today", "2022-02-30"}, employed), "bad_today", "today");
  expect_error(xueshe_run({"evaluate", "--format", "pdf"}, employed), "bad_argument", "argv");
  // In the user's language.
  auto en = xueshe_run({"evaluate", "--format", "ics", "--lang", "en", "--today", "2022-07-01"}, "{}");
  auto zh = xueshe_run(ics, "{}");
  CHECK(parse_out(en)["error"]["message"] != parse_out(zh)["error"]["message"]);
}
