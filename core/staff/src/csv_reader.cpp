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
#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && !defined(XUESHE_CSV_WORDS)
#define XUESHE_CSV_SSE2
#include <emmintrin.h>
#endif

#include "xueshe/csv.hpp"

namespace xueshe {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

constexpr ByteSet kSpecial{std::string_view(",\"\r\n", 4)};

inline bool is_eol(char c) { return c == '\n' || c == '\r'; }

// From `at`, past the bytes that cannot be special, eight at a time: every
// special byte (comma, quote, CR, LF) is under '0', and a roster's cells are
// mostly Chinese text (bytes from 0x80) and digits. Stops at the first byte
// under '0' (special or not: '-', '/', a space), or where fewer than eight
// bytes are left; the caller looks at the bytes from there one by one. Only
// where the machine is little-endian (x86, ARM, wasm); elsewhere it does not move.
inline const char* skip_ordinary(const char* at, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  for (; end - at >= 8; at += 8) {
    std::uint64_t w;
    std::memcpy(&w, at, sizeof w);
    // A byte under '0' borrows in w - '0'...: its top bit set where the byte's own top bit is not. The lowest
    // such byte is exact (a borrow only reaches bytes above it).
    if (const std::uint64_t under = (w - kOnes * '0') & ~w & kHighs) return at + (__builtin_ctzll(under) >> 3);
  }
#endif
  return at;
}

// The first special byte (comma, quote, CR, LF) from `at` on, or `end`.
inline const char* next_special(const char* at, const char* end) {
  for (;; ++at) {
    at = skip_ordinary(at, end);
    if (at == end || kSpecial(*at)) return at;
  }
}

// The commas among the `count` bytes at `at` (the bytes of a block: kBlock,
// or fewer at a line's end), one bit set per comma, the i-th byte's at bit
// i << kCommaShift; `available` is how many bytes from `at` are the text's
// (a whole block is read when there are that many, and bits past `count`
// are dropped). With SSE2 (every x86-64) a block is 16 bytes compared at
// once; elsewhere (wasm, ARM; XUESHE_CSV_WORDS, for the tests) 8, compared
// as one 64-bit word.
#if defined(XUESHE_CSV_SSE2)
constexpr std::size_t kBlock = 16;
constexpr unsigned kCommaShift = 0;
inline std::uint64_t commas_in(const char* at, std::size_t count, std::size_t available) {
  unsigned bits;
  if (available >= kBlock) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(','))));
  } else {
    bits = 0;
    for (std::size_t i = 0; i < count && i < kBlock; ++i) bits |= static_cast<unsigned>(at[i] == ',') << i;
  }
  return count >= kBlock ? bits : bits & ((1u << count) - 1);
}
#else
constexpr std::size_t kBlock = 8;
constexpr unsigned kCommaShift = 3;
inline std::uint64_t commas_in(const char* at, std::size_t count, std::size_t available) {
  std::uint64_t w = 0;  // byte i of the text as byte i of the word; bytes past `count` are 0 (not a comma)
  if (available >= kBlock) {
    std::memcpy(&w, at, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    if (count < kBlock) w &= (std::uint64_t{1} << (8 * count)) - 1;
  } else {
    for (std::size_t i = 0; i < count; ++i) w |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
  }
  // Bit 7 of each byte set where it is 0 after the xor, exactly: no carry crosses from one byte to the
  // next (a byte's low seven bits plus 0x7F stay under 0x100).
  constexpr std::uint64_t kLows = 0x7F7F7F7F7F7F7F7FULL, kCommas = 0x2C2C2C2C2C2C2C2CULL;
  const std::uint64_t x = w ^ kCommas;
  return ~(((x & kLows) + kLows) | x | kLows);
}
#endif

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
  // A field of the record being read, whose text as written ends at `end`;
  // `quoting` is CsvTable::kQuotedBit and kUnescapedBit.
  void add_field(std::size_t end, unsigned quoting = 0) { fields.push_back(static_cast<std::uint32_t>(end) | quoting << 30); }
  // The record's fields into the table, 16 bits each when the record is short enough.
  void keep_fields(CsvRecord& rec) {
    rec.wide = rec.length > CsvTable::kNarrowEnd;
    if (!rec.wide) {
      const std::size_t first = t.narrow_.size();
      rec.first = static_cast<std::uint32_t>(first);
      t.narrow_.resize(first + fields.size());  // one size check for the record, not one per field
      std::uint16_t* to = t.narrow_.data() + first;
      for (std::uint32_t f : fields)
        *to++ = static_cast<std::uint16_t>(((f & CsvTable::kWideEnd) - rec.offset) | (f >> 30) << 14);
    } else {
      rec.first = static_cast<std::uint32_t>(t.wide_.size());
      t.wide_.insert(t.wide_.end(), fields.begin(), fields.end());
    }
  }
  // Forgets the unescaped fields of a record not kept (one that starts at `offset`).
  void drop_unescaped(std::size_t offset) {
    while (!t.unescaped_fields_.empty() && t.unescaped_fields_.back() >= offset) {
      t.unescaped_fields_.pop_back();
      t.unescaped_ends_.pop_back();
    }
  }
  // The record at pos when it holds no quote (nearly every roster row): its
  // line's end and the text's next quote are found by memchr (a few bytes an
  // instruction), and the fields between are cut at its commas, found a
  // block of bytes at a time (commas_in). Each field's end into `fields`, pos past the
  // last field, `content` and rec.formula set. False, with nothing changed,
  // when the line holds a quote or the fields reach the limit: the general
  // loop then reads the record from its start and says what it finds.
  bool plain_record(CsvRecord& rec, bool& content) {
    const std::size_t line_end = std::min(next_of('\n', next_lf), next_of('\r', next_cr));
    if (next_of('"', next_quote) < line_end) return false;
    // Room for the fields: a line of L bytes has at most L + 1, and no more than the limit are written
    // here. In `room`, which only ever grows (making room in `fields` itself would fill a line's worth of
    // words with zeros, record after record); the fields found are copied to `fields` at the end.
    const std::size_t most = std::min(line_end - pos + 1, limits.max_fields);
    if (room.size() < most) room.resize(most);
    std::uint32_t* to = room.data();
    std::uint32_t* const room_end = to + most;  // reached only at the limit: a line's fields all fit
    bool any = false, formula = false;
    std::size_t start = pos;  // of the field being read
    // A field ends at `end` (a comma, or the line's end); false when it would be one past the limit.
    auto field_ends = [&](std::size_t end) {
      if (to == room_end) return false;
      *to++ = static_cast<std::uint32_t>(end);
      const bool filled = end > start;
      any = any || filled;
      formula = formula || (filled && kCsvFormulaStart(s[start]));
      start = end + 1;
      return true;
    };
    for (std::size_t at = pos; at < line_end; at += kBlock)
      for (std::uint64_t commas = commas_in(s + at, line_end - at, n - at); commas; commas &= commas - 1)
        if (!field_ends(at + (static_cast<std::size_t>(__builtin_ctzll(commas)) >> kCommaShift)))
          return false;
    if (!field_ends(line_end)) return false;
    fields.assign(room.data(), to);
    pos = line_end;
    content = any;
    rec.formula = formula;
    return true;
  }
  // The first `c` at or after pos (n if none), kept in `cached` from one call
  // to the next: pos only moves on, so one memchr finds it for every record
  // up to it (a text with no quote is searched for quotes once).
  std::size_t next_of(char c, std::size_t& cached) const {
    if (cached == npos || cached < pos) {
      const void* found = std::memchr(s + pos, c, n - pos);
      cached = found ? static_cast<std::size_t>(static_cast<const char*>(found) - s) : n;
    }
    return cached;
  }
  bool any_record(CsvRecord& rec, bool& content);
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
  std::vector<std::uint32_t> fields;  // the record being read: each field's end in the text, and its quoting
  std::vector<std::uint32_t> room;    // plain_record's fields as it finds them
  std::string_view text;
  const CsvLimits& limits;
  const char* s;
  std::size_t n;
  std::size_t pos;
  std::size_t line = 1;
  bool ended_with_eol = true;  // an empty text has no lines
  std::size_t next_lf = npos, next_cr = npos, next_quote = npos;  // next_of's memory
};

bool CsvReader::record() {
  ended_with_eol = false;
  CsvRecord rec;
  rec.line = static_cast<std::uint32_t>(line);
  rec.offset = static_cast<std::uint32_t>(pos);
  fields.clear();
  bool content = false;
  if (!plain_record(rec, content) && !any_record(rec, content)) return false;  // a limit stopped the reading
  rec.length = static_cast<std::uint32_t>(pos - rec.offset);
  end_line();
  rec.count = static_cast<std::uint32_t>(fields.size());
  if (!content && rec.problem_kind == CsvProblem::none) {
    drop_unescaped(rec.offset);
    ++t.blank_lines;
    return true;
  }
  if (t.records.size() >= limits.max_records) {
    t.limit_exceeded = "max_records";
    t.limit_line = rec.line;
    drop_unescaped(rec.offset);
    return false;
  }
  keep_fields(rec);
  t.records.push_back(std::move(rec));
  return true;
}

// The record at pos, whatever it holds (quoted fields, quotes out of place, a
// quote left open); false when a limit stops the reading.
bool CsvReader::any_record(CsvRecord& rec, bool& content) {
  auto problem = [&rec, this](CsvProblem what) {
    if (rec.problem_kind == CsvProblem::none) {
      rec.problem_kind = what;
      rec.problem_column = static_cast<std::uint32_t>(fields.size());  // the field just added
    }
  };

  for (;;) {  // one field per turn
    if (fields.size() >= limits.max_fields) {
      t.limit_exceeded = "max_fields";
      t.limit_line = rec.line;
      drop_unescaped(rec.offset);
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
        add_field(eol);
        problem(CsvProblem::unterminated_quote);
        content = true;
        pos = eol;
        break;
      }
      line += breaks;
      pos = close + 1;
      if (pos < n && s[pos] != ',' && !is_eol(s[pos])) {
        // Text after the closing quote: keep the whole field as written.
        while (pos < n && s[pos] != ',' && !is_eol(s[pos])) ++pos;
        add_field(pos);
        problem(CsvProblem::stray_quote);
        content = true;
      } else if (doubled) {
        for (std::size_t j = open + 1; j < close; ++j) {
          t.unescaped_.push_back(s[j]);
          if (s[j] == '"') ++j;  // "" -> "
        }
        t.unescaped_fields_.push_back(static_cast<std::uint32_t>(pos));
        t.unescaped_ends_.push_back(static_cast<std::uint32_t>(t.unescaped_.size()));
        add_field(pos, CsvTable::kQuotedBit | CsvTable::kUnescapedBit);
        content = true;
      } else {
        add_field(pos, CsvTable::kQuotedBit);
        content = content || close > open + 1;
      }
    } else {
      const std::size_t start = pos;
      bool stray = false;
      const char* at = next_special(s + pos, s + n);
      while (at != s + n && *at == '"') {  // a quote inside an unquoted field: kept, and said
        stray = true;
        at = next_special(at + 1, s + n);
      }
      pos = static_cast<std::size_t>(at - s);
      add_field(pos);
      if (pos > start) {
        content = true;
        rec.formula = rec.formula || kCsvFormulaStart(s[start]);
      }
      if (stray) problem(CsvProblem::stray_quote);
    }
    if (pos < n && s[pos] == ',') {
      ++pos;
      continue;
    }
    break;
  }
  return true;
}

std::string_view CsvTable::unescaped(std::size_t end) const {
  const auto at = static_cast<std::size_t>(
      std::lower_bound(unescaped_fields_.begin(), unescaped_fields_.end(), end) - unescaped_fields_.begin());
  const std::size_t start = at == 0 ? 0 : unescaped_ends_[at - 1];
  return std::string_view(unescaped_).substr(start, unescaped_ends_[at] - start);
}

CsvTable read_csv(std::string_view text, const CsvLimits& limits) {
  CsvTable t;
  t.text_ = text;
  if (text.size() > CsvTable::kWideEnd) {
    t.limit_exceeded = "max_bytes";
    return t;
  }
  t.narrow_.reserve(text.size() / 4 + 16);   // rosters have fewer fields than that; more just regrow
  t.records.reserve(text.size() / 64 + 16);  // nor shorter records (a roster row is over 100 bytes); more just regrow
  CsvReader reader(t, text, limits);
  while (reader.more())
    if (!reader.record()) return t;
  reader.finish();
  return t;
}

}  // namespace xueshe
