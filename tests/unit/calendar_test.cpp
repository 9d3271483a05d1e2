// The calendar file: RFC 5545 content lines (escaping, CRLF, folding at 75
// octets without splitting a character), the events an outcome gives, UIDs
// that update rather than duplicate, and errors as values.
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "test_policies.hpp"
#include "xueshe/calendar.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/ics_text.hpp"
#include "xueshe/member_outcome.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/strict_json.hpp"
#include "xueshe/takeaway_error.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

// The physical lines of a file, each without its CRLF; fails the test on a bare CR or LF.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < ics.size()) {
    std::size_t end = ics.find("\r\n", begin);
    REQUIRE(end != std::string::npos);  // the last line ends in CRLF too
    std::string line = ics.substr(begin, end - begin);
    INFO(line);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
    out.push_back(line);
    begin = end + 2;
  }
  return out;
}

// RFC 5545 §3.1 unfolding: a CRLF followed by one space is removed.
std::vector<std::string> unfolded_lines(const std::string& ics) {
  std::vector<std::string> out;
  for (const std::string& line : physical_lines(ics)) {
    if (!line.empty() && line[0] == ' ')
      out.back() += line.substr(1);
    else
      out.push_back(line);
  }
  return out;
}

// Every physical line at most 75 octets and whole UTF-8; a line is only cut
// short of 75 octets to keep a character whole (at most 3 octets short).
// `one_line`: the text is a single content line, so every line after the first continues it.
void check_folding(const std::string& folded, bool one_line) {
  const auto lines = physical_lines(folded);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i << ": " << lines[i]);
    CHECK(lines[i].size() <= ics_max_line_octets);
    CHECK(is_valid_utf8(lines[i]));  // no character split across lines
    const bool continues = !lines[i].empty() && lines[i][0] == ' ';
    if (one_line) CHECK(continues == (i > 0));
    if (continues) CHECK(lines[i].size() >= 2);
    if (i + 1 < lines.size() && !lines[i + 1].empty() && lines[i + 1][0] == ' ')
      CHECK(lines[i].size() >= ics_max_line_octets - 3);
  }
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

Engine builtin_engine() { return Engine(must_load(std::string(builtin_policy_text()))); }

json evaluate(const Engine& e, const std::string& answers, const std::string& today, Lang lang = Lang::zh_CN) {
  Result r = e.evaluate_json(answers, *parse_iso_date(today), lang);
  REQUIRE(r.ok);
  return r.body;
}

// The member's typed outcome the file is made from (the engine must outlive it).
MemberOutcome member(const Engine& e, const std::string& answers, const std::string& today,
                     Lang lang = Lang::zh_CN) {
  AnswersParse parsed = parse_answers(answers);
  REQUIRE_FALSE(parsed.error);
  MemberEvaluation m = evaluate_member(e, parsed.answers, *parse_iso_date(today), lang);
  REQUIRE_FALSE(m.error);
  return *m.member;
}

CalendarFile must_build(const MemberOutcome& m) {
  CalendarBuild b = outcome_calendar(m);
  INFO((b.error ? b.error->code + " at " + b.error->field : ""));
  REQUIRE(b.file);
  REQUIRE_FALSE(b.error);
  return *b.file;
}

std::vector<std::string> values_of(const std::string& ics, const std::string& name_prefix) {
  std::vector<std::string> out;
  for (const auto& l : unfolded_lines(ics))
    if (l.rfind(name_prefix, 0) == 0) out.push_back(l.substr(l.find(':') + 1));
  return out;
}

const std::string retain =
    R"({"destination":"unsettled","graduation_date":"2022-08-31","birth_date":"2000-03-15","party_member":false,"unsettled_choice":"retain_at_school"})";
const std::string employed =
    R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"2000-01-01","party_member":false,"self_employed":false,"civil_servant":false,"employer_classified":false,"employer_has_league_org":true,"receiving_region":"other"})";

}  // namespace

TEST_CASE("TEXT escaping: backslash — semicolon — comma — line breaks - control characters dropped") {
  CHECK(ics_escape_text("a\\b;c,d") == "a\\\\b\\;c\\,d");
  CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics_escape_text(std::string("x\x01y\x7fz\tw", 8)) == "xyz\tw");
  CHECK(ics_escape_text("全角，；不转义：\"quotes\"") == "全角，；不转义：\"quotes\"");
  CHECK(ics_escape_text("") == "");
}

TEST_CASE("content lines: CRLF — folded at exactly 75 octets") {
  CHECK(ics_content_line("VERSION:2.0") == "VERSION:2.0\r\n");
  const std::string exactly75 = "SUMMARY:" + std::string(75 - 8, 'x');
  CHECK(ics_content_line(exactly75) == exactly75 + "\r\n");
  const std::string just76 = exactly75 + "y";
  CHECK(ics_content_line(just76) == exactly75 + "\r\n y\r\n");
  // 75 + 74 + 1 octets: the second line holds 74 octets after its space.
  const std::string long_ascii = "DESCRIPTION:" + std::string(75 + 74 + 1 - 12, 'a');
  const auto lines = physical_lines(ics_content_line(long_ascii));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1].size() == 75);
  CHECK(lines[2] == " a");
}

TEST_CASE("folding Chinese text and emoji never splits a character — and unfolding restores every byte") {
  const std::string chinese = "团组织关系转接：由原就读学校团组织或团员本人通过“智慧团建”系统申请";
  const std::string emoji = "📅🎓✅";  // 4, 4 and 3 octets
  for (int prefix = 0; prefix < 8; ++prefix) {  // every offset of the character boundaries
    for (const std::string& body : {repeat(chinese, 4), repeat(emoji, 30), repeat(chinese + emoji + "a", 5)}) {
      const std::string line = "DESCRIPTION:" + std::string(static_cast<std::size_t>(prefix), 'x') + body;
      const std::string folded = ics_content_line(line);
      INFO("prefix " << prefix);
      check_folding(folded, true);
      const auto unfolded = unfolded_lines(folded);
      REQUIRE(unfolded.size() == 1);
      CHECK(unfolded[0] == line);
    }
  }
}

TEST_CASE("an outcome's calendar: one all-day event per deadline — two alarms each — CRLF and folded") {
  const Engine e = builtin_engine();
  const json result = evaluate(e, employed, "2022-07-01");
  const CalendarFile f = must_build(member(e, employed, "2022-07-01"));
  CHECK(f.filename == "学社衔接提醒-hxci-2022-employer_org.ics");
  check_folding(f.ics, false);
  const auto lines = unfolded_lines(f.ics);
  REQUIRE(lines.size() > 10);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  for (const char* must : {"VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"})
    CHECK(std::count(lines.begin(), lines.end(), must) == 1);
  CHECK(values_of(f.ics, "X-WR-CALNAME:") ==
        std::vector<std::string>{"学社衔接提醒 · 哈尔滨信息工程学院 2022 届毕业生“学社衔接”工作通知"});

  const auto& deadlines = result["deadlines"];
  REQUIRE(deadlines.size() == 3);
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 3);
  CHECK(values_of(f.ics, "DTSTART;VALUE=DATE:") == std::vector<std::string>{"20220831", "20220831", "20221031"});
  CHECK(values_of(f.ics, "DTEND;VALUE=DATE:") == std::vector<std::string>{"20220901", "20220901", "20221101"});
  CHECK(values_of(f.ics, "DTSTAMP:") == std::vector<std::string>(3, "20220701T000000Z"));
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VALARM") == 6);
  CHECK(std::count(lines.begin(), lines.end(), "TRIGGER:-P7D") == 3);
  CHECK(std::count(lines.begin(), lines.end(), "TRIGGER:-P1D") == 3);
  CHECK(std::count(lines.begin(), lines.end(), "ACTION:DISPLAY") == 6);

  const std::string org = result["receiving"]["org"];
  const auto summaries = values_of(f.ics, "SUMMARY;LANGUAGE=zh-CN:");
  REQUIRE(summaries.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(summaries[i]);
    CHECK(summaries[i].find(deadlines[i]["label"].get<std::string>()) != std::string::npos);
    CHECK(summaries[i].find(ics_escape_text(org)) != std::string::npos);
  }
  const auto descriptions = values_of(f.ics, "DESCRIPTION;LANGUAGE=zh-CN:");
  REQUIRE(descriptions.size() == 3 + 6);  // each event's, each alarm's
  const std::string first = descriptions[0];
  for (const std::string& part :
       {ics_escape_text(org), std::string("三.2"), ics_escape_text(result["clause_texts"][1]["title"].get<std::string>()),
        ics_escape_text(deadlines[0]["what"].get<std::string>()), ics_escape_text(result["steps"][0]["text"].get<std::string>()),
        result["policy"]["hash"].get<std::string>(), std::string("hxci-2022"), std::string("2022-07-01")}) {
    INFO(part);
    CHECK(first.find(part) != std::string::npos);
  }
  CHECK(first.find("\\n") != std::string::npos);  // several lines, escaped
}

TEST_CASE("the file's own texts follow the language - the outcome's too") {
  const Engine e = builtin_engine();
  const CalendarFile f = must_build(member(e, retain, "2022-09-01", Lang::en));
  CHECK(f.filename == "xueshe-reminders-hxci-2022-retain_at_school.ics");
  CHECK(f.ics.find("SUMMARY;LANGUAGE=en:") != std::string::npos);
  CHECK(f.ics.find("X-WR-CALNAME:Xueshe reminders") != std::string::npos);
  CHECK(values_of(f.ics, "DTSTART;VALUE=DATE:") == std::vector<std::string>{"20230228"});
  const CalendarFile zh = must_build(member(e, retain, "2022-09-01", Lang::zh_CN));
  CHECK(zh.ics.find("SUMMARY;LANGUAGE=zh-CN:") != std::string::npos);
}

TEST_CASE("the bytes depend on the answers — the policy and the as-of date only") {
  const Engine e = builtin_engine();
  CHECK(must_build(member(e, employed, "2022-07-01")).ics == must_build(member(e, employed, "2022-07-01")).ics);
  const std::string a = must_build(member(e, employed, "2022-07-01")).ics;
  const std::string b = must_build(member(e, employed, "2022-09-15")).ics;
  CHECK(a != b);
  CHECK(values_of(b, "DTSTAMP:") == std::vector<std::string>(3, "20220915T000000Z"));
  CHECK(b.find("2022-09-15") != std::string::npos);
}

TEST_CASE("UIDs: the deadline kind and the policy — nothing of the member's - the same whatever the answers or as-of date") {
  const Engine e = builtin_engine();
  const auto uids = [&](const Engine& engine, const std::string& answers, const std::string& today) {
    return values_of(must_build(member(engine, answers, today)).ics, "UID:");
  };
  const auto base = uids(e, employed, "2022-07-01");
  CHECK(base == std::vector<std::string>{"apply_by-hxci-2022@xueshe", "complete_by-hxci-2022@xueshe",
                                         "all_complete_by-hxci-2022@xueshe"});
  // A later as-of date, or other answers with the same kinds of date: the same
  // UIDs, so importing the new file updates the member's events.
  CHECK(uids(e, employed, "2022-10-20") == base);
  std::string other_region = employed;
  other_region.replace(other_region.find("\"other\""), 7, "\"beijing\"");
  CHECK(uids(e, other_region, "2022-07-01") == base);
  std::string other_birth = employed;
  other_birth.replace(other_birth.find("2000-01-01"), 10, "1999-12-31");
  CHECK(uids(e, other_birth, "2022-07-01") == base);
  // Another route with another kind: that kind's UID.
  CHECK(uids(e, retain, "2022-09-01") == std::vector<std::string>{"retention_ends-hxci-2022@xueshe"});

  // The same answers under another policy (graduating in its cohort, whose dates
  // alone apply): other UIDs (a new notice's dates are new events).
  const Engine other(must_load(policy_texts()[1]));
  std::string in_2025 = employed;
  in_2025.replace(in_2025.find("2022-06-30"), 10, "2025-06-30");
  const auto other_uids = uids(other, in_2025, "2025-07-01");
  CHECK_FALSE(other_uids.empty());
  for (const auto& uid : other_uids) {
    INFO(uid);
    CHECK(uid.size() < 75);
    CHECK(std::find(base.begin(), base.end(), uid) == base.end());
    CHECK(uid.find("-" + other.policy().id + "@xueshe") != std::string::npos);
  }
}

TEST_CASE("the file says nothing of the member's own: the Party and league-post notes are left out of the steps") {
  const Engine e = builtin_engine();
  const std::string plain = must_build(member(e, employed, "2022-07-01")).ics;
  std::string party = employed;
  party.replace(party.find("\"party_member\":false"), 20, "\"party_member\":true");
  std::string post = party;  // 28 at graduation, holding a league post: still transfers
  post.replace(post.find("2000-01-01"), 10, "1994-05-20");
  post.insert(1, "\"holds_league_post\":true,");
  for (const auto& [answers, note] : {std::pair{party, "party.transfers"}, std::pair{post, "age.post_keeps"}}) {
    INFO(note);
    const json result = evaluate(e, answers, "2022-07-01");
    bool noted = false;
    for (const json& step : result["steps"]) noted = noted || step["id"] == note;
    REQUIRE(noted);  // the outcome itself tells the member
    CHECK(must_build(member(e, answers, "2022-07-01")).ics == plain);
  }
}

TEST_CASE("a kind dated twice in one outcome still gets unique UIDs") {
  const Engine e = builtin_engine();
  MemberOutcome m = member(e, retain, "2022-09-01");
  m.outcome->deadlines.push_back(m.outcome->deadlines[0]);
  m.outcome->deadlines.back().date = *parse_iso_date("2023-03-31");
  const auto uids = values_of(must_build(m).ics, "UID:");
  REQUIRE(uids.size() == 2);
  CHECK(uids[0] != uids[1]);
  CHECK(uids[1].rfind("retention_ends-2-", 0) == 0);
}

TEST_CASE("texts of the outcome are escaped in the file") {
  const Engine e = builtin_engine();
  MemberOutcome m = member(e, retain, "2022-09-01");
  m.outcome->org = "A,B;C\\D\nE <b>";
  const auto summaries = values_of(must_build(m).ics, "SUMMARY;LANGUAGE=zh-CN:");
  REQUIRE(summaries.size() == 1);
  CHECK(summaries[0].find("A\\,B\\;C\\\\D\\nE <b>") != std::string::npos);
}

TEST_CASE("calendar errors are values naming the field — in the user's language") {
  const Engine e = builtin_engine();
  const auto error_of = [&e](const std::string& answers) {
    CalendarBuild b = outcome_calendar(member(e, answers, "2022-07-01"));
    REQUIRE_FALSE(b.file);
    REQUIRE(b.error);
    return *b.error;
  };
  // A question: the file needs an outcome; the field is the question asked.
  Error q = error_of(R"({"destination":"employed","graduation_date":"2022-06-30"})");
  CHECK(q.code == "calendar_needs_outcome");
  CHECK(q.field == "birth_date");
  // 离团 (age_out): no dates, and a calendar needs at least one event.
  Error none = error_of(
      R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"1990-01-01","party_member":false,"holds_league_post":false})");
  CHECK(none.code == "calendar_no_deadlines");
  CHECK(none.field == "deadlines");
  // Answers the policy does not allow: the engine's own error, before any file.
  AnswersParse bad = parse_answers(R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"2030-01-01"})");
  REQUIRE_FALSE(bad.error);
  MemberEvaluation refused = evaluate_member(e, bad.answers, *parse_iso_date("2022-07-01"), Lang::zh_CN);
  REQUIRE(refused.error);
  CHECK_FALSE(refused.member);
  CHECK(error_body(*refused.error, Lang::zh_CN) ==
        e.evaluate(bad.answers, *parse_iso_date("2022-07-01"), Lang::zh_CN).body);

  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    for (const Error& err : {q, none}) {
      const json body = takeaway_error_body(err, lang);
      REQUIRE(body.size() == 1);
      CHECK(body["error"]["code"] == err.code);
      CHECK(body["error"]["field"] == err.field);
      const std::string text = body["error"]["message"];
      INFO(lang << ": " << text);
      CHECK(text.rfind("takeaway.", 0) != 0);  // a message, not the raw key
      CHECK(text.find('{') == std::string::npos);
    }
  }
  CHECK(takeaway_error_body(q, Lang::en)["error"]["message"].get<std::string>().find("birth_date") != std::string::npos);
  CHECK(takeaway_error_body(q, Lang::zh_CN)["error"]["message"] != takeaway_error_body(q, Lang::en)["error"]["message"]);
}
