#include <algorithm>
#include <cstdint>
#include <cstring>

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

}  // namespace

std::size_t first_invalid_utf8(std::string_view s) {
  constexpr std::size_t kBlock = 64 * 1024;
  for (std::size_t i = 0; i < s.size();) {
    bool bad = false;
    i = scan(s, i, std::min(s.size(), i + kBlock), bad);
    if (bad) return i;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

std::size_t first_invalid_utf8_line(std::string_view s) {
  const std::size_t at = first_invalid_utf8(s);
  const std::size_t end = at == std::string_view::npos ? s.size() : at;
  return 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

}  // namespace xueshe
