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

struct CsvRecord {
  std::size_t line = 0;   // physical line (1-based) the record starts on
  std::size_t first = 0;  // index of its first field in CsvTable::fields
  std::size_t count = 0;  // number of fields
  // The record as written, line end excluded. When no field was quoted and
  // there is no problem, it is exactly the fields joined by commas, so a
  // writer may copy it whole (unless a field needs the formula prefix, see
  // csv_append_field).
  std::size_t offset = 0, length = 0;
  bool quoted = false;
  bool formula = false;  // an unquoted field starts as csv_field_needs_prefix says (so it is not written as read)
  // Empty, "csv_unterminated_quote" (a quoted field never closed: the record
  // ends with its line, and reading resumes on the next one) or
  // "csv_stray_quote" (a quote inside an unquoted field, or text after a
  // closing quote: the field is kept as written).
  std::string_view problem;
  std::size_t problem_column = 0;  // 1-based field the problem is in
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
  std::string limit_exceeded;      // "" | "max_records" | "max_fields" | "max_bytes" (4 GiB)
  std::size_t limit_line = 0;

  // Inline: a roster run reads every cell of every row several times.
  std::string_view field(const CsvRecord& r, std::size_t i) const {
    return i < r.count ? field(r.first + i) : std::string_view();
  }
  std::string_view field(std::size_t index) const {
    const std::uint64_t f = fields_[index];
    const char* base = (f >> 63) ? unescaped_.data() : text_.data();
    return std::string_view(base + (f & 0xFFFFFFFFu), static_cast<std::size_t>((f >> 32) & 0x7FFFFFFFu));
  }
  std::string_view raw(const CsvRecord& r) const { return text_.substr(r.offset, r.length); }

 private:
  friend CsvTable read_csv(std::string_view, const CsvLimits&);
  friend class CsvReader;
  // A field: offset (bits 0-31), length (32-62), and bit 63 set when it is
  // in `unescaped_` rather than in the text. One word, written in one store.
  std::string_view text_;
  std::string unescaped_;
  std::vector<std::uint64_t> fields_;
};

// `text` is UTF-8 (a leading BOM is skipped); a text of 2 GiB or more is
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
