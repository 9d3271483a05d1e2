// Dates as members type them, through the CLI: every spelling gives the
// outcome YYYY-MM-DD gives, byte for byte; a misspelt date is told in words
// that name the question (its code and field stay the machine contract).
#include <catch2/catch.hpp>

#include "cli_helpers.hpp"
#include "support/date_spellings.hpp"

namespace {

// `answers` with every "{date}" replaced by `typed`.
std::string with_date(std::string answers, const std::string& typed) {
  const std::string mark = "{date}";
  for (std::size_t at; (at = answers.find(mark)) != std::string::npos;) answers.replace(at, mark.size(), typed);
  return answers;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("evaluate: each spelling of a date gives the outcome YYYY-MM-DD gives - byte for byte") {
  // Each date field, on a path where it moves the outcome: retention's end, the
  // new school's org, the departure, the age rule (28 in the graduation month).
  struct Path {
    const char* answers;
    const char* day;  // the date, YYYY-MM-DD
  };
  const std::vector<Path> paths = {
      {R"({"destination":"unsettled","unsettled_choice":"retain_at_school","graduation_date":"{date}","birth_date":"2000-01-01","party_member":false,"receiving_region":"other"})",
       "2022-07-15"},
      {R"({"destination":"further_study","study_level":"postgraduate","graduation_date":"2022-06-30","enrollment_date":"{date}","new_school_org_created":false,"birth_date":"2000-01-01","party_member":false,"receiving_region":"other"})",
       "2022-09-05"},
      {R"({"destination":"study_abroad","graduation_date":"2022-06-30","departure_date":"{date}","birth_date":"2000-01-01","party_member":false,"receiving_region":"other"})",
       "2022-07-10"},
      {R"({"destination":"military","graduation_date":"2022-07-31","birth_date":"{date}","party_member":false,"holds_league_post":false,"receiving_region":"other"})",
       "1994-07-15"},
  };
  for (const std::string lang : {"zh-CN", "en"})
    for (const Path& p : paths) {
      auto iso = xueshe_run({"evaluate", "--today", "2022-07-01", "--lang", lang}, with_date(p.answers, p.day));
      INFO(p.answers << " " << iso.out);
      REQUIRE(iso.exit_code == 0);
      CHECK(parse_out(iso)["status"] == "outcome");
      // The answered list shows the day as YYYY-MM-DD.
      CHECK(has(iso.out, std::string("\"value\":\"") + p.day + "\""));
      for (const std::string& typed : xueshe::testing::date_spellings(p.day)) {
        INFO(lang << " " << typed);
        auto r = xueshe_run({"evaluate", "--today", "2022-07-01", "--lang", lang}, with_date(p.answers, typed));
        CHECK(r.exit_code == 0);
        CHECK(r.out == iso.out);
      }
    }
}

TEST_CASE("evaluate: a misspelt date is told in words naming the question - code and field unchanged") {
  struct Case {
    const char* answers;
    const char* code;
    const char* field;
    const char* zh;  // in the zh-CN message
    const char* en;  // in the en message
  };
  const std::vector<Case> cases = {
      {R"({"destination":"military","graduation_date":"2022年6月"})", "invalid_date", "graduation_date",
       "看不懂毕业日期“2022年6月”这个日期", "We cannot read “2022年6月” as the graduation date"},
      {R"({"destination":"military","graduation_date":"2022/2/30"})", "invalid_date", "graduation_date",
       "2022年2月没有30日", "month 2 of 2022 has no day 30"},
      {R"({"destination":"further_study","enrollment_date":"2022.13.1"})", "invalid_date", "enrollment_date",
       "入学日期“2022.13.1”不对：没有13月", "there is no month 13"},
      {R"({"destination":"military","birth_date":"00/3/15"})", "invalid_date", "birth_date",
       "出生日期“00/3/15”的年份要写全四位", "needs the year in full"},
      {R"({"destination":"military","graduation_date":"9999年12月31日"})", "date_out_of_range", "graduation_date",
       "毕业日期“9999年12月31日”的年份不对：请填写 1900–2199 年之间的日期", "has a year outside 1900–2199"},
      {R"({"destination":"study_abroad","graduation_date":"2022/7/1","departure_date":"2022/6/30"})", "date_order",
       "departure_date", "出国（境）日期（2022-06-30）不能早于毕业日期（2022-07-01）",
       "The departure date (2022-06-30) cannot be before the graduation date (2022-07-01)"},
      {R"({"destination":"military","graduation_date":"2022/6/30","birth_date":"2022年7月1日"})", "date_order",
       "birth_date", "出生日期（2022-07-01）要早于毕业日期（2022-06-30）",
       "The date of birth (2022-07-01) must be before the graduation date (2022-06-30)"},
      {R"({"destination":"military","graduation_date":"2022/6/30","birth_date":"2012/1/1"})", "implausible_date",
       "birth_date", "出生日期（2012-01-01）和毕业日期（2022-06-30）对不上",
       "The date of birth (2012-01-01) and the graduation date (2022-06-30) do not fit together"},
  };
  for (const Case& c : cases)
    for (const std::string lang : {"zh-CN", "en"}) {
      INFO(c.answers << " " << lang);
      auto r = xueshe_run({"evaluate", "--today", "2022-07-01", "--lang", lang}, c.answers);
      expect_error(r, c.code, c.field);
      const std::string message = parse_out(r)["error"]["message"].get<std::string>();
      INFO(message);
      CHECK(has(message, lang == "en" ? c.en : c.zh));
      // Words a graduate reads: no field id, no error code.
      CHECK_FALSE(has(message, c.field));
      CHECK_FALSE(has(message, "_date"));
      CHECK_FALSE(has(message, c.code));
      // A date that could not be read comes with the spellings and an example.
      CHECK(has(message, "2022年6月30日") == (std::string(c.code) == "invalid_date"));
    }
}

TEST_CASE("ask: a date typed as people type it is taken - a misspelt one is asked again — in words") {
  // 2022年8月31日 as typed; 2000/2/30 refused, then 2000.3.15; 4 = unsettled; 1 = keep at school.
  auto r = xueshe_run({"ask", "--today", "2022-09-01"}, "2022年8月31日\n2000/2/30\n２０００．３．１５\n4\n1\n");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "出生日期“2000/2/30”不对：2000年2月没有30日，这个月只有 29 天。"));
  CHECK_FALSE(has(r.out, "没有这个选项"));
  CHECK(has(r.out, "2023-02-28"));  // six months from 2022-08-31, clamped: the date typed was read
  CHECK(has(r.out, "还有 180 天"));
}
