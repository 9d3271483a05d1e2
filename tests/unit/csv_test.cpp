// The CSV reader and writer (core/staff/src/csv_*.cpp): what spreadsheets write,
// and what goes wrong in files people edit by hand.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "support/random_text.hpp"
#include "xueshe/csv.hpp"

using namespace xueshe;

namespace {

struct Rec {
  std::size_t line;
  std::vector<std::string> fields;
  std::string problem;
  std::size_t column;
  bool operator==(const Rec& o) const {
    return line == o.line && fields == o.fields && problem == o.problem && column == o.column;
  }
};

std::ostream& operator<<(std::ostream& os, const Rec& r) {
  os << "{line " << r.line << ", [";
  for (const auto& f : r.fields) os << "<" << f << ">";
  return os << "], " << r.problem << " " << r.column << "}";
}

std::vector<Rec> records(const CsvTable& t) {
  std::vector<Rec> out;
  for (const CsvRecord& r : t.records) {
    Rec rec{r.line, {}, std::string(r.problem()), r.problem_column};
    for (std::size_t i = 0; i < r.count; ++i) rec.fields.emplace_back(t.field(r, i));
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<Rec> read(const std::string& text) { return records(read_csv(text)); }

// CsvTable::fields gives every record's fields as field() gives them one by one.
bool fields_agree(const CsvTable& t) {
  std::vector<std::string_view> all;
  for (const CsvRecord& r : t.records) {
    t.fields(r, all);
    if (all.size() != r.count) return false;
    for (std::size_t i = 0; i < r.count; ++i)
      if (all[i] != t.field(r, i) || all[i].data() != t.field(r, i).data()) return false;
  }
  return true;
}

// The same rules, written the slow and obvious way, character by character.
std::vector<Rec> reference(const std::string& s, std::size_t& blanks) {
  auto eol = [](char c) { return c == '\n' || c == '\r'; };
  std::vector<Rec> out;
  const std::size_t n = s.size();
  std::size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0, line = 1;
  blanks = 0;
  while (i < n) {
    Rec r{line, {}, "", 0};
    bool content = false;
    auto problem = [&r](const char* p) {
      if (r.problem.empty()) {
        r.problem = p;
        r.column = r.fields.size();
      }
    };
    for (;;) {
      if (i < n && s[i] == '"') {
        const std::size_t open = i;
        std::string f;
        std::size_t j = i + 1, breaks = 0;
        bool closed = false;
        while (j < n) {
          if (s[j] == '"') {
            if (j + 1 < n && s[j + 1] == '"') {
              f += '"';
              j += 2;
              continue;
            }
            closed = true;
            break;
          }
          if (s[j] == '\n' || (s[j] == '\r' && (j + 1 >= n || s[j + 1] != '\n'))) ++breaks;
          f += s[j++];
        }
        if (!closed) {
          std::size_t e = open;
          while (e < n && !eol(s[e])) ++e;
          r.fields.push_back(s.substr(open, e - open));
          problem("csv_unterminated_quote");
          content = true;
          i = e;
          break;
        }
        line += breaks;
        i = j + 1;
        if (i < n && s[i] != ',' && !eol(s[i])) {
          std::size_t e = i;
          while (e < n && s[e] != ',' && !eol(s[e])) ++e;
          r.fields.push_back(s.substr(open, e - open));
          problem("csv_stray_quote");
          content = true;
          i = e;
        } else {
          content = content || !f.empty();
          r.fields.push_back(f);
        }
      } else {
        const std::size_t start = i;
        bool stray = false;
        for (; i < n && s[i] != ',' && !eol(s[i]); ++i)
          if (s[i] == '"') stray = true;
        r.fields.push_back(s.substr(start, i - start));
        if (stray) problem("csv_stray_quote");
        content = content || i > start;
      }
      if (i < n && s[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (i < n && s[i] == '\r') {
      ++i;
      if (i < n && s[i] == '\n') ++i;
      ++line;
    } else if (i < n && s[i] == '\n') {
      ++i;
      ++line;
    }
    if (!content && r.problem.empty()) {
      ++blanks;
      continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TEST_CASE("csv: plain records — CRLF and LF — each with the line it starts on") {
  auto r = read("a,b\r\nc,d\ne,f");
  REQUIRE(r.size() == 3);
  CHECK(r[0] == Rec{1, {"a", "b"}, "", 0});
  CHECK(r[1] == Rec{2, {"c", "d"}, "", 0});
  CHECK(r[2] == Rec{3, {"e", "f"}, "", 0});
  CHECK(read_csv("a,b\r\nc,d\ne,f").lines == 3);
  CHECK(read_csv("a,b\r\nc,d\n").lines == 2);
}

TEST_CASE("csv: a lone CR ends a line too (old Mac exports)") {
  auto r = read("a\rb\rc");
  REQUIRE(r.size() == 3);
  CHECK(r[2] == Rec{3, {"c"}, "", 0});
}

TEST_CASE("csv: quoted fields keep commas — doubled quotes and line breaks") {
  auto t = read_csv("\"张三, Jr.\",\"say \"\"hi\"\"\",\"line 1\r\nline 2\nline 3\",x\r\nnext,row\r\n");
  auto r = records(t);
  REQUIRE(r.size() == 2);
  CHECK(r[0] == Rec{1, {"张三, Jr.", "say \"hi\"", "line 1\r\nline 2\nline 3", "x"}, "", 0});
  CHECK(r[1] == Rec{4, {"next", "row"}, "", 0});  // the quoted field spanned lines 1-3
  CHECK(t.records[0].quoted);
  CHECK_FALSE(t.records[1].quoted);
  CHECK(t.lines == 4);
}

TEST_CASE("csv: a UTF-8 BOM is skipped - an empty text has no records") {
  CHECK(read("\xEF\xBB\xBF" "学号,姓名\r\n1,张三\r\n")[0] == Rec{1, {"学号", "姓名"}, "", 0});
  CHECK(read("").empty());
  CHECK(read("\xEF\xBB\xBF").empty());
  CHECK(read_csv("").lines == 0);
}

TEST_CASE("csv: blank lines and rows of empty cells are skipped but counted") {
  auto t = read_csv("h1,h2\r\n\r\n,\r\n\"\",\"\"\r\nx,y\r\n\r\n");
  auto r = records(t);
  REQUIRE(r.size() == 2);
  CHECK(r[1] == Rec{5, {"x", "y"}, "", 0});
  CHECK(t.blank_lines == 4);
  CHECK(t.lines == 6);
}

TEST_CASE("csv: ragged rows keep the fields they have") {
  auto r = read("a,b,c\nd\ne,f,g,h\n,,,x\n");
  REQUIRE(r.size() == 4);
  CHECK(r[0].fields.size() == 3);
  CHECK(r[1].fields == std::vector<std::string>{"d"});
  CHECK(r[2].fields.size() == 4);
  CHECK(r[3].fields == std::vector<std::string>{"", "", "", "x"});
}

TEST_CASE("csv: an unterminated quote at the end is an error row — cut at its line - reading goes on") {
  auto r = read("h1,h2\na,\"b\nc,d\ne,f");
  REQUIRE(r.size() == 4);
  CHECK(r[1] == Rec{2, {"a", "\"b"}, "csv_unterminated_quote", 2});
  CHECK(r[2] == Rec{3, {"c", "d"}, "", 0});
  CHECK(r[3] == Rec{4, {"e", "f"}, "", 0});
  CHECK(read("\"") == std::vector<Rec>{Rec{1, {"\""}, "csv_unterminated_quote", 1}});
  CHECK(read("a,\"") == std::vector<Rec>{Rec{1, {"a", "\""}, "csv_unterminated_quote", 2}});
}

TEST_CASE("csv: stray quotes are error rows that keep the field as written") {
  auto r = read("a\"b,c\n\"ab\"c,d\n\"ok\",\"\"\"\"\n");
  REQUIRE(r.size() == 3);
  CHECK(r[0] == Rec{1, {"a\"b", "c"}, "csv_stray_quote", 1});
  CHECK(r[1] == Rec{2, {"\"ab\"c", "d"}, "csv_stray_quote", 1});
  CHECK(r[2] == Rec{3, {"ok", "\""}, "", 0});
}

TEST_CASE("csv: a record's raw text is its fields joined by commas when nothing was quoted") {
  auto t = read_csv("a,b,,c\r\n\"q\",r\n");
  CHECK(t.raw(t.records[0]) == "a,b,,c");
  CHECK_FALSE(t.records[0].quoted);
  CHECK(t.raw(t.records[1]) == "\"q\",r");
  CHECK(t.records[1].quoted);
}

TEST_CASE("csv: limits stop reading with the line where they were exceeded") {
  auto rows = read_csv("a\nb\nc\nd\n", CsvLimits{3, 10});
  CHECK(rows.limit_exceeded == "max_records");
  CHECK(rows.limit_line == 4);
  auto fields = read_csv("a,b\nc,d,e,f\n", CsvLimits{10, 3});
  CHECK(fields.limit_exceeded == "max_fields");
  CHECK(fields.limit_line == 2);
  CHECK(read_csv("a,b,c\n", CsvLimits{10, 3}).limit_exceeded.empty());
}

TEST_CASE("csv: a table can be moved - its fields stay readable") {
  CsvTable t = read_csv("\"x\"\"y\",z\n");
  CsvTable moved = std::move(t);
  CHECK(moved.field(moved.records[0], 0) == "x\"y");
  CHECK(moved.field(moved.records[0], 1) == "z");
  CHECK(moved.field(moved.records[0], 5).empty());  // past the end: empty
}

// `s` read by read_csv exactly as the reference reads it, fields() and field() agreeing.
static void read_as_reference(const std::string& s) {
  std::size_t blanks = 0;
  auto expected = reference(s, blanks);
  CsvTable t = read_csv(s);
  INFO("text: " << s);
  REQUIRE(records(t) == expected);
  REQUIRE(t.blank_lines == blanks);
  REQUIRE(fields_agree(t));
}

TEST_CASE("csv: 20000 random texts read exactly as the character-by-character reference reads them") {
  std::mt19937 rng(20220516);
  const std::vector<std::string> alphabet = {"a", "b", ",", "\"", "\"", "\n", "\r", " "};
  for (int k = 0; k < 20000; ++k)
    read_as_reference(((k % 7 == 0) ? "\xEF\xBB\xBF" : "") + xueshe::testing::random_text(rng, alphabet, 48));
}

TEST_CASE("csv: random texts of long cells (Chinese, digits, formula characters) read as the reference reads them") {
  // Runs of ordinary bytes long enough for the reader's blocks of 8 or 16 bytes, specials now and then;
  // "€" and "，" end in a byte that is a comma's with its top bit set (0xAC), or near it (0x8C).
  std::mt19937 rng(20261203);
  const std::vector<std::string> pieces = {"张三", "已就业", "2022-06-30", "a", "=1", "-", "+", "@", "'", " ", "\t",
                                           "\xE9\x83\xA8", "€", "，", ",", ",", "\"", "\n", "\r\n", "\r"};
  for (int k = 0; k < 5000; ++k) read_as_reference(xueshe::testing::random_text(rng, pieces, 40, rng() % 4 == 0 ? 0 : 12));
}

TEST_CASE("csv: a record of 16 KiB or more keeps its fields in wide words — read one by one or all at once") {
  const std::string long_cell(20000, 'x');
  const std::string text = "a,\"say \"\"hi\"\"\"," + long_cell + ",\"q,\"\"" + long_cell + "\",z\r\nshort,row\r\n";
  const CsvTable t = read_csv(text);
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].wide);
  CHECK_FALSE(t.records[1].wide);
  CHECK(t.field(t.records[0], 1) == "say \"hi\"");
  CHECK(t.field(t.records[0], 2) == long_cell);
  CHECK(t.field(t.records[0], 3) == "q,\"" + long_cell);
  CHECK(t.field(t.records[0], 4) == "z");
  CHECK(fields_agree(t));
}

TEST_CASE("csv: a record is marked formula exactly when an unquoted field starts as csv_field_needs_prefix says — every first byte") {
  // The writer copies a record as read unless it is quoted or marked (written_as_read): a missed mark would let a
  // formula through unprefixed.
  for (int b = 1; b < 256; ++b) {
    const std::string cell = std::string(1, static_cast<char>(b)) + "1+1";
    for (const std::string& text : {cell + ",x,y\n", "x," + cell + ",y\n", "x,y," + cell}) {
      INFO("byte " << b << " text <" << text << ">");
      const CsvTable t = read_csv(text);
      REQUIRE_FALSE(t.records.empty());
      const CsvRecord& r = t.records.front();
      bool expected = false;
      for (std::size_t i = 0; i < r.count; ++i) expected = expected || csv_field_needs_prefix(t.field(r, i));
      CHECK(r.formula == expected);
    }
  }
}

TEST_CASE("csv: reading stays linear on hostile input (an unclosed quote — then 100000 quoted lines)") {
  std::string s = "\"";
  for (int i = 0; i < 100000; ++i) s += "\n\"\",\"\"\"\"";
  auto start = std::chrono::steady_clock::now();
  CsvTable t = read_csv(s);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(t.records.size() == 100001);
  CHECK(t.records[0].problem() == "csv_unterminated_quote");
  CHECK(t.records[1].line == 2);
  CHECK(t.field(t.records[100000], 1) == "\"");
  CHECK(seconds < 5.0);  // quadratic rescanning would take minutes
}

TEST_CASE("csv: writing quotes only what needs it - records end with CRLF") {
  std::string out;
  csv_append_record(out, std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", "", "张三"});
  CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,张三\r\n");
  auto back = read(out);
  REQUIRE(back.size() == 1);
  CHECK(back[0].fields == std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", "", "张三"});
}

TEST_CASE("csv: a cell a spreadsheet would run gets a leading ' (OWASP) — and the original is the cell less one '") {
  const std::vector<std::string> cells = {
      "=HYPERLINK(\"http://x.invalid\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR", "\nLF",
      "'quoted already", "'", "=", "-", "a=b", " =1+1", "张三", "2022-06-30", ""};
  for (const std::string& cell : cells) {
    INFO("cell <" << cell << ">");
    std::string out;
    csv_append_field(out, cell);
    auto back = read(out + "\r\n");
    REQUIRE(back.size() == (cell.empty() ? 0u : 1u));
    if (cell.empty()) continue;
    const std::string written = back[0].fields.at(0);
    const bool formula = std::string("=+-@\t\r\n'").find(cell.front()) != std::string::npos;
    CHECK(csv_field_needs_prefix(cell) == formula);
    if (formula) {
      CHECK(written == "'" + cell);
    } else {
      CHECK(written == cell);
    }
    // Recovering: one leading ' dropped, when there is one.
    CHECK((written.front() == '\'' ? written.substr(1) : written) == cell);
  }
  // Quoted or not, the prefix is inside the field.
  std::string out;
  csv_append_record(out, std::vector<std::string>{"=1+1", "-a,b", "\r\nx", "@\"q\""});
  CHECK(out == "'=1+1,\"'-a,b\",\"'\r\nx\",\"'@\"\"q\"\"\"\r\n");
}
