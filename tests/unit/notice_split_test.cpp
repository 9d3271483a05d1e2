// The notice splitter and the candidate values, on every notice text we have
// (tests/notices/: the seed notice and the stored text of each notice in
// shared/sources/notices/, one file per stored copy) and on hostile input.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <tuple>

#include "test_policies.hpp"
#include "xueshe/notice_split.hpp"
#include "xueshe/notice_split_json.hpp"
#include "xueshe/notice_values.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

std::string notice(const std::string& name) {
  std::string text = read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/notices/" + name);
  REQUIRE_FALSE(text.empty());
  return text;
}

std::vector<std::string> ids(const NoticeSplit& s) {
  std::vector<std::string> out;
  for (const auto& c : s.clauses) out.push_back(c.id);
  return out;
}

const NoticeClause& clause(const NoticeSplit& s, const std::string& id) {
  for (const auto& c : s.clauses)
    if (c.id == id) return c;
  FAIL("no clause " << id);
  throw;
}

using Found = std::tuple<std::string, std::string, std::string, std::string>;  // kind, value, words, clause

std::vector<Found> found(const NoticeSplit& s) {
  std::vector<NoticeNote> notes;
  std::vector<Found> out;
  for (const NoticeValue& v : notice_values(s, notes)) {
    std::string value = v.value.is_string() ? v.value.get<std::string>()
                                            : std::to_string(v.value["value"].get<int>()) + " " +
                                                  v.value["unit"].get<std::string>();
    if (v.cap) value += " cap " + std::to_string((*v.cap)["value"].get<int>()) + " " + (*v.cap)["unit"].get<std::string>();
    out.emplace_back(v.kind, value, v.words, v.clause);
  }
  return out;
}

std::vector<std::string> note_codes(const std::vector<NoticeNote>& notes) {
  std::vector<std::string> out;
  for (const auto& n : notes) out.push_back(n.code + " " + n.clause);
  return out;
}

// The text without any space or line break.
std::string squeezed(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (text.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// Nothing is lost or made up: each clause's words (its title when it is a line
// of its own, then its text) are the notice's, in the notice's order, and all
// of them together are the whole notice but for the numbers and page numbers.
void check_keeps_every_word(const std::string& input, const NoticeSplit& s) {
  const std::string all = squeezed(input);
  std::size_t at = 0, kept = 0;
  for (const auto& c : s.clauses) {
    for (const std::string* part : {c.title_in_text ? nullptr : &c.title, &c.text}) {
      if (!part || part->empty()) continue;
      const std::string words = squeezed(*part);
      const std::size_t found = all.find(words, at);
      INFO(c.id << ": " << *part);
      REQUIRE(found != std::string::npos);
      at = found + words.size();
      kept += words.size();
    }
  }
  // A marker is at most 5 bytes of UTF-8 per level ("（十一）" is 12; 10 is generous for these notices).
  CHECK(all.size() - kept <= 10 * s.clauses.size() + 16);
}

}  // namespace

TEST_CASE("notice split: the seed notice's clauses are the built-in policy's — word for word") {
  const NoticeSplit s = split_notice(notice("00-hxci-2022.txt"));
  REQUIRE_FALSE(s.error);
  CHECK(ids(s) == std::vector<std::string>{"引言", "一", "二", "二.1", "二.2", "二.3", "二.4", "二.5", "二.6", "二.7",
                                           "二.8", "三", "三.1", "三.2", "三.2①", "三.2②", "三.2③", "三.2④", "三.3",
                                           "三.4", "三.5", "附件", "落款"});
  // Every clause of policies/hxci-2022.json, text for text (二.8's page break and
  // 三.3's "毕\n\n业" joined; 二.3's second paragraph kept in 二.3).
  const json policy = json::parse(read_text(std::string(XUESHE_SOURCE_DIR) + "/policies/hxci-2022.json"));
  for (const auto& c : policy["clauses"]) {
    INFO(c["id"]);
    CHECK(clause(s, c["id"].get<std::string>()).text == c["text"]["zh-CN"].get<std::string>());
  }
  CHECK(clause(s, "一").title == "“学社衔接”工作流程");
  CHECK(clause(s, "二.1").title == "已落实工作单位(含自主创业)的毕业生团员");
  CHECK(clause(s, "三.2").title == "时间节点安排");
  CHECK(clause(s, "落款").text == "共青团哈尔滨信息工程学院委员会\n二〇二二年五月十六日");
  // The second "2." and the "3." and "4." after it, renumbered in sequence.
  CHECK(note_codes(s.notes) == std::vector<std::string>{"renumbered 三.3", "renumbered 三.4", "renumbered 三.5"});
  CHECK(s.notes[0].params.at("written") == "2.");
  CHECK(s.year.year == 2022);
  CHECK(s.year.from == "signature");
  REQUIRE(s.year.date);
  CHECK(format_iso_date(*s.year.date) == "2022-05-16");
}

TEST_CASE("notice values: the seed notice's dates — periods and the 100% target — each under its clause") {
  const NoticeSplit s = split_notice(notice("00-hxci-2022.txt"));
  CHECK(found(s) == std::vector<Found>{
                        {"period", "1 months", "入学一个月内", "二.2"},
                        {"period", "6 months", "不超过6个月", "二.4"},
                        {"date", "2022-05-30", "5月30日前", "三.1"},
                        {"date", "2022-08-31", "即日起至8月31日", "三.2"},
                        {"date", "2022-10-31", "10月31日前", "三.2"},
                        {"date", "2022-05-30", "5月30日前", "三.2①"},
                        {"date", "2022-08-31", "2022年8月31日前", "三.2③"},
                        {"date", "2022-10-01", "2022年10月1日前", "三.2④"},
                        {"percent", "100 percent", "100%", "三.3"},
                        {"date", "2022-05-16", "二〇二二年五月十六日", "落款"},
                    });
  std::vector<NoticeNote> notes;
  const auto values = notice_values(s, notes);
  CHECK(values[3].bound == "until");
  CHECK(values[3].year == "notice");
  CHECK(values[3].opens == "2022-05-16");  // 即日起: from the notice's date, as the built-in policy's apply_by opens
  CHECK(values[4].opens.empty());
  CHECK(values[2].bound == "before");
  CHECK(values[6].year == "written");
  CHECK(notes.empty());
}

TEST_CASE("notice split: the national guide before May 2022 — both stored copies") {
  // Copy A: traditional characters, one line, a page number "-27-" glued to "1.".
  const NoticeSplit a = split_notice(notice("01-national-guide-pre2022-copy-a.txt"));
  CHECK(ids(a) == std::vector<std::string>{"1", "2", "3"});
  CHECK(found(a) == std::vector<Found>{{"period", "1 years", "一年內", "1"}, {"period", "1 months", "一個月內", "2"}});
  CHECK(a.year.year == 0);
  CHECK(a.notes.empty());
  const NoticeSplit b = split_notice(notice("01-national-guide-pre2022-copy-b.txt"));
  CHECK(ids(b) == std::vector<std::string>{"1", "2", "3", "4", "5", "6"});
  CHECK(clause(b, "4").title == "尚未落实就业去向的");
  CHECK(found(b).empty());
}

TEST_CASE("notice split: a Beijing university 2021 — dates in the year the notice names") {
  const NoticeSplit s = split_notice(notice("06-beijing-univ-2021.txt"));
  CHECK(ids(s) == std::vector<std::string>{"引言", "一", "一(一)", "一(二)", "一(三)", "一(四)"});
  CHECK(clause(s, "一(三)").title == "转接申请");
  CHECK(s.year.year == 2021);
  CHECK(s.year.from == "year");
  CHECK(found(s) == std::vector<Found>{
                        {"date", "2021-08-30", "8月30日前", "一(一)"},
                        {"date", "2021-07-15", "7月15日前", "一(二)"},
                        {"percent", "100 percent", "100%", "一(二)"},
                        {"date", "2021-08-31", "8月31日前", "一(三)"},
                        {"percent", "100 percent", "100%", "一(三)"},
                        {"date", "2021-09-30", "9月30日前", "一(三)"},
                        {"period", "1 months", "报到后的1个月内", "一(三)"},
                        {"percent", "100 percent", "100%", "一(三)"},
                    });
}

TEST_CASE("notice split: the May 2022 guide — ① inside a line after 注意: and after 。") {
  const NoticeSplit s = split_notice(notice("10-national-guide-2022rev.txt"));
  CHECK(ids(s) == std::vector<std::string>{"引言", "1", "2", "2(1)", "2(2)", "2(2)①", "2(2)②", "2(3)", "2(4)", "2(4)①",
                                           "2(4)②", "2(5)", "2(6)"});
  CHECK(clause(s, "2(1)").title == "升学");
  CHECK(found(s) == std::vector<Found>{{"period", "1 months", "入学后1个月内", "2(1)"},
                                       {"period", "6 months cap 1 years", "6个月,最长不超过1年", "2(4)②"}});
  // The shbk copy's fragment starts at ②: kept as written, with a note.
  const NoticeSplit shbk = split_notice(notice("10-national-guide-2022rev-shbk.txt"));
  CHECK(ids(shbk) == std::vector<std::string>{"②"});
  CHECK(note_codes(shbk.notes) == std::vector<std::string>{"starts_at ②"});
  CHECK(found(shbk) == std::vector<Found>{{"period", "6 months cap 1 years", "6个月,最长不超过1年", "②"}});
}

TEST_CASE("notice split: Luohu 2023 — the misprinted 2) as (2) — headings on their own lines") {
  const NoticeSplit s = split_notice(notice("11-shenzhen-luohu-2023.txt"));
  CHECK(ids(s) == std::vector<std::string>{"引言", "一", "一(1)", "一(2)", "一(3)", "一(4)", "一(5)", "二", "二(1)"});
  CHECK(clause(s, "一(2)").title == "离校时未落实就业去向的毕业生团员");
  CHECK(clause(s, "一(2)").text.rfind("团组织关系应转接至毕业后实际居住地", 0) == 0);
  CHECK(s.notes.empty());
  CHECK(found(s) == std::vector<Found>{{"period", "30 days", "开学后30个自然日内", "一(3)"},
                                       {"period", "5 years", "一般不超过5年", "一(4)"}});
}

TEST_CASE("notice split: Nankai 2024 — the year from 2024届 — a level that starts at 2.") {
  const NoticeSplit s = split_notice(notice("12-nankai-lifesci-2024.txt"));
  CHECK(ids(s) == std::vector<std::string>{"引言", "一", "二", "二(一)", "二(二)", "二(二)1", "二(二)2", "二(三)",
                                           "二(三)1", "二(三)2", "二(四)", "二(四)2"});
  CHECK(s.year.year == 2024);
  CHECK(s.year.from == "cohort");
  CHECK(note_codes(s.notes) == std::vector<std::string>{"starts_at 二(四)2"});
  CHECK(found(s) == std::vector<Found>{{"period", "6 months cap 1 years", "6个月,最长不超过 1 年", "二(三)2"},
                                       {"date", "2024-06-13", "6月13日前", "二(三)2"}});
}

TEST_CASE("notice split: SCUT 2025 — a whole part on one line") {
  const NoticeSplit s = split_notice(notice("16-scut-marxism-2025.txt"));
  CHECK(ids(s) == std::vector<std::string>{"一", "一.1", "一.2", "一.3", "一.3(1)", "一.3(2)", "一.3(3)", "二"});
  CHECK(clause(s, "一").title == "转出去向");
  CHECK(clause(s, "二").title == "转出方式");
  CHECK(clause(s, "一.1").title == "已落实工作单位(含自主创业)的毕业生团员");
  CHECK(found(s) == std::vector<Found>{{"period", "30 days", "开学后 30 个自然日内", "一.3(1)"}});
}

TEST_CASE("notice split: every notice's clause ids are distinct and every clause has words") {
  for (const char* name : {"00-hxci-2022.txt", "01-national-guide-pre2022-copy-a.txt", "01-national-guide-pre2022-copy-b.txt",
                           "06-beijing-univ-2021.txt", "10-national-guide-2022rev.txt", "10-national-guide-2022rev-shbk.txt",
                           "11-shenzhen-luohu-2023.txt", "12-nankai-lifesci-2024.txt", "16-scut-marxism-2025.txt"}) {
    INFO(name);
    const NoticeSplit s = split_notice(notice(name));
    REQUIRE_FALSE(s.error);
    const auto list = ids(s);
    CHECK(std::set<std::string>(list.begin(), list.end()).size() == list.size());
    check_keeps_every_word(notice(name), s);
    for (const auto& c : s.clauses) CHECK_FALSE((c.title.empty() && c.text.empty()));
  }
}

TEST_CASE("notice split: a number out of sequence inside a line is text — at a line start it is renumbered") {
  const NoticeSplit s = split_notice("一、要求\n1. 甲。3. 乙见第5.2条。\n1. 丙\n");
  CHECK(ids(s) == std::vector<std::string>{"一", "一.1", "一.2"});
  CHECK(clause(s, "一.1").text == "甲。3. 乙见第5.2条。");
  CHECK(note_codes(s.notes) == std::vector<std::string>{"renumbered 一.2"});
}

TEST_CASE("notice split: hostile input") {
  SECTION("invalid UTF-8: an error naming the line") {
    const NoticeSplit s = split_notice("一、总则\n二、\xff\xfe 其他\n");
    REQUIRE(s.error);
    CHECK(s.error->code == "notice_not_utf8");
    CHECK(s.error->field == "notice");
    CHECK(s.error->params.at("line") == "2");
  }
  SECTION("over 1 MB: refused whole, the limit named; exactly 1 MB is read") {
    std::string line = "1. 毕业生于8月31日前完成转接。\n";
    std::string text = "一、总则\n";
    while (text.size() + line.size() <= kNoticeMaxBytes) text += line;
    text.append(kNoticeMaxBytes - text.size(), ' ');
    REQUIRE(text.size() == kNoticeMaxBytes);
    const NoticeSplit ok = split_notice(text);
    REQUIRE_FALSE(ok.error);
    CHECK(ok.clauses.size() > 20000);
    const NoticeSplit over = split_notice(text + "x");
    REQUIRE(over.error);
    CHECK(over.error->code == "notice_too_large");
    CHECK(over.error->params.at("limit") == "1048576");
  }
  SECTION("empty or only spaces") {
    for (const char* text : {"", " \n\r\n\t　\n"}) {
      const NoticeSplit s = split_notice(text);
      REQUIRE(s.error);
      CHECK(s.error->code == "notice_empty");
    }
  }
  SECTION("no numbering at all: one clause, 全文, and a note") {
    const NoticeSplit s = split_notice("各位毕业生：请于2023年8月31日前在系统内提出申请。\n谢谢配合。");
    CHECK(ids(s) == std::vector<std::string>{"全文"});
    CHECK(clause(s, "全文").text == "各位毕业生：请于2023年8月31日前在系统内提出申请。谢谢配合。");
    CHECK(note_codes(s.notes) == std::vector<std::string>{"no_numbering 全文"});
    CHECK(found(s) == std::vector<Found>{{"date", "2023-08-31", "2023年8月31日前", "全文"}});
  }
  SECTION("only an annex and a signature: no 全文 without words") {
    const NoticeSplit s = split_notice("附件1. 名单\n共青团某某学院委员会\n2023年6月1日\n");
    CHECK(ids(s) == std::vector<std::string>{"附件", "落款"});
    CHECK(note_codes(s.notes) == std::vector<std::string>{"no_numbering "});
    CHECK(s.year.from == "signature");
  }
  SECTION("HTML is just text") {
    const NoticeSplit s = split_notice("<p>一、总则</p>\n<script>alert('x')</script><b>1. 8月31日前</b>");
    REQUIRE_FALSE(s.error);
    CHECK(ids(s) == std::vector<std::string>{"全文"});
    CHECK(clause(s, "全文").text == "<script>alert('x')</script><b>1. 8月31日前</b>");
    CHECK(clause(s, "全文").title == "<p>一、总则</p>");
  }
  SECTION("a BOM and CRLF or CR line ends read as LF") {
    const std::string lf = split_notice("一、总则\n1. 甲，\n乙。\n").clauses.at(1).text;
    CHECK(lf == "甲，乙。");
    CHECK(split_notice("\xEF\xBB\xBF一、总则\r\n1. 甲，\r\n乙。\r\n").clauses.at(1).text == lf);
    CHECK(split_notice("一、总则\r1. 甲，\r乙。\r").clauses.at(1).text == lf);
  }
}

TEST_CASE("notice values: a date that is not a day — a notice without a year — full-width digits") {
  std::vector<NoticeNote> notes;
  const NoticeSplit s = split_notice("一、时间\n1. ８月３１日前提出申请，2月30日前交表。\n");
  const auto values = notice_values(s, notes);
  REQUIRE(values.size() == 1);
  CHECK(values[0].value == "--08-31");
  CHECK(values[0].year == "none");
  CHECK(values[0].words == "８月３１日前");
  CHECK(note_codes(notes) == std::vector<std::string>{"no_year 一.1", "not_a_day 一.1"});
  CHECK(notes[1].params.at("words") == "2月30日前");
  // 29 February: a day in 2024, not in 2023.
  CHECK(found(split_notice("2024届\n一、2月29日前")) ==
        std::vector<Found>{{"date", "2024-02-29", "2月29日前", "一"}});
  std::vector<NoticeNote> notes2023;
  CHECK(notice_values(split_notice("2023届\n一、2月29日前"), notes2023).empty());
  CHECK(note_codes(notes2023) == std::vector<std::string>{"not_a_day 一"});
}

TEST_CASE("notice values: periods and percentages in their spellings — and what is not one") {
  auto kinds = [](const std::string& text) { return found(split_notice("一、" + text)); };
  CHECK(kinds("保留半年以内") == std::vector<Found>{{"period", "6 months", "半年以内", "一"}});
  CHECK(kinds("两周内完成") == std::vector<Found>{{"period", "14 days", "两周内", "一"}});
  CHECK(kinds("5个工作日内") == std::vector<Found>{{"period", "5 working_days", "5个工作日内", "一"}});
  CHECK(kinds("达到百分之九十五") == std::vector<Found>{{"percent", "95 percent", "百分之九十五", "一"}});
  CHECK(kinds("转接率100％") == std::vector<Found>{{"percent", "100 percent", "100％", "一"}});
  // A year, an age, a count and an ID are not periods.
  CHECK(kinds("2024年毕业，28周岁以下，每3年一次，组织ID:15606145").empty());
}

TEST_CASE("notice split as JSON: the body the CLI prints and the page shows — in either language") {
  const json zh = json::parse(notice_split_body(notice("00-hxci-2022.txt"), Lang::zh_CN).dump());
  REQUIRE(zh.contains("clauses"));
  CHECK(zh["clauses"][3] == json{{"id", "二.1"}, {"title", "已落实工作单位(含自主创业)的毕业生团员"},
                                 {"text", clause(split_notice(notice("00-hxci-2022.txt")), "二.1").text}});
  CHECK(zh["values"][3] == json{{"kind", "date"}, {"value", "2022-08-31"}, {"words", "即日起至8月31日"},
                                {"clause", "三.2"}, {"bound", "until"}, {"year", "notice"}, {"opens", "2022-05-16"}});
  CHECK(zh["values"][0] == json{{"kind", "period"}, {"value", {{"value", 1}, {"unit", "months"}}},
                                {"words", "入学一个月内"}, {"clause", "二.2"}});
  CHECK(zh["notice"] == json{{"year", 2022}, {"year_from", "signature"}, {"date", "2022-05-16"}});
  REQUIRE(zh["notes"].size() == 3);
  CHECK(zh["notes"][0]["code"] == "renumbered");
  CHECK(zh["notes"][0]["message"].get<std::string>().find("三.3") != std::string::npos);
  const json en = json::parse(notice_split_body(notice("00-hxci-2022.txt"), Lang::en).dump());
  CHECK(en["clauses"] == zh["clauses"]);
  CHECK(en["values"] == zh["values"]);
  CHECK(en["notes"][0]["message"] != zh["notes"][0]["message"]);
  const json bad = json::parse(notice_split_body("\xc3\x28", Lang::en).dump());
  CHECK(bad["error"]["code"] == "notice_not_utf8");
  CHECK(bad["error"]["field"] == "notice");
  CHECK(bad["error"]["message"].get<std::string>().find("UTF-8") != std::string::npos);
  CHECK(notice_split_body("", Lang::zh_CN)["error"]["message"] != notice_split_body("", Lang::en)["error"]["message"]);
}

TEST_CASE("notice split: 3 —000 seeded random texts of numbering marks — dates and bytes: no crash — distinct ids — no word lost") {
  const std::vector<std::string> parts{"一、", "二、", "十、", "（一）", "(二)", "1.", "2.", "3、", "(1)", "2)", "①", "②", "\n", "\n\n",
                                       "。", "：", " ", "　", "8月31日", "2022年2月30日前", "二〇二二年五月十六日", "6个月", "最长不超过1年",
                                       "100%", "附件", "甲", "乙丙", "\r\n", "<p>", "\xff", "\xe4\xb8", "年", "届", "2024"};
  std::mt19937 rng(20260512);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) text += parts[rng() % parts.size()];
    INFO(text);
    const NoticeSplit s = split_notice(text);
    if (s.error) {
      CHECK((s.error->code == "notice_not_utf8" || s.error->code == "notice_empty"));
      continue;
    }
    const auto list = ids(s);
    CHECK(std::set<std::string>(list.begin(), list.end()).size() == list.size());
    check_keeps_every_word(text, s);
    std::vector<NoticeNote> notes;
    for (const NoticeValue& v : notice_values(s, notes)) {
      CHECK(std::find(list.begin(), list.end(), v.clause) != list.end());
      CHECK_FALSE(v.words.empty());
    }
  }
}
