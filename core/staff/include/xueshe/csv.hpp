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

#include "xueshe/byte_set.hpp"

namespace xueshe {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// What is wrong with a record, if anything (CsvRecord::problem).
enum class CsvProblem : std::uint8_t { none, unterminated_quote, stray_quote };

// 32-bit numbers: read_csv refuses a text of 1 GiB or more, and a roster has
// a record per row (smaller records are less fresh memory to touch: 28 bytes).
struct CsvRecord {
  std::uint32_t line = 0;   // physical line (1-based) the record starts on
  std::uint32_t first = 0;  // index of its first field in CsvTable's fields (narrow or wide)
  std::uint32_t count = 0;  // number of fields
  // The record as written, line end excluded. When no field was quoted and
  // there is no problem, it is exactly the fields joined by commas, so a
  // writer may copy it whole (unless a field needs the formula prefix, see
  // csv_append_field).
  std::uint32_t offset = 0, length = 0;
  std::uint32_t problem_column = 0;  // 1-based field the problem is in
  bool quoted = false;
  bool formula = false;  // an unquoted field starts as csv_field_needs_prefix says (so it is not written as read)
  bool wide = false;     // 16 KiB or longer: its fields are kept in 32-bit words, not 16-bit ones
  CsvProblem problem_kind = CsvProblem::none;

  // Empty, "csv_unterminated_quote" (a quoted field never closed: the record
  // ends with its line, and reading resumes on the next one) or
  // "csv_stray_quote" (a quote inside an unquoted field, or text after a
  // closing quote: the field is kept as written).
  std::string_view problem() const {
    switch (problem_kind) {
      case CsvProblem::unterminated_quote: return "csv_unterminated_quote";
      case CsvProblem::stray_quote: return "csv_stray_quote";
      case CsvProblem::none: break;
    }
    return {};
  }
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
    if (!r.wide) {
      const std::uint16_t* f = narrow_.data() + r.first;
      const std::size_t start = i == 0 ? r.offset : r.offset + (f[i - 1] & kNarrowEnd) + 1u;  // past the comma
      return value(start, r.offset + (f[i] & kNarrowEnd), f[i] >> 14);
    }
    const std::uint32_t* f = wide_.data() + r.first;
    return value(i == 0 ? r.offset : (f[i - 1] & kWideEnd) + 1u, f[i] & kWideEnd, f[i] >> 30);
  }
  // Every field of `r` into `out` (resized to r.count), field(r, i) for each
  // i read in one pass: a roster row reads most of its fields.
  void fields(const CsvRecord& r, std::vector<std::string_view>& out) const {
    out.resize(r.count);
    std::size_t start = r.offset;
    if (!r.wide && !r.quoted) {  // every field as written (nearly every roster row)
      const std::uint16_t* f = narrow_.data() + r.first;
      const char* const text = text_.data() + r.offset;
      std::size_t from = 0;
      for (std::size_t i = 0; i < r.count; ++i) {
        const std::size_t to = f[i];  // no quoting bits: the end itself
        out[i] = std::string_view(text + from, to - from);
        from = to + 1;
      }
    } else if (!r.wide) {
      const std::uint16_t* f = narrow_.data() + r.first;
      for (std::size_t i = 0; i < r.count; ++i) {
        const std::size_t end = r.offset + (f[i] & kNarrowEnd);
        out[i] = value(start, end, f[i] >> 14);
        start = end + 1;  // past the comma
      }
    } else {
      const std::uint32_t* f = wide_.data() + r.first;
      for (std::size_t i = 0; i < r.count; ++i) {
        const std::size_t end = f[i] & kWideEnd;
        out[i] = value(start, end, f[i] >> 30);
        start = end + 1;
      }
    }
  }
  std::string_view raw(const CsvRecord& r) const { return text_.substr(r.offset, r.length); }

 private:
  friend CsvTable read_csv(std::string_view, const CsvLimits&);
  friend class CsvReader;
  // A field is one small word (a roster's fields are most of its memory, and
  // fresh memory is slow to touch): where its text as written ends, and two
  // bits, quoted and unescaped. In a record under 16 KiB (nearly all) the
  // word is 16 bits, the end counted from the record's offset; in a longer
  // ("wide") one it is 32 bits, the end counted from the text's start. A
  // field's text starts at its record's offset (the first field) or one past
  // the previous field's end (the comma). A quoted field's value is that text
  // less its quotes, or, with doubled quotes inside, in `unescaped_`.
  static constexpr unsigned kQuotedBit = 2, kUnescapedBit = 1;  // the top two bits of a word
  static constexpr std::uint16_t kNarrowEnd = (1u << 14) - 1;
  static constexpr std::uint32_t kWideEnd = (std::uint32_t{1} << 30) - 1;
  std::string_view unescaped(std::size_t end) const;
  // The value of a field whose text as written is [start, end): as written,
  // less its quotes, or (doubled quotes inside) undone in unescaped_.
  std::string_view value(std::size_t start, std::size_t end, unsigned quoting) const {
    if (!(quoting & kQuotedBit)) return std::string_view(text_.data() + start, end - start);
    if (!(quoting & kUnescapedBit)) return std::string_view(text_.data() + start + 1, end - start - 2);
    return unescaped(end);
  }
  std::string_view text_;
  std::vector<std::uint16_t> narrow_;
  std::vector<std::uint32_t> wide_;
  std::string unescaped_;
  // The fields in unescaped_, by where their text ends in text_ (ascending),
  // and where each ends in unescaped_ (it starts where the one before ends).
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
// The first bytes that make a field a formula, and so written with a leading '
// (and the ' itself). The reader asks it of every field, the writer of every cell.
inline constexpr ByteSet kCsvFormulaStart{std::string_view("=+-@\t\r\n'")};
// True when csv_append_field writes `field` with a leading ' (inline: the
// reader asks it of every field).
inline bool csv_field_needs_prefix(std::string_view field) { return !field.empty() && kCsvFormulaStart(field.front()); }
// Fields separated by commas, the record ended by CRLF (what Excel expects).
void csv_append_record(std::string& out, const std::vector<std::string_view>& fields);
void csv_append_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace xueshe
