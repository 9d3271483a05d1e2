// Dates as members type them (member_date.hpp): every spelling read as the
// same day, each refusal with its reason, and the error a member reads.
#include <catch2/catch.hpp>

#include <random>

#include "xueshe/answers.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/member_date.hpp"
#include "xueshe/messages.hpp"

using namespace xueshe;

namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

std::string text_of(const Error& e, Lang lang) {
  return error_body(e, lang)["error"]["message"].get<std::string>();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("member dates: every spelling people type reads as the same day") {
  for (const char* typed : {
           "2022-06-30", "2022-6-30", "2022/6/30", "2022/06/30", "2022.6.30", "2022.06.30",
           "2022年6月30日", "2022年06月30日", "2022年6月30号", "2022 年 6 月 30 日", "2022 / 6 / 30", " 2022-06-30 ",
           "20220630",
           "２０２２／６／３０", "２０２２－０６－３０", "２０２２．６．３０", "２０２２年６月３０日", "２０２２年６月３０号",
           "２０２２０６３０", "2022／6／30", "２０２２/6/30",
           "2022\xE3\x80\x80年\xE3\x80\x80" "6\xE3\x80\x80月\xE3\x80\x80" "30\xE3\x80\x80日",  // U+3000 between the parts
           "\xC2\xA0" "2022/6/30\t",                                                                   // U+00A0, a tab
       }) {
    INFO(typed);
    const MemberDate read = read_member_date(typed);
    CHECK(read.trouble == DateTrouble::none);
    CHECK(read.date == day("2022-06-30"));
    CHECK(parse_member_date(typed) == day("2022-06-30"));
  }
  CHECK(parse_member_date("2022/6/3") == day("2022-06-03"));
  CHECK(parse_member_date("2024年2月29日") == day("2024-02-29"));
  CHECK(parse_member_date("1900.1.1") == day("1900-01-01"));
  CHECK(parse_member_date("21991231") == day("2199-12-31"));
}

TEST_CASE("member dates: every day ISO accepts reads the same in each spelling") {
  int days = 0;
  for (date::sys_days d = date::sys_days{day("1900-01-01")}; d <= date::sys_days{day("2199-12-31")}; d += date::days{1}) {
    const Date ymd{d};
    const std::string iso = format_iso_date(ymd);
    const std::string y = iso.substr(0, 4), m = std::to_string(static_cast<unsigned>(ymd.month())),
                      dd = std::to_string(static_cast<unsigned>(ymd.day()));
    for (const std::string& typed : {iso, y + "/" + m + "/" + dd, y + "年" + m + "月" + dd + "日",
                                     iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2)}) {
      if (parse_member_date(typed) != ymd) FAIL(typed << " is not " << iso);
    }
    ++days;
  }
  CHECK(days == 109573);  // 300 years, 73 of them leap (2000 is, 1900 and 2100 are not)
}

TEST_CASE("member dates: anything else is refused — with the reason") {
  struct Refused {
    DateTrouble why;
    std::vector<std::string> typed;
  };
  const std::vector<Refused> cases = {
      {DateTrouble::unreadable,  // not a spelling of ours
       {"", "   ", "2022-08-31x", "x2022-08-31", "2022-6/30", "2022--6-30", "2022/6", "2022年6月", "2022年6月30",
        "2022年6月30日。", "6/30/2022", "30/6/2022", "2022-006-30", "2022-6-030", "02022-06-30", "2022 06 30",
        "20 22-06-30", "2022063", "202206301", "+2022-06-30", "2022-06-30T00:00", "二〇二二年六月三十日",
        "2022年6月30日日", "2022/6/30/", "2022年6-30日", "2022。6。30", "6/30/22", "2022\xE3\x80\x82", "\xFF\xFE",
        "2022-06-30\n1"}},
      {DateTrouble::short_year, {"22/6/30", "22-06-30", "22年6月30日", "２２．６．３０"}},
      {DateTrouble::no_such_month, {"2022-13-01", "2022/0/10", "20221301", "2022年13月1日", "２０２２／１３／１"}},
      {DateTrouble::no_such_day,
       {"2022-02-30", "2023-02-29", "2022/4/31", "2022-01-00", "2022年2月30日", "20220230", "2100/2/29",
        "２０２２．２．３０"}},
      {DateTrouble::out_of_range, {"9999-12-31", "1899/12/31", "2200年1月1日", "00010101", "0000-02-29"}},
  };
  for (const Refused& c : cases)
    for (const std::string& bad : c.typed) {
      INFO(bad);
      const MemberDate read = read_member_date(bad);
      CHECK_FALSE(read.date.has_value());
      CHECK(read.trouble == c.why);
    }
  // A policy is written carefully: it keeps the one strict spelling.
  for (const char* member_only : {"2022/6/30", "2022年6月30日", "20220630", "２０２２－０６－３０", "2022-6-30"})
    CHECK_FALSE(parse_iso_date(member_only).has_value());
}

TEST_CASE("member dates: the error keeps its code and field and says what was wrong") {
  const auto error = [](const char* typed) { return member_date_error(read_member_date(typed), "graduation_date", typed); };
  CHECK(error("看不懂").code == "invalid_date");
  CHECK(error("看不懂").detail.empty());
  CHECK(error("22/6/30").detail == "short_year");
  const Error month = error("2022-13-01");
  CHECK((month.code == "invalid_date" && month.detail == "no_such_month" && month.params.at("month") == "13"));
  const Error feb = error("2023年2月29日");
  CHECK((feb.code == "invalid_date" && feb.detail == "no_such_day"));
  CHECK(feb.params == std::map<std::string, std::string>{
                          {"got", "2023年2月29日"}, {"year", "2023"}, {"month", "2"}, {"day", "29"}, {"last", "28"}});
  const Error far = error("9999/12/31");
  CHECK(far.code == "date_out_of_range");
  CHECK(far.detail.empty());
  CHECK(far.params == year_range_params("9999/12/31"));
  for (const Error& e : {error("看不懂"), error("22/6/30"), month, feb, far}) CHECK(e.field == "graduation_date");
}

TEST_CASE("member dates: the message names the question — says what was wrong and shows the spellings") {
  const auto message_for = [](const char* typed, const std::string& field, Lang lang) {
    return text_of(member_date_error(read_member_date(typed), field, typed), lang);
  };
  const std::string feb = message_for("2022/2/30", "graduation_date", Lang::zh_CN);
  CHECK(has(feb, "毕业日期"));
  CHECK(has(feb, "2022年2月没有30日"));
  CHECK(has(feb, "2022年6月30日"));  // the spellings, with an example
  CHECK(has(message_for("2022-08-31x", "graduation_date", Lang::zh_CN), "看不懂毕业日期“2022-08-31x”"));
  CHECK(has(message_for("2022-13-01", "enrollment_date", Lang::zh_CN), "入学日期“2022-13-01”不对：没有13月"));
  CHECK(has(message_for("22/6/30", "birth_date", Lang::zh_CN), "出生日期“22/6/30”的年份要写全四位"));
  CHECK(has(message_for("9999-12-31", "departure_date", Lang::zh_CN), "出国（境）日期“9999-12-31”的年份不对"));
  CHECK(has(message_for("2022/2/30", "graduation_date", Lang::en), "The graduation date “2022/2/30” is not a date"));
  CHECK(has(message_for("2022/2/30", "graduation_date", Lang::en), "month 2 of 2022 has no day 30 (it has 28 days)"));
  CHECK(has(message_for("2022-08-31x", "birth_date", Lang::en), "as the date of birth"));
  // No field id, code or unfilled placeholder, in any language, for any date field and reason.
  for (const Field& f : answer_fields()) {
    if (f.kind != FieldKind::date) continue;
    for (const Lang lang : {Lang::zh_CN, Lang::en})
      for (const char* typed : {"x", "22/6/30", "2022-13-01", "2022-02-30", "9999-12-31"}) {
        const std::string text = message_for(typed, f.id, lang);
        INFO(f.id << " " << lang << ": " << text);
        CHECK(has(text, message(lang, std::string("field.") + f.id)));
        // The spellings, where the date was not read; a far year is only told the range.
        CHECK(has(text, "2022/6/30") == (std::string(typed) != "9999-12-31"));
        CHECK_FALSE(has(text, f.id));
        CHECK_FALSE(has(text, "_date"));
        CHECK_FALSE(has(text, "{"));
      }
  }
}

TEST_CASE("member dates: answers JSON reads every spelling and reports the normalised day") {
  for (const char* typed : {"2022-06-30", "2022/6/30", "2022年6月30日", "20220630", "２０２２／６／３０"}) {
    INFO(typed);
    AnswersParse parsed = parse_answers(std::string(R"({"graduation_date":")") + typed + "\"}");
    REQUIRE_FALSE(parsed.error);
    CHECK(parsed.answers.date("graduation_date") == day("2022-06-30"));
    CHECK(answer_token(parsed.answers.values.at("graduation_date")) == "2022-06-30");
  }
  AnswersParse bad = parse_answers(R"({"birth_date":"2000年2月30日"})");
  REQUIRE(bad.error);
  CHECK(bad.error->code == "invalid_date");
  CHECK(bad.error->field == "birth_date");
  CHECK(bad.error->detail == "no_such_day");
}

TEST_CASE("member dates: ten-character texts read the same through the quick path as through the general reader") {
  // A trailing space sends the same text through the general tokenizer (spaces are allowed between parts), so
  // each ten-character spelling is read both ways: the quick look at "2022-06-30" must change nothing.
  std::mt19937 rng(1203);
  const std::string alphabet = "0123456789-/.a 1902";
  for (int k = 0; k < 50000; ++k) {
    std::string text;
    for (int i = 0; i < 10; ++i) text += alphabet[rng() % alphabet.size()];
    if (k % 2 == 0) {  // half of them shaped as year-month-day, to reach every check of the quick path
      const char seps[] = "-/.x";
      text[4] = seps[rng() % 4];
      text[7] = rng() % 5 == 0 ? seps[rng() % 4] : text[4];
    }
    const MemberDate quick = read_member_date(text), general = read_member_date(text + " ");
    INFO("text <" << text << ">");
    CHECK(quick.date == general.date);
    CHECK(quick.trouble == general.trouble);
    CHECK(quick.year == general.year);
    CHECK(quick.month == general.month);
    CHECK(quick.day == general.day);
  }
}
