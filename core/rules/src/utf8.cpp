#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && !defined(XUESHE_UTF8_SCALAR)
#define XUESHE_UTF8_SSE2
#include <emmintrin.h>
#endif

#include "xueshe/strict_json.hpp"

namespace xueshe {

namespace {

// A three-byte character that can be neither overlong (E0) nor a surrogate
// (ED) starts at i: most of a Chinese text.
inline bool plain_three_byte(const unsigned char* b, std::size_t i, std::size_t size) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (size - i >= 4) {  // the lead (E0-EF) and both continuation bytes (10xxxxxx) in one comparison
    std::uint32_t w;
    std::memcpy(&w, b + i, 4);
    const std::uint32_t lead = w & 0xFFu;
    return (w & 0xC0C0F0u) == 0x8080E0u && lead != 0xE0u && lead != 0xEDu;
  }
#endif
  const unsigned lead = b[i];
  return lead - 0xE1u < 15u && lead != 0xEDu && size - i >= 3 && (b[i + 1] & 0xC0u) == 0x80u &&
         (b[i + 2] & 0xC0u) == 0x80u;
}

// Reads characters from i on while i < stop and returns where it stopped: a
// character's start at or past stop, or (bad set) the first byte that is not
// UTF-8. A function of its own, called once per block of the text
// (noinline): a browser swaps a wasm function's optimized code in only
// between calls, never inside a running loop.
[[gnu::noinline]] std::size_t scan(std::string_view s, std::size_t i, std::size_t stop, bool& bad) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t size = s.size();
  while (i < stop) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      // ASCII runs (a roster's digits, dates, commas) eight bytes at a time.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      // And from a word with other bytes, straight past its leading ASCII ones (at least b[i]).
      std::uint64_t w;
      while (size - i >= 8) {
        std::memcpy(&w, b + i, 8);
        if (const std::uint64_t high = w & 0x8080808080808080ULL) {
          i += static_cast<std::size_t>(__builtin_ctzll(high)) >> 3;
          break;
        }
        i += 8;
      }
      if (size - i < 8 && i < size && b[i] < 0x80) ++i;  // the last few bytes: one at a time
#else
      ++i;
      for (std::uint64_t w; size - i >= 8; i += 8) {
        std::memcpy(&w, b + i, 8);
        if (w & 0x8080808080808080ULL) break;
      }
#endif
      continue;
    }
    if (plain_three_byte(b, i, size)) {
      do i += 3;
      while (i < stop && plain_three_byte(b, i, size));
      continue;
    }
    std::size_t len;
    unsigned cp;
    bad = true;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
    else return i;
    if (s.size() - i < len) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((b[i + k] & 0xC0u) != 0x80u) return i;
      cp = (cp << 6) | (b[i + k] & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return i;  // overlong
    if (cp >= 0xD800 && cp <= 0xDFFF) return i;                           // surrogate
    if (cp > 0x10FFFF) return i;
    bad = false;
    i += len;
  }
  return i;
}

// The first byte from `from` (a character's start) on that is not UTF-8, or npos.
std::size_t first_invalid_from(std::string_view s, std::size_t from) {
  constexpr std::size_t kBlock = 64 * 1024;
  for (std::size_t i = from; i < s.size();) {
    bool bad = false;
    i = scan(s, i, std::min(s.size(), i + kBlock), bad);
    if (bad) return i;
  }
  return std::string_view::npos;
}

#if defined(XUESHE_UTF8_SSE2)
// Where x86-64's SSE2 is (every such machine), 16 bytes are checked at once:
// each test below is one comparison of all 16, its answer a 16-bit mask, bit
// i for byte i. Well-formed UTF-8 (RFC 3629) is exactly:
//   - no byte C0, C1 or F5-FF;
//   - the continuation bytes (80-BF) are exactly those 1 after a lead
//     (C2-F4), 2 after a lead from E0, 3 after a lead from F0;
//   - after E0 comes A0-BF, after ED 80-9F, after F0 90-BF, after F4 80-8F.
// A lead's followers may be in the next block: each block's lead masks are
// kept for the next. Only whether the text is well-formed is found so; at
// the first block that is not, the byte-by-byte scan says where, from the
// last block boundary that was also a character's start.
std::size_t first_invalid_sse2(std::string_view s) {
  const char* const text = s.data();
  const std::size_t size = s.size();
  auto bytes_under = [](__m128i v, int limit) {  // bytes 80..(limit-1), limit 81..C0 as a signed byte
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(limit)))));
  };
  auto bytes_from = [](__m128i v, int low) {  // bytes low..FF with low from C1, or any of them below 80
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(low - 1)))));
  };
  auto bytes_equal = [](__m128i v, int byte) {
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(byte)))));
  };
  // The leads of the block before (bit i: byte i of it), for their followers here.
  unsigned lead_c0 = 0, lead_e0 = 0, lead_f0 = 0, is_e0 = 0, is_ed = 0, is_f0 = 0, is_f4 = 0;
  // Whether leads among the last bytes of a block (lead masks as below) want followers past it.
  auto runs_on = [](unsigned c0, unsigned e0, unsigned f0) { return ((c0 >> 15) | (e0 >> 14) | (f0 >> 13)) != 0; };
  // Mask m of this block moved k bytes on, the previous block's `before` coming in.
  auto on = [](unsigned m, unsigned before, unsigned k) { return ((m << k) | (before >> (16 - k))) & 0xFFFFu; };
  std::size_t boundary = 0;  // a character's start; everything before it is well-formed
  for (std::size_t i = 0; i < size; i += 16) {
    __m128i v;
    if (size - i >= 16) {
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
    } else {
      char tail[16] = {};  // the last bytes, and zeros (ASCII) after them
      std::memcpy(tail, text + i, size - i);
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail));
    }
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (high == 0 && !runs_on(lead_c0, lead_e0, lead_f0)) {  // ASCII only, no followers due here
      lead_c0 = lead_e0 = lead_f0 = is_e0 = is_ed = is_f0 = is_f4 = 0;
      boundary = std::min(size, i + 16);
      continue;
    }
    const unsigned continuation = bytes_under(v, 0xC0);
    const unsigned c0 = high & ~continuation, e0 = high & bytes_from(v, 0xE0), f0 = high & bytes_from(v, 0xF0);
    const unsigned never = bytes_equal(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))), 0xC0) |  // C0, C1
                           (high & bytes_from(v, 0xF5));
    const unsigned expected = on(c0, lead_c0, 1) | on(e0, lead_e0, 2) | on(f0, lead_f0, 3);
    if (never | (expected ^ continuation)) return first_invalid_from(s, boundary);
    // E0, ED, F0 and F4 (rare: Chinese is E3-E9) limit the byte after them.
    const __m128i limiting = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE0))), _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xED)))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xF0))), _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xF4)))));
    unsigned e0_now = 0, ed_now = 0, f0_now = 0, f4_now = 0;
    if (_mm_movemask_epi8(limiting) != 0 || (is_e0 | is_ed | is_f0 | is_f4) != 0) {
      e0_now = bytes_equal(v, 0xE0), ed_now = bytes_equal(v, 0xED), f0_now = bytes_equal(v, 0xF0), f4_now = bytes_equal(v, 0xF4);
      const unsigned under_a0 = bytes_under(v, 0xA0), under_90 = bytes_under(v, 0x90);
      if ((on(e0_now, is_e0, 1) & under_a0) | (on(ed_now, is_ed, 1) & continuation & ~under_a0) |
          (on(f0_now, is_f0, 1) & under_90) | (on(f4_now, is_f4, 1) & continuation & ~under_90))
        return first_invalid_from(s, boundary);
    }
    lead_c0 = c0, lead_e0 = e0, lead_f0 = f0, is_e0 = e0_now, is_ed = ed_now, is_f0 = f0_now, is_f4 = f4_now;
    if (!runs_on(c0, e0, f0)) boundary = std::min(size, i + 16);
  }
  // A character cut by the text's end left followers due past it.
  if (runs_on(lead_c0, lead_e0, lead_f0)) return first_invalid_from(s, boundary);
  return std::string_view::npos;
}
#endif

}  // namespace

std::size_t first_invalid_utf8(std::string_view s) {
#if defined(XUESHE_UTF8_SSE2)
  return first_invalid_sse2(s);
#else
  return first_invalid_from(s, 0);
#endif
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

std::size_t first_invalid_utf8_line(std::string_view s) {
  const std::size_t at = first_invalid_utf8(s);
  const std::size_t end = at == std::string_view::npos ? s.size() : at;
  return 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

}  // namespace xueshe
