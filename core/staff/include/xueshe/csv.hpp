// CSV as rosters are saved (RFC 4180, plus what spreadsheets actually write):
// quoted fields with embedded commas, newlines and doubled quotes; CRLF, LF or
// CR line ends; a UTF-8 BOM; blank lines. The reader never fails as a whole: a
// malformed record (a quote left open, a stray quote) is returned as a record
// with a problem and its line number, and reading goes on after it.
// Decoding bytes to UTF-8 is the front end's job (iconv, TextDecoder).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xueshe {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// 32-bit numbers: read_csv refuses a text of 1 GiB or more, and a roster has
// a record per row (smaller records are less fresh memory to touch).
struct CsvRecord {
  std::uint32_t line = 0;   // physical line (1-based) the record starts on
  std::uint32_t first = 0;  // index of its first field in CsvTable's fields
  std::uint32_t count = 0;  // number of fields
  // The record as written, line end excluded. When no field was quoted and
  // there is no problem, it is exactly the fields joined by commas, so a
  // writer may copy it whole (unless a field needs the formula prefix, see
  // csv_append_field).
  std::uint32_t offset = 0, length = 0;
  std::uint32_t problem_column = 0;  // 1-based field the problem is in
  bool quoted = false;
  bool formula = false;  // an unquoted field starts as csv_field_needs_prefix says (so it is not written as read)
  // Empty, "csv_unterminated_quote" (a quoted field never closed: the record
  // ends with its line, and reading resumes on the next one) or
  // "csv_stray_quote" (a quote inside an unquoted field, or text after a
  // closing quote: the field is kept as written).
  std::string_view problem;
};

struct CsvLimits {
  std::size_t max_records = SIZE_MAX;  // non-blank records, header included
  std::size_t max_fields = SIZE_MAX;   // per record
};

// The records of one text. Fields are views into the text given to read_csv
// (which must outlive the table) or into the table's own storage for fields
// whose doubled quotes were undone.
class CsvTable {
 public:
  std::vector<CsvRecord> records;  // non-blank records, in file order
  std::size_t blank_lines = 0;     // records with no content (empty lines, ",,,"), skipped
  std::size_t lines = 0;           // physical lines in the text
  // Set when a limit was exceeded: reading stopped at `limit_line`.
  std::string limit_exceeded;      // "" | "max_records" | "max_fields" | "max_bytes" (1 GiB)
  std::size_t limit_line = 0;

  // Inline: a roster run reads every cell of every row several times.
  std::string_view field(const CsvRecord& r, std::size_t i) const {
    if (i >= r.count) return {};
    const std::size_t index = r.first + i;
    const std::uint32_t word = fields_[index];
    const std::size_t start = i == 0 ? r.offset : (fields_[index - 1] & kEnd) + 1;  // past the comma
    const std::size_t end = word & kEnd;
    if (!(word & kQuoted)) return std::string_view(text_.data() + start, end - start);
    if (!(word & kUnescaped)) return std::string_view(text_.data() + start + 1, end - start - 2);
    return unescaped(index);
  }
  std::string_view raw(const CsvRecord& r) const { return text_.substr(r.offset, r.length); }

 private:
  friend CsvTable read_csv(std::string_view, const CsvLimits&);
  friend class CsvReader;
  // A field is one 32-bit word (a roster's fields are most of its memory,
  // and fresh memory is slow to touch): where its text as written ends, and
  // whether it was quoted. Its text starts at its record's offset (the first
  // field) or one past the previous field's end (the comma). A quoted field's
  // value is that text less its quotes, or, with doubled quotes inside, in
  // `unescaped_` (unescaped_fields_ says where).
  static constexpr std::uint32_t kEnd = (std::uint32_t{1} << 30) - 1, kUnescaped = std::uint32_t{1} << 30,
                                 kQuoted = std::uint32_t{1} << 31;
  std::string_view unescaped(std::size_t index) const;
  std::string_view text_;
  std::vector<std::uint32_t> fields_;
  std::string unescaped_;
  // The fields in unescaped_, by index in fields_ (ascending), and where each
  // ends in unescaped_ (it starts where the one before ends).
  std::vector<std::uint32_t> unescaped_fields_, unescaped_ends_;
};

// `text` is UTF-8 (a leading BOM is skipped); a text of 1 GiB or more is
// refused (limit_exceeded "max_bytes"): callers limit sizes well below that.
CsvTable read_csv(std::string_view text, const CsvLimits& limits = {});

// Writing: a field is quoted when it holds a comma, quote, CR or LF. A field
// a spreadsheet would run as a formula (one starting with = + - @ TAB CR or
// LF: OWASP "CSV Injection") is written with a leading ' as OWASP recommends,
// and so is one already starting with ', so the original is always the
// written cell less one leading ' (README, "Rosters"). Legitimate values are
// prefixed too ("-5", "+86 …"): a spreadsheet shows them as text.
void csv_append_field(std::string& out, std::string_view field);
// True when csv_append_field writes `field` with a leading ' (inline: the
// reader asks it of every field).
inline bool csv_field_needs_prefix(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': case '\n': case '\'':
      return true;
    default:
      return false;
  }
}
// Fields separated by commas, the record ended by CRLF (what Excel expects).
void csv_append_record(std::string& out, const std::vector<std::string_view>& fields);
void csv_append_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace xueshe
