// The CSV reader: one pass over the text, fields as views, problems as data.
//
// Recovery from a quote left open: RFC 4180 lets a quoted field run over many
// lines, so an unclosed quote is only known at the end of the text. The record
// is then cut at the end of the opening quote's line (an error row) and reading
// resumes on the next line. That rescans the rest of the text, but only once:
// a scan that reached the end unclosed saw only doubled quotes, so every later
// run of quotes has even length, and a field that opens with a quote (always
// after a comma or a line end, so at the start of its run) closes within that
// run. Reading stays linear on any input; the unit tests time a hostile one.
#include <cstring>

#include "xueshe/csv.hpp"

namespace xueshe {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct Special {
  bool table[256] = {};
  constexpr Special() {
    table[static_cast<unsigned char>(',')] = true;
    table[static_cast<unsigned char>('"')] = true;
    table[static_cast<unsigned char>('\r')] = true;
    table[static_cast<unsigned char>('\n')] = true;
  }
};
constexpr Special kSpecial;

inline bool is_eol(char c) { return c == '\n' || c == '\r'; }

}  // namespace

// One record per call of record(), each call a function of its own
// (noinline): a browser runs a wasm function's first calls in baseline code and
// swaps in its optimized code only between calls, never inside a running loop,
// so one call reading a whole roster would run unoptimized from start to end.
class CsvReader {
 public:
  CsvReader(CsvTable& t, std::string_view text, const CsvLimits& limits)
      : t(t), text(text), limits(limits), s(text.data()), n(text.size()),
        pos(text.substr(0, kUtf8Bom.size()) == kUtf8Bom ? kUtf8Bom.size() : 0) {}

  bool more() const { return pos < n; }
  // Reads the record at pos; false when a limit stops the reading.
  [[gnu::noinline]] bool record();
  void finish() { t.lines = ended_with_eol ? line - 1 : line; }

 private:
  void add_field(std::size_t offset, std::size_t length, bool own) {
    t.fields_.push_back(static_cast<std::uint64_t>(offset) | (static_cast<std::uint64_t>(length) << 32) |
                        (own ? std::uint64_t{1} << 63 : 0));
  }
  // Consume one line end at pos, if any.
  void end_line() {
    if (pos < n && s[pos] == '\r') {
      ++pos;
      if (pos < n && s[pos] == '\n') ++pos;
      ++line;
      ended_with_eol = true;
    } else if (pos < n && s[pos] == '\n') {
      ++pos;
      ++line;
      ended_with_eol = true;
    }
  }

  CsvTable& t;
  std::string_view text;
  const CsvLimits& limits;
  const char* s;
  std::size_t n;
  std::size_t pos;
  std::size_t line = 1;
  bool ended_with_eol = true;  // an empty text has no lines
};

bool CsvReader::record() {
  ended_with_eol = false;
  CsvRecord rec;
  rec.line = line;
  rec.first = t.fields_.size();
  rec.offset = pos;
  bool content = false;
  auto problem = [&rec, this](std::string_view what) {
    if (rec.problem.empty()) {
      rec.problem = what;
      rec.problem_column = t.fields_.size() - rec.first;  // the field just added
    }
  };

  for (;;) {  // one field per turn
    if (t.fields_.size() - rec.first >= limits.max_fields) {
      t.limit_exceeded = "max_fields";
      t.limit_line = rec.line;
      t.fields_.resize(rec.first);
      return false;
    }
    if (pos < n && s[pos] == '"') {
      rec.quoted = true;
      const std::size_t open = pos;
      std::size_t close = npos, breaks = 0;
      bool doubled = false;
      for (std::size_t i = open + 1;;) {
        const void* q = std::memchr(s + i, '"', n - i);
        const std::size_t at = q ? static_cast<std::size_t>(static_cast<const char*>(q) - s) : n;
        for (std::size_t j = i; j < at; ++j)
          if (s[j] == '\n' || (s[j] == '\r' && (j + 1 >= at || s[j + 1] != '\n'))) ++breaks;
        if (at >= n) break;
        if (at + 1 < n && s[at + 1] == '"') {
          doubled = true;
          i = at + 2;
          continue;
        }
        close = at;
        break;
      }
      if (close == npos) {
        // Cut the record at the end of the opening quote's line; keep that text as written.
        std::size_t eol = open;
        while (eol < n && !is_eol(s[eol])) ++eol;
        add_field(open, eol - open, false);
        problem("csv_unterminated_quote");
        content = true;
        pos = eol;
        break;
      }
      line += breaks;
      pos = close + 1;
      if (pos < n && s[pos] != ',' && !is_eol(s[pos])) {
        // Text after the closing quote: keep the whole field as written.
        while (pos < n && s[pos] != ',' && !is_eol(s[pos])) ++pos;
        add_field(open, pos - open, false);
        problem("csv_stray_quote");
        content = true;
      } else if (doubled) {
        const std::size_t at = t.unescaped_.size();
        for (std::size_t j = open + 1; j < close; ++j) {
          t.unescaped_.push_back(s[j]);
          if (s[j] == '"') ++j;  // "" -> "
        }
        add_field(at, t.unescaped_.size() - at, true);
        content = true;
      } else {
        add_field(open + 1, close - open - 1, false);
        content = content || close > open + 1;
      }
    } else {
      const std::size_t start = pos;
      bool stray = false;
      while (pos < n) {
        const unsigned char c = static_cast<unsigned char>(s[pos]);
        if (kSpecial.table[c]) {
          if (c != '"') break;
          stray = true;
        }
        ++pos;
      }
      add_field(start, pos - start, false);
      rec.formula = rec.formula || csv_field_needs_prefix(text.substr(start, pos - start));
      if (stray) problem("csv_stray_quote");
      content = content || pos > start;
    }
    if (pos < n && s[pos] == ',') {
      ++pos;
      continue;
    }
    break;
  }
  rec.length = pos - rec.offset;
  end_line();
  rec.count = t.fields_.size() - rec.first;
  if (!content && rec.problem.empty()) {
    t.fields_.resize(rec.first);
    ++t.blank_lines;
    return true;
  }
  if (t.records.size() >= limits.max_records) {
    t.limit_exceeded = "max_records";
    t.limit_line = rec.line;
    t.fields_.resize(rec.first);
    return false;
  }
  t.records.push_back(std::move(rec));
  return true;
}

CsvTable read_csv(std::string_view text, const CsvLimits& limits) {
  CsvTable t;
  t.text_ = text;
  if (text.size() >= (std::size_t{1} << 31)) {
    t.limit_exceeded = "max_bytes";
    return t;
  }
  t.fields_.reserve(text.size() / 4 + 16);   // rosters have fewer fields than that; more just regrow
  t.records.reserve(text.size() / 64 + 16);  // nor shorter records (a roster row is over 100 bytes); more just regrow
  CsvReader reader(t, text, limits);
  while (reader.more())
    if (!reader.record()) return t;
  reader.finish();
  return t;
}

}  // namespace xueshe
