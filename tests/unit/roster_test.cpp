// Rosters in core: column and word mapping, every row kept with its line and
// error, duplicates, the summary, limits — and the fast path (each distinct
// set of answers evaluated once, outcomes computed from the calculators)
// giving byte for byte what evaluating every row through Engine::evaluate gives.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "support/csv_rows.hpp"
#include "support/random_text.hpp"
#include "support/date_spellings.hpp"
#include "test_policies.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/roster.hpp"
#include "../../core/staff/src/key_table.hpp"  // key_hash: the roster's own hash, to find two numbers it mixes up

using namespace xueshe;
using nlohmann::json;

namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

RosterOptions options(const char* today, Lang lang = Lang::zh_CN) {
  RosterOptions o;
  o.today = day(today);
  o.lang = lang;
  return o;
}

const Engine& hxci() {
  static const Engine engine(must_load(std::string(builtin_policy_text())));
  return engine;
}

// The annotated roster, parsed back: header and rows as strings.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t col(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    FAIL("no column " << name);
    return 0;
  }
  std::string at(std::size_t row, const std::string& name) const { return rows[row][col(name)]; }
};

Table parse_output(const std::string& csv) {
  auto rows = xueshe::testing::csv_rows(csv);
  Table out;
  if (rows.empty()) return out;
  out.header = std::move(rows.front());
  out.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  return out;
}

std::string roster_file(const std::string& name) {
  return read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/roster/" + name);
}

}  // namespace

TEST_CASE("roster columns: Chinese — English and SPEC field ids name the same columns") {
  RosterVocabulary v(hxci().policy());
  CHECK(v.column_for_header("去向") == "destination");
  CHECK(v.column_for_header(" 毕业去向 ") == "destination");
  CHECK(v.column_for_header("Destination") == "destination");
  CHECK(v.column_for_header("destination") == "destination");
  CHECK(v.column_for_header("单位是否有团组织") == "employer_has_league_org");
  CHECK(v.column_for_header("Employer has a league organization") == "employer_has_league_org");
  CHECK(v.column_for_header("学号") == "student_id");
  CHECK(v.column_for_header("转接状态") == "status");
  CHECK(v.column_for_header("备注").empty());
  for (const std::string& id : roster_column_ids())
    for (const Lang lang : {Lang::zh_CN, Lang::en}) CHECK(v.column_for_header(roster_column_name(id, lang)) == id);
  CHECK(v.conflicts().empty());
}

TEST_CASE("roster words: machine values — catalog labels and synonyms — in any spacing and width") {
  RosterVocabulary v(hxci().policy());
  const Field& dest = *find_field("destination");
  CHECK(v.word(dest, "employed") == "employed");
  CHECK(v.word(dest, "已就业") == "employed");
  CHECK(v.word(dest, "已落实工作单位") == "employed");
  CHECK(v.word(dest, "已落实工作单位（含自主创业）") == "employed");  // the catalog's option label
  CHECK(v.word(dest, "Employed") == "employed");
  CHECK(v.word(dest, "出国（境）学习研究") == "study_abroad");
  CHECK(v.word(dest, "出国(境) 学习研究") == "study_abroad");
  CHECK(v.word(dest, "参军入伍") == "military");
  CHECK(v.word(dest, "火星") == std::nullopt);
  const Field& flag = *find_field("employer_has_league_org");
  for (const char* yes : {"是", "有", "true", "YES", "1", "Yes"}) CHECK(v.word(flag, yes) == "true");
  for (const char* no : {"否", "无", "没有", "false", "No", "0"}) CHECK(v.word(flag, no) == "false");
  CHECK(v.word(*find_field("unsettled_choice"), "暂时保留在学校（最长 6 个月）") == "retain_at_school");  // {months} filled
  CHECK(v.word(*find_field("community_basis"), "户籍所在地") == "hukou");
  CHECK(v.word(*find_field("receiving_region"), "广东省") == "guangdong");
  CHECK(v.word(*find_field("study_level"), "其他") == "other");
  CHECK(v.word(*find_field("receiving_region"), "其他") == "other");
  CHECK(v.status("已完成") == TransferStatus::completed);
  CHECK(v.status("未完成") == TransferStatus::open);
  CHECK(v.status("") == TransferStatus::open);
  CHECK(v.status("好的") == TransferStatus::unknown);
  CHECK(trim_cell("\xE3\x80\x80 已就业 \t") == "已就业");
}

TEST_CASE("trim_cell's quick look at a cell's ends never skips a space trim_cell_spaces would remove") {
  // Cells of spaces (ASCII, U+3000, U+00A0), text ending in the bytes those spaces are made of, and empty ones.
  const std::vector<std::string> pieces = {" ", "\t", "\xE3\x80\x80", "\xC2\xA0", "已", "就业", "\xC2", "\xE3\x80",
                                           "\x80", "\xA0", "a", "2022-06-30"};
  std::mt19937 rng(15);
  for (int k = 0; k < 20000; ++k) {
    const std::string cell = xueshe::testing::random_text(rng, pieces, 6);
    INFO("cell <" << cell << ">");
    CHECK(trim_cell(cell) == trim_cell_spaces(cell));
  }
}

TEST_CASE("a mixed roster: every row appears — in order — with its line - bad rows carry their error") {
  const std::string text = roster_file("mixed.csv");
  RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01"));
  REQUIRE_FALSE(run.error);
  Table out = parse_output(annotated_roster_csv(run));
  const std::vector<std::string> lines = {"2", "3", "6", "7", "8", "9", "10", "12", "13", "14", "15", "16", "17", "18", "19"};
  REQUIRE(out.rows.size() == lines.size());
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"employer_org", ""},
      {"new_school_org", ""},
      {"retain_at_school", ""},
      {"special_unit_pool", ""},
      {"", "unknown_value"},            // 去向 火星
      {"", "invalid_date"},             // 2022-02-30
      {"", "date_order"},               // departure before graduation (the engine's own error)
      {"employer_township_org", ""},
      {"delayed_graduation_org", ""},
      {"", "csv_stray_quote"},
      {"", "missing_answer"},           // 是否自主创业 left empty
      {"employer_org", "unknown_value"},  // status 好的: the outcome stays, the status is an error
      {"hometown_township_org", ""},
      {"", "too_many_fields"},
      {"", "csv_unterminated_quote"},
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("row " << i);
    CHECK(out.at(i, "行号") == lines[i]);
    CHECK(out.at(i, "路线") == expected[i].first);
    CHECK(out.at(i, "错误代码") == expected[i].second);
    CHECK(out.at(i, "错误").empty() == expected[i].second.empty());
  }
  // The input's own cells come back as they were, quoting undone and redone.
  CHECK(out.at(0, "姓名") == "张三, Jr.");
  CHECK(out.at(0, "备注") == "备注里有\"引号\"");
  CHECK(out.at(1, "备注") == "第一行\r\n第二行");
  CHECK(out.at(8, "姓名") == "郑\"十一");
  CHECK(out.at(9, "姓名") == "冯\"十二");  // kept as written
  // Errors name the column as the roster does, and the field.
  CHECK(out.at(4, "错误").find("“去向”的值“火星”无法识别") != std::string::npos);
  CHECK(out.at(5, "错误").find("“毕业日期”：毕业日期“2022-02-30”不对：2022年2月没有30日") != std::string::npos);
  CHECK(out.at(6, "错误").find("“出国日期”") != std::string::npos);
  // An empty cell the row needs, with why: the answer that led to it (today's columns: the yes/no chain's first).
  CHECK(out.at(10, "错误") == "“去向”是“已就业”，需要知道“是否自主创业”（这一格是空的）。");
  // Duplicated student numbers: every such row is flagged, the first too.
  CHECK(out.at(0, "重复学号") == "学号 2022001 重复：第 2、7 行");
  CHECK(out.at(3, "重复学号") == out.at(0, "重复学号"));
  CHECK(out.at(1, "重复学号").empty());
  // Deadlines per kind with their state, the most urgent, warnings, clauses.
  CHECK(out.at(0, "完成转接截止") == "2022-08-31 未到期");
  CHECK(out.at(1, "完成转接截止") == "2022-10-01 未到期");
  CHECK(out.at(1, "录取学校创建新生团组织的期限") == "2022-10-01 未到期");
  CHECK(out.at(12, "出国（境）日期，之前办完") == "2022-07-10 即将到期");
  CHECK(out.at(12, "最紧迫状态") == "即将到期");
  CHECK(out.at(12, "最紧迫日期") == "2022-07-10");
  CHECK(out.at(2, "警告代码") == "retention_conflict");
  CHECK(out.at(7, "依据条款").find("智慧团建.京粤闽") != std::string::npos);  // 北京
  CHECK(out.at(2, "可选路线") == "community_mobile_branch");
}

namespace {

bool runs_as_formula(const std::string& cell) {
  return !cell.empty() && std::string("=+-@\t\r\n").find(cell.front()) != std::string::npos;
}

// The original of a written cell (README, "Rosters"): one leading ' dropped.
std::string original_of(const std::string& written) {
  return !written.empty() && written.front() == '\'' ? written.substr(1) : written;
}

// No cell of an exported CSV starts with what a spreadsheet would run.
void check_no_formula(const std::string& csv) {
  for (const auto& row : xueshe::testing::csv_rows(csv))
    for (const std::string& cell : row) {
      INFO("cell <" << cell << ">");
      CHECK_FALSE(runs_as_formula(cell));
    }
}

}  // namespace

TEST_CASE("exported rosters: the roster's own cells that would run as formulas get a leading ' - recoverably") {
  const std::string text = roster_file("formulas.csv");
  RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01"));
  REQUIRE_FALSE(run.error);
  const std::string csv = annotated_roster_csv(run);
  check_no_formula(csv);
  Table out = parse_output(csv);
  const auto in = xueshe::testing::csv_rows(text.substr(kUtf8Bom.size()));
  REQUIRE(out.rows.size() + 1 == in.size());
  // Every cell of the roster's columns, the header included: prefixed exactly
  // when it would run (or starts with '), and the original once the ' is dropped.
  std::size_t prefixed = 0;
  for (std::size_t r = 0; r < in.size(); ++r) {
    const std::vector<std::string>& written = r == 0 ? out.header : out.rows[r - 1];
    for (std::size_t c = 0; c < in[r].size(); ++c) {
      INFO("line " << r + 1 << " column " << c + 1 << " <" << in[r][c] << ">");
      const bool marked = runs_as_formula(in[r][c]) || (!in[r][c].empty() && in[r][c].front() == '\'');
      CHECK(written[c] == (marked ? "'" : "") + in[r][c]);
      CHECK(original_of(written[c]) == in[r][c]);
      prefixed += marked;
    }
  }
  CHECK(prefixed == 13);  // = + - @ TAB CR, quoted and not, in several columns, the header too, and one '
  // The prefixed rows are still evaluated as they were; a row with nothing to mark is copied as it was.
  for (std::size_t r = 0; r < 4; ++r) CHECK(out.at(r, "路线") == "employer_org");
  CHECK(csv.find("\r\n2022304,李四,信息工程学院,已就业,2022-06-30,2000-03-15,否,否,否,否,是,其他,未完成,普通备注,a=b,") !=
        std::string::npos);
  // The answer that looks like a formula is an error, and its message quotes it after the column's name.
  CHECK(out.at(4, "错误代码") == "unknown_value");
  CHECK(out.at(4, "去向") == "'=火星");
  CHECK(out.at(4, "错误").find("“=火星”") != std::string::npos);
}

TEST_CASE("exported rosters: the tool's added cells that would run as formulas get a leading ' too") {
  // A policy's clause ids are its own text, and the 依据条款 column starts with one.
  const std::string roster =
      "去向,毕业日期,出生日期,是否党员,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,接收地区\n"
      "已就业,2022-06-30,2000-03-15,否,否,否,否,是,其他\n";
  for (const std::string lead : {"=", "+", "-", "@", "\t", "\r"}) {
    INFO("clause id starting with <" << lead << ">");
    std::string policy(builtin_policy_text());
    const std::string from = "\"二.1\"", to = json(lead + "二.1").dump();
    for (std::size_t at = 0; (at = policy.find(from, at)) != std::string::npos; at += to.size())
      policy.replace(at, from.size(), to);
    const Engine engine(must_load(policy));
    RosterRun run = evaluate_roster(engine, roster, options("2022-07-01"));
    REQUIRE_FALSE(run.error);
    const std::string csv = annotated_roster_csv(run);
    check_no_formula(csv);
    const std::string clauses = parse_output(csv).at(0, "依据条款");
    CHECK(clauses.rfind("'" + lead + "二.1 三.2", 0) == 0);
    CHECK(original_of(clauses).rfind(lead + "二.1 三.2", 0) == 0);
  }
}

TEST_CASE("a roster date outside 1900-2199 is told the range — not the format") {
  const std::string text =
      "去向,毕业日期,出生日期\n参军入伍,9999/12/31,2000-03-15\n参军入伍,2022-06-30,0001-01-01\n参军入伍,2022/2/30,2000-03-15\n";
  RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01"));
  REQUIRE_FALSE(run.error);
  Table out = parse_output(annotated_roster_csv(run));
  REQUIRE(out.rows.size() == 3);
  CHECK(out.at(0, "错误代码") == "date_out_of_range");
  CHECK(out.at(0, "错误") == "“毕业日期”：毕业日期“9999/12/31”的年份不对：请填写 1900–2199 年之间的日期。");
  CHECK(out.at(1, "错误代码") == "date_out_of_range");
  CHECK(out.at(1, "错误").find("“出生日期”") != std::string::npos);
  CHECK(out.at(2, "错误代码") == "invalid_date");  // an impossible day stays a format error
}

TEST_CASE("the roster summary: counts per route and state — errors — duplicates — completion against 100 %") {
  const std::string text = roster_file("mixed.csv");
  RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01"));
  json s = roster_summary(run, hxci().policy());
  CHECK(s["rows"] == 15);
  CHECK(s["rows_with_errors"] == 8);
  CHECK(s["rows_evaluated"] == 8);
  CHECK(s["file"]["blank_lines"] == 2);
  CHECK(s["file"]["lines"] == 19);
  CHECK(s["routes"]["employer_org"] == 2);
  CHECK(s["routes"]["age_out"] == 0);
  CHECK(s["most_urgent"]["due_soon"] == 1);
  CHECK(s["errors"]["by_code"]["unknown_value"] == 2);
  CHECK(s["errors"]["first"][0]["line"] == 8);
  CHECK(s["errors"]["first"][0]["column"] == "去向");
  CHECK(s["duplicates"]["student_ids"] == 1);
  CHECK(s["duplicates"]["first"][0]["lines"] == json::array({2, 7}));
  const json& c = s["completion"];
  CHECK(c["target_clause"] == "三.3");  // found by the notice's "100%", not written into code
  CHECK(c["must_transfer"] == 5);
  CHECK(c["completed"] == 2);
  CHECK(c["unknown_status"] == 1);
  CHECK(c["not_counted_errors"] == 7);
  CHECK(c["rate"].get<double>() == Approx(0.4));
}

TEST_CASE("transfer_target_clause finds the notice's 100 % clause — or says there is none") {
  CHECK(transfer_target_clause(must_load(policy_texts()[0])) == std::optional<std::string>("三.3"));
  for (const auto& text : policy_texts()) {
    Policy p = must_load(text);
    auto id = transfer_target_clause(p);
    if (id) CHECK(p.find_clause(*id)->text.at("zh-CN").find("100") != std::string::npos);
  }
}

TEST_CASE("the template round-trips: its headers map — its example rows evaluate without error") {
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    for (const Lang lang : {Lang::zh_CN, Lang::en}) {
      const std::string tpl = roster_template_csv(engine.policy(), lang);
      REQUIRE(tpl.rfind(std::string(kUtf8Bom), 0) == 0);
      RosterRun run = evaluate_roster(engine, tpl, options("2022-07-01", lang));
      REQUIRE_FALSE(run.error);
      REQUIRE(run.rows.size() == 3);
      for (const RosterColumn& c : run.columns) CHECK_FALSE(c.id.empty());
      for (const RosterRow& row : run.rows) {
        INFO(engine.policy().id << " " << lang << " line " << row.line);
        CHECK_FALSE(row.has_error(run.outcomes));
      }
    }
  }
}

TEST_CASE("rosters in English: headers and words") {
  const std::string text =
      "Student number,Destination,Graduation date,Date of birth,Party member,Study level,Enrollment date,"
      "New school's organization created,Receiving region,Transfer status\n"
      "1,Further study,2022-06-30,2000-01-01,No,Postgraduate,2022-09-01,Yes,Beijing,Completed\n";
  RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01", Lang::en));
  REQUIRE_FALSE(run.error);
  Table out = parse_output(annotated_roster_csv(run));
  CHECK(out.at(0, "Route") == "new_school_org");
  CHECK(out.at(0, "Deadline to complete the transfer") == "2022-10-01 Upcoming");
}

TEST_CASE("roster files that cannot be read as a roster are rejected whole — with a clear error") {
  auto error_of = [](const std::string& text, RosterLimits limits = {}) {
    RosterOptions o = options("2022-07-01");
    o.limits = limits;
    RosterRun run = evaluate_roster(hxci(), text, o);
    return run.error ? run.error->code : std::string();
  };
  CHECK(error_of("") == "roster_empty");
  CHECK(error_of("\r\n\r\n,,\r\n") == "roster_empty");
  CHECK(error_of("学号,姓名\r\n1,张三\r\n") == "roster_no_destination_column");
  CHECK(error_of("去向,destination\r\n已就业,employed\r\n") == "roster_duplicate_column");
  CHECK(error_of("去向,\"姓名\r\n") == "roster_header_malformed");
  RosterLimits small;
  small.max_rows = 2;
  CHECK(error_of("去向\n延迟毕业\n延迟毕业\n", small).empty());
  CHECK(error_of("去向\n延迟毕业\n延迟毕业\n延迟毕业\n", small) == "roster_too_many_rows");
  small.max_columns = 3;
  CHECK(error_of("去向,a,b,c\n", small) == "roster_too_many_columns");
  small.max_bytes = 10;
  CHECK(error_of("去向\n延迟毕业\n", small) == "roster_too_large");

  json body = roster_error_body(Error{"roster_too_many_rows", "$", {{"max", "1000000"}, {"line", "1000002"}}}, Lang::zh_CN);
  CHECK(body["error"]["message"] == "名单超过 1000000 行（到第 1000002 行时）。请分成几个文件。");
}

TEST_CASE("duplicate student numbers on random rosters: each set as a reader going down the rows meets them") {
  // Two numbers whose 32-bit hashes are equal (the roster sorts numbers by hash, then compares them), found
  // by search: about 2^16 random numbers hold such a pair.
  std::mt19937 rng(20261203);
  auto number = [&rng] { return std::to_string(1000000000 + rng() % 1000000000); };
  std::string twin_a, twin_b;
  std::unordered_map<std::uint32_t, std::string> by_hash;
  while (twin_a.empty()) {
    const std::string n = number();
    const auto h = static_cast<std::uint64_t>(key_hash(n));
    const auto folded = static_cast<std::uint32_t>(h ^ (h >> 32));
    auto [it, added] = by_hash.emplace(folded, n);
    if (!added && it->second != n) twin_a = it->second, twin_b = n;
  }
  for (int k = 0; k < 20; ++k) {
    std::vector<std::string> pool = {twin_a, twin_b};
    for (int i = 0; i < 300; ++i) pool.push_back(number());
    std::string text = "学号,去向\n";
    std::vector<std::string> ids;  // each row's number as trim_cell reads it
    for (int r = 0; r < 600; ++r) {
      const std::string& id = rng() % 10 == 0 ? std::string() : pool[rng() % pool.size()];
      ids.push_back(id);
      text += (rng() % 4 == 0 ? " " + id + " " : id) + ",延迟毕业\n";
    }
    const RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01"));
    // The reference: numbers in the order their second row comes, each with all its rows.
    std::map<std::string, std::vector<std::size_t>> rows_of;
    std::vector<std::string> order;
    for (std::size_t r = 0; r < ids.size(); ++r) {
      if (ids[r].empty()) continue;
      auto& rows = rows_of[ids[r]];
      rows.push_back(r);
      if (rows.size() == 2) order.push_back(ids[r]);
    }
    REQUIRE(run.duplicates.size() == order.size());
    std::vector<std::int32_t> group(ids.size(), -1);
    for (std::size_t g = 0; g < order.size(); ++g) {
      CHECK(run.duplicates[g].student_id == order[g]);
      std::vector<std::size_t> lines;
      for (std::size_t r : rows_of[order[g]]) {
        lines.push_back(r + 2);  // the header is line 1
        group[r] = static_cast<std::int32_t>(g);
      }
      CHECK(run.duplicates[g].lines == lines);
    }
    for (std::size_t r = 0; r < ids.size(); ++r) CHECK(run.rows[r].duplicate == group[r]);
  }
}

TEST_CASE("a student number on many rows: every row flagged — the cell naming the first ten lines") {
  std::string text = "学号,去向\n";
  for (int i = 0; i < 12; ++i) text += "7,延迟毕业\n";
  text += "8,延迟毕业\n";
  RosterRun run = evaluate_roster(hxci(), text, options("2022-07-01"));
  REQUIRE(run.duplicates.size() == 1);
  CHECK(run.duplicates[0].lines.size() == 12);
  Table out = parse_output(annotated_roster_csv(run));
  CHECK(out.at(0, "重复学号") == "学号 7 重复 12 次：第 2、3、4、5、6、7、8、9、10、11 行等");
  CHECK(out.at(11, "重复学号") == out.at(0, "重复学号"));
  CHECK(out.at(12, "重复学号").empty());
}

TEST_CASE("an over-long cell makes its row an error row that stays in the output") {
  RosterOptions o = options("2022-07-01");
  o.limits.max_field_bytes = 13;  // 延迟毕业 is 12 bytes, 这一格太长了 18
  const std::string text = "去向,备注\n延迟毕业,短\n延迟毕业,这一格太长了\n";
  RosterRun run = evaluate_roster(hxci(), text, o);
  REQUIRE(run.rows.size() == 2);
  CHECK_FALSE(run.rows[0].has_error(run.outcomes));
  REQUIRE(run.errors(run.rows[1]).size() == 1);
  CHECK(run.errors(run.rows[1])[0].code == "field_too_long");
  CHECK(parse_output(annotated_roster_csv(run)).at(1, "备注") == "这一格太长了");
}

namespace {

std::string machine_value(const AnswerValue& v) { return answer_token(v); }

// Every path of a policy as one roster row, machine values, field ids as headers.
std::string roster_of_every_path(const Engine& engine) {
  std::vector<std::string> header{"student_id"};
  for (const Field& f : answer_fields()) header.push_back(f.id);
  std::string csv;
  csv_append_record(csv, header);
  int n = 0;
  for (const Path& p : enumerate_paths(engine.flow(), sample_dates(engine.policy()))) {
    std::vector<std::string> row{std::to_string(++n)};
    for (const Field& f : answer_fields()) {
      std::string cell;
      for (const Step& s : p.steps)
        if (!s.implied && s.field == f.id) cell = machine_value(s.value);
      row.push_back(cell);
    }
    csv_append_record(csv, row);
  }
  return csv;
}

// A roster of random rows: every destination, words in both languages and as
// machine values, missing answers, unknown words, impossible dates, and
// dates around every boundary the engine knows (age 14 and 28, departure
// around graduation, deadlines passing).
std::string random_roster(const Policy& p, unsigned seed, int rows) {
  std::mt19937 rng(seed);
  auto pick = [&rng](std::initializer_list<const char*> list) {
    return std::string(*(list.begin() + rng() % list.size()));
  };
  auto chance = [&rng](int percent) { return static_cast<int>(rng() % 100) < percent; };
  auto date_near = [&rng](int y, int m, int d, int spread) {
    Date base{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    return format_iso_date(Date{date::sys_days{base} + date::days{static_cast<int>(rng() % (2 * spread + 1)) - spread}});
  };
  const int y = p.cohort;
  std::string csv =
      "学号,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,"
      "青年之家是否有团组织,升学层次,入学日期,新学校团组织是否已建立,未就业安排,转往地依据,出国类别,出国日期,接收地区,转接状态\n";
  for (int i = 0; i < rows; ++i) {
    std::vector<std::string> c(20);
    c[0] = std::to_string(i % 97 == 0 ? 1 : i);
    c[1] = pick({"已就业", "employed", "升学", "further_study", "参军入伍", "未就业", "unsettled", "出国学习", "出国工作",
                 "work_abroad", "延迟毕业", "I have a job (including running my own business)"});
    if (chance(3)) c[1] = "火星";
    if (!chance(4)) c[2] = chance(80) ? date_near(y, 6, 30, 3) : date_near(y, 1, 15, 200);
    if (chance(2)) c[2] = std::to_string(y) + "-02-30";
    // Birth: mostly young, some around 28, some around 14 at graduation.
    const int kind = static_cast<int>(rng() % 10);
    if (kind < 6) c[3] = date_near(y - 22, 6, 1, 700);
    else if (kind < 8) c[3] = date_near(y - 28, 6, 30, 200);
    else if (kind < 9) c[3] = date_near(y - 14, 6, 30, 10);
    else c[3] = date_near(y - 27, 12, 1, 120);
    if (chance(3)) c[3] = "";
    c[4] = pick({"是", "否", "false", "No"});
    if (chance(50)) c[5] = pick({"是", "否"});
    c[6] = pick({"是", "否", "否"});
    c[7] = pick({"是", "否", "否", "否"});
    c[8] = pick({"是", "否", "否"});
    c[9] = pick({"是", "否", "有", "无"});
    c[10] = pick({"是", "否", ""});
    c[11] = pick({"研究生", "其他", "postgraduate"});
    c[12] = date_near(y, 9, 1, 40);
    c[13] = pick({"是", "否"});
    c[14] = pick({"在校保留", "转到社区", "retain_at_school"});
    c[15] = pick({"居住地", "户籍所在地", "生源地"});
    c[16] = pick({"因公", "因私"});
    c[17] = chance(50) ? date_near(y, 6, 30, 5) : date_near(y, 8, 15, 60);
    c[18] = pick({"北京", "广东", "福建", "其他"});
    c[19] = pick({"已完成", "未完成", ""});
    for (auto& cell : c)
      if (chance(3)) cell = "";
    csv_append_record(csv, c);
  }
  return csv;
}

std::string annotate(const Engine& e, const std::string& text, Date today, Lang lang, bool memoize,
                     bool direct) {
  RosterOptions o;
  o.today = today;
  o.lang = lang;
  o.memoize = memoize;
  o.direct = direct;
  RosterRun run = evaluate_roster(e, text, o);
  REQUIRE_FALSE(run.error);
  return annotated_roster_csv(run) + roster_summary(run, e.policy()).dump();
}

}  // namespace

TEST_CASE("direct outcomes equal the engine's on every path of every policy — both languages — four dates") {
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const std::string roster = roster_of_every_path(engine);
    const Date notice = engine.policy().notice_date, last = engine.policy().latest_date();
    for (const Date today : {notice, Date{date::sys_days{last} - date::days{10}}, last,
                             Date{date::sys_days{last} + date::days{1}}})
      for (const Lang lang : {Lang::zh_CN, Lang::en}) {
        INFO(engine.policy().id << " " << lang << " " << format_iso_date(today));
        const std::string direct = annotate(engine, roster, today, lang, false, true);
        CHECK(direct == annotate(engine, roster, today, lang, false, false));
      }
    // And every path evaluates, to the route the engine names.
    RosterRun run = evaluate_roster(engine, roster, options("2022-07-01"));
    std::vector<json> paths = evaluate_all_paths(engine, notice, Lang::zh_CN);
    REQUIRE(run.rows.size() == paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
      REQUIRE_FALSE(run.rows[i].has_error(run.outcomes));
      CHECK(run.outcomes[static_cast<std::size_t>(run.rows[i].outcome)].route == paths[i]["result"]["route"]);
    }
  }
}

TEST_CASE("each distinct set of answers evaluated once gives exactly what evaluating every row gives") {
  int seed = 1;
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const Policy& p = engine.policy();
    const std::string roster = random_roster(p, static_cast<unsigned>(seed++), 700);
    for (const Date today : {p.notice_date, Date{date::sys_days{p.latest_date()} + date::days{30}}})
      for (const Lang lang : {Lang::zh_CN, Lang::en}) {
        INFO(p.id << " " << lang << " " << format_iso_date(today));
        const std::string slow = annotate(engine, roster, today, lang, false, false);
        CHECK(annotate(engine, roster, today, lang, true, true) == slow);
        CHECK(annotate(engine, roster, today, lang, true, false) == slow);
      }
    RosterRun run = evaluate_roster(engine, roster, options("2022-07-01"));
    CHECK(run.evaluations < run.rows.size());  // rows did share evaluations
  }
}

TEST_CASE("a roster checked in parts gives exactly what one checker going down the rows gives") {
  // Runners of the parts: one after another, last first (each part must stand on its own), and a thread each.
  const std::vector<std::pair<const char*, RunTasks>> runners = {
      {"in order", RunTasks()},
      {"last first", [](const std::vector<std::function<void()>>& tasks) {
         for (auto t = tasks.rbegin(); t != tasks.rend(); ++t) (*t)();
       }},
      {"threads", [](const std::vector<std::function<void()>>& tasks) {
         std::vector<std::thread> threads;
         for (const auto& task : tasks) threads.emplace_back(task);
         for (auto& t : threads) t.join();
       }}};
  unsigned seed = 900;
  std::vector<std::pair<const Engine*, std::string>> rosters;
  std::vector<std::unique_ptr<Engine>> engines;
  for (const auto& text : policy_texts()) {
    engines.push_back(std::make_unique<Engine>(must_load(text)));
    // With rows that have errors of their own, here and there: a field past the header's, a stray quote.
    std::string roster, line;
    std::istringstream lines(random_roster(engines.back()->policy(), seed++, 600));
    for (int i = 0; std::getline(lines, line); ++i)
      roster += (i > 0 && i % 43 == 3 ? "1\"2" + line : line) + (i > 0 && i % 37 == 5 ? ",多余" : "") + "\n";
    rosters.emplace_back(engines.back().get(), roster);
  }
  rosters.emplace_back(&hxci(), roster_file("mixed.csv"));  // quoted fields, CSV problems, errors of every kind
  for (const auto& [engine, roster] : rosters) {
    RosterOptions o = options("2022-07-01");
    const RosterRun whole = evaluate_roster(*engine, roster, o);
    REQUIRE_FALSE(whole.error);
    CHECK(whole.row_errors.size() > 3);  // rows with errors of their own, for the merge to place
    const std::string expected = annotated_roster_csv(whole) + roster_summary(whole, engine->policy()).dump();
    for (const std::size_t parts : {2, 3, 7, 5000}) {
      for (const auto& [name, runner] : runners) {
        if (parts > 7 && std::string(name) == "threads") continue;  // a thread a row: not what a machine runs
        INFO(engine->policy().id << ", " << parts << " parts, " << name);
        o.parts = parts;
        o.min_part_rows = 1;
        o.run_tasks = runner;
        const RosterRun split = evaluate_roster(*engine, roster, o);
        REQUIRE_FALSE(split.error);
        CHECK(annotated_roster_csv(split) + roster_summary(split, engine->policy()).dump() == expected);
        REQUIRE(split.rows.size() == whole.rows.size());
        for (std::size_t r = 0; r < whole.rows.size(); ++r) {
          const RosterRow &a = whole.rows[r], &b = split.rows[r];
          CHECK((a.line == b.line && a.record == b.record && a.duplicate == b.duplicate && a.status == b.status &&
                 a.error_count == b.error_count && (a.outcome < 0) == (b.outcome < 0)));
          for (std::size_t e = 0; e < a.error_count && e < b.error_count; ++e)
            CHECK(whole.errors(a)[e].message == split.errors(b)[e].message);
        }
        CHECK(split.duplicates.size() == whole.duplicates.size());
        CHECK(split.evaluations == whole.evaluations);  // a destination's rows in one part: no set evaluated twice
      }
    }
    // Parts smaller than min_part_rows are not made: fewer, larger ones are.
    o.parts = 4;
    o.min_part_rows = whole.rows.size() / 2;
    o.run_tasks = [&](const std::vector<std::function<void()>>& tasks) {
      CHECK(tasks.size() == 2);
      for (const auto& t : tasks) t();
    };
    CHECK(annotated_roster_csv(evaluate_roster(*engine, roster, o)) == annotated_roster_csv(whole));
  }
}

namespace {

// A roster whose rows differ mostly in the birth date: a few sets of the other
// answers (every destination, league post yes, no or empty), each with
// birth dates around every date the age rule and the age warning weigh a
// 28th birthday against (the graduation day and month's end, each month for
// two and a half years after, every date of the policy), around the dates'
// order check (14 and 15 at graduation), on 29 February, and in several spellings.
Date day_in(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

std::string birth_date_roster(const Policy& p, unsigned seed, int rows) {
  std::mt19937 rng(seed);
  auto pick = [&rng](const std::vector<std::string>& list) { return list[rng() % list.size()]; };
  auto shifted = [](const Date& d, int days) { return Date{date::sys_days{d} + date::days{days}}; };
  const int y = p.cohort;
  const std::vector<Date> graduations{day_in(y, 6, 30), day_in(y, 7, 1), day_in(y, 5, 31), day_in(y, 2, 28),
                                      day_in(y, 12, 31)};
  std::vector<Date> weighed;  // dates a limit birthday may be weighed against, besides graduation
  for (const DeadlineRule& r : p.deadlines) weighed.push_back(r.date);
  weighed.push_back(p.latest_date());
  std::string csv =
      "学号,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,"
      "青年之家是否有团组织,升学层次,入学日期,新学校团组织是否已建立,未就业安排,转往地依据,出国类别,出国日期,接收地区\n";
  for (int i = 0; i < rows; ++i) {
    std::vector<std::string> c(19);
    c[0] = std::to_string(i + 1);
    c[1] = pick({"employed", "further_study", "military", "unsettled", "study_abroad", "work_abroad",
                 "delayed_graduation"});
    const int g = static_cast<int>(rng() % 12);
    const Date graduation = graduations[static_cast<std::size_t>(g < 8 ? 0 : g - 7)];
    if (g != 11) c[2] = format_iso_date(graduation);
    Date birth;
    switch (rng() % 6) {
      case 0:  // 28 around graduation
      case 1:
        birth = add_months_clamped(graduation, -12 * 28);
        break;
      case 2:  // 28 in one of the months after
        birth = add_months_clamped(graduation, -12 * 28 + static_cast<int>(rng() % 31));
        break;
      case 3:  // 28 around a date of the policy
        birth = add_months_clamped(weighed[rng() % weighed.size()], -12 * 28);
        break;
      case 4:  // the dates' order check
        birth = add_months_clamped(graduation, -12 * static_cast<int>(14 + rng() % 2));
        break;
      default:  // far from any of them
        birth = add_months_clamped(graduation, -12 * static_cast<int>(20 + rng() % 5));
    }
    birth = shifted(birth, static_cast<int>(rng() % 81) - 40);
    if (rng() % 40 == 0) birth = day_in(2000 - 4 * static_cast<int>(rng() % 3), 2, 29);
    c[3] = format_iso_date(birth);
    if (rng() % 8 == 0) { const auto spellings = xueshe::testing::date_spellings(c[3]); c[3] = spellings[rng() % spellings.size()]; }
    c[4] = pick({"是", "否"});
    c[5] = pick({"是", "否", ""});
    c[6] = "否";
    c[7] = "否";
    c[8] = pick({"是", "否"});
    c[9] = pick({"是", "否"});
    c[10] = "否";
    c[11] = pick({"研究生", "其他"});
    c[12] = format_iso_date(shifted(graduation, 63));
    c[13] = "否";
    c[14] = pick({"在校保留", "转到社区"});
    c[15] = "户籍所在地";
    c[16] = "因私";
    c[17] = format_iso_date(shifted(graduation, 40));
    c[18] = "其他";
    csv_append_record(csv, c);
  }
  return csv;
}

}  // namespace

TEST_CASE("roster rows: a birth date read as the age rule reads it gives each row exactly what evaluating the row gives") {
  unsigned seed = 70;
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const Policy& p = engine.policy();
    const std::string roster = birth_date_roster(p, seed++, 2500);
    for (const Date today : {p.notice_date, Date{date::sys_days{p.latest_date()} + date::days{30}}}) {
      INFO(p.id << " " << format_iso_date(today));
      RosterOptions o;
      o.today = today;
      o.lang = Lang::zh_CN;
      o.memoize = false;
      const RosterRun each = evaluate_roster(engine, roster, o);
      o.memoize = true;
      const RosterRun shared = evaluate_roster(engine, roster, o);
      REQUIRE_FALSE(each.error);
      REQUIRE_FALSE(shared.error);
      const auto slow = xueshe::testing::csv_rows(annotated_roster_csv(each));
      const auto fast = xueshe::testing::csv_rows(annotated_roster_csv(shared));
      REQUIRE(fast.size() == slow.size());
      std::size_t differing = 0;
      for (std::size_t r = 0; r < slow.size(); ++r)
        if (fast[r] != slow[r] && ++differing <= 3) CHECK(fast[r] == slow[r]);  // the first few, with their cells
      CHECK(differing == 0);
      // The summaries too, but for how many evaluations each run made.
      json a = roster_summary(each, p), b = roster_summary(shared, p);
      a.erase("distinct_answers");
      b.erase("distinct_answers");
      CHECK(a == b);
    }
    RosterRun run = evaluate_roster(engine, roster, options("2022-07-01"));
    INFO(p.id << ": " << run.evaluations << " evaluations");
    CHECK(run.evaluations < run.rows.size());  // birth dates did share evaluations
    std::size_t with_age_warning = 0;
    for (const RosterRow& row : run.rows)
      if (row.outcome >= 0)
        for (const std::string& code : run.outcomes[static_cast<std::size_t>(row.outcome)].warning_codes)
          with_age_warning += code == "age_limit_before_deadline";
    CHECK(with_age_warning > 50);  // the roster does reach the warning's dates
  }
}

TEST_CASE("roster dates as people type them: a roster spelt every way checks exactly as in YYYY-MM-DD") {
  // The random roster's date columns: 毕业日期, 出生日期, 入学日期, 出国日期.
  const std::vector<std::size_t> date_columns{2, 3, 12, 17};
  unsigned seed = 40;
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const Policy& p = engine.policy();
    std::vector<std::vector<std::string>> rows = xueshe::testing::csv_rows(random_roster(p, seed++, 300));
    std::string iso, typed;
    std::size_t turn = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      csv_append_record(iso, rows[r]);
      // Each real day in the next spelling; impossible days stay as they are.
      for (std::size_t c : date_columns)
        if (r > 0 && parse_iso_date(rows[r][c])) {
          const auto spellings = xueshe::testing::date_spellings(rows[r][c]);
          rows[r][c] = spellings[turn++ % spellings.size()];
        }
      csv_append_record(typed, rows[r]);
    }
    CHECK(turn > 600);
    // The annotated rosters with the date cells (as written) left out, and the summaries.
    auto without_dates = [&date_columns](const std::string& csv) {
      auto out = xueshe::testing::csv_rows(csv);
      for (std::size_t r = 1; r < out.size(); ++r)
        for (std::size_t c : date_columns) out[r][c].clear();
      return out;
    };
    for (const Lang lang : {Lang::zh_CN, Lang::en}) {
      INFO(p.id << " " << lang);
      RosterOptions o;
      o.today = p.notice_date;
      o.lang = lang;
      RosterRun a = evaluate_roster(engine, iso, o), b = evaluate_roster(engine, typed, o);
      REQUIRE_FALSE(a.error);
      REQUIRE_FALSE(b.error);
      CHECK(without_dates(annotated_roster_csv(a)) == without_dates(annotated_roster_csv(b)));
      CHECK(roster_summary(a, p) == roster_summary(b, p));
      CHECK(a.rows.size() == 300);
    }
  }
}

TEST_CASE("the column mapping can be overridden: a column's meaning — a column ignored — bad mappings refused") {
  // Headers nobody's vocabulary knows: nothing is detected but what is named.
  const std::string text = "编号,毕业后,毕业时间,生日,党员,状态\n"
                           "1,延迟毕业,,,,已完成\n"
                           "2,参军入伍,2022-06-30,2000-01-01,否,未完成\n";
  RosterRun detected = evaluate_roster(hxci(), text, options("2022-07-01"));
  REQUIRE(detected.error);
  CHECK(detected.error->code == "roster_no_destination_column");

  RosterOptions o = options("2022-07-01");
  o.columns = {{0, "student_id"}, {1, "destination"}, {2, "graduation_date"}, {3, "birth_date"},
               {4, "party_member"}, {5, "status"}};
  RosterRun run = evaluate_roster(hxci(), text, o);
  REQUIRE_FALSE(run.error);
  CHECK(run.columns[1].header == "毕业后");  // the header stays as written
  CHECK(run.columns[1].id == "destination");
  CHECK(run.has_status);
  REQUIRE(run.rows.size() == 2);
  CHECK(run.outcomes[static_cast<std::size_t>(run.rows[0].outcome)].route == "delayed_graduation_org");
  CHECK(run.outcomes[static_cast<std::size_t>(run.rows[1].outcome)].route == "special_unit_pool");
  json s = roster_summary(run, hxci().policy());
  CHECK(s["columns"][3]["column"] == "birth_date");
  CHECK(s["completion"]["must_transfer"] == 1);

  // "" keeps a column as it is, whatever its header names: here the only
  // birth date, so the military row asks for it (every row needs it: the age rule comes first).
  const std::string named = "学号,去向,毕业日期,出生日期,是否党员\n2,参军入伍,2022-06-30,2000-01-01,否\n";
  RosterOptions ignore = options("2022-07-01");
  ignore.columns = {{3, ""}};
  RosterRun without = evaluate_roster(hxci(), named, ignore);
  REQUIRE_FALSE(without.error);
  CHECK(without.columns[3].id.empty());
  const RosterOutcome& asked = without.outcomes[static_cast<std::size_t>(without.rows[0].outcome)];
  CHECK_FALSE(asked.ok);
  CHECK(asked.error_code == "missing_answer_always");
  CHECK(asked.error_field == "birth_date");
  // Columns not listed keep what their header names.
  RosterRun as_named = evaluate_roster(hxci(), named, options("2022-07-01"));
  CHECK(as_named.columns[3].id == "birth_date");
  CHECK_FALSE(as_named.rows[0].has_error(as_named.outcomes));

  auto error_of = [&](std::map<std::size_t, std::string> columns) {
    RosterOptions bad = options("2022-07-01", Lang::en);
    bad.columns = std::move(columns);
    RosterRun r = evaluate_roster(hxci(), named, bad);
    return r.error ? roster_error_body(*r.error, Lang::en)["error"] : json();
  };
  json e = error_of({{5, "name"}});
  CHECK(e["code"] == "roster_column_out_of_range");
  CHECK(e["field"] == "columns");
  CHECK(e["message"] == "The column mapping is wrong: the roster has 5 columns, not a column 6.");
  e = error_of({{1, "favourite_colour"}});
  CHECK(e["code"] == "roster_unknown_column");
  CHECK(e["message"].get<std::string>().find("column 2 cannot be “favourite_colour”") != std::string::npos);
  CHECK(error_of({{0, "destination"}})["code"] == "roster_duplicate_column");  // two columns as 去向
  CHECK(error_of({{1, ""}})["code"] == "roster_no_destination_column");
}
