// The WHATWG Encoding Standard's gb18030 decoder, fatal: the first error ends it.
#include "xueshe/gb18030.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace xueshe {
namespace {

struct Range {
  std::uint32_t pointer;
  std::uint32_t code_point;
};

#include "gb18030_index.inc"

void append_utf8(char*& out, std::uint32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The index gb18030 code point of each two-byte pointer, from its differences.
// Not constexpr, and called at run time: worked out at compile time, the table
// itself would be in the module (48 KB, where the differences gzip to 16).
std::array<std::uint16_t, kTwoByteCount> expand_two_byte_codes() {
  std::array<std::uint16_t, kTwoByteCount> out{};
  std::uint32_t at = 0, previous = 0;
  for (std::uint16_t& code : out) {
    std::uint32_t zigzag = 0;
    for (unsigned shift = 0;; shift += 7) {
      const unsigned char byte = kTwoByteDeltas[at++];
      zigzag |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
      if (byte < 0x80) break;
    }
    const std::int32_t delta = (zigzag & 1) ? -static_cast<std::int32_t>((zigzag + 1) / 2) : static_cast<std::int32_t>(zigzag / 2);
    previous = static_cast<std::uint32_t>(static_cast<std::int32_t>(previous) + delta);
    code = static_cast<std::uint16_t>(previous);
  }
  return out;
}

// Expanded once, on first use.
const std::uint16_t* two_byte_codes() {
  static const std::array<std::uint16_t, kTwoByteCount> codes = expand_two_byte_codes();
  return codes.data();
}

// The index gb18030 ranges code point of a four-byte pointer; 0 when it has none.
std::uint32_t four_byte_code_point(std::uint32_t pointer) {
  if (pointer >= 189000 && pointer <= 1237575) return 0x10000 + pointer - 189000;
  if (pointer > 39419) return 0;
  std::size_t lo = 0, hi = sizeof kRanges / sizeof kRanges[0];  // the last range starting at or before pointer
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (kRanges[mid].pointer <= pointer ? lo : hi) = mid;
  }
  return kRanges[lo].code_point + (pointer - kRanges[lo].pointer);
}

}  // namespace

std::optional<std::string> whatwg_gb18030_to_utf8(std::string_view bytes, std::size_t& bad_offset) {
  // Most codes take no more room in UTF-8 (ASCII) or half as much again (a two-byte code, three bytes of UTF-8);
  // only 0x80 (€, three) and four-byte codes above U+FFFF (four) take more: the text grows when it must.
  std::string text(bytes.size() * 3 / 2 + 16, '\0');
  std::size_t at = 0;
  auto room = [&text, &at]() -> char* {
    if (text.size() - at < 4) text.resize(text.size() * 2);
    return text.data() + at;
  };
  auto put = [&](std::uint32_t cp) {
    char* out = room();
    char* const start = out;
    append_utf8(out, cp);
    at += static_cast<std::size_t>(out - start);
  };
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  const std::uint16_t* const two_byte = two_byte_codes();
  for (std::size_t i = 0; i < n;) {
    const unsigned lead = b[i];
    if (lead < 0x80) {
      // ASCII runs (a roster's digits, dates, commas) eight bytes at a time, copied as they are.
      std::size_t run = i + 1;
      for (std::uint64_t w; n - run >= 8; run += 8) {
        std::memcpy(&w, b + run, 8);
        if (w & 0x8080808080808080ULL) break;
      }
      while (run < n && b[run] < 0x80) ++run;
      if (text.size() - at < run - i) text.resize(std::max(text.size() * 2, at + (run - i)));
      std::memcpy(text.data() + at, b + i, run - i);
      at += run - i;
      i = run;
      continue;
    }
    if (lead == 0x80) {
      put(0x20AC);
      ++i;
      continue;
    }
    const auto refused = [&bad_offset, i]() -> std::optional<std::string> {
      bad_offset = i;
      return std::nullopt;
    };
    if (lead == 0xFF || i + 1 >= n) return refused();
    const unsigned second = b[i + 1];
    if (second >= 0x30 && second <= 0x39) {
      if (i + 3 >= n) return refused();
      const unsigned third = b[i + 2], fourth = b[i + 3];
      if (third < 0x81 || third > 0xFE || fourth < 0x30 || fourth > 0x39) return refused();
      const std::uint32_t pointer = (((lead - 0x81) * 10 + (second - 0x30)) * 126 + (third - 0x81)) * 10 + (fourth - 0x30);
      const std::uint32_t cp = four_byte_code_point(pointer);
      if (cp == 0) return refused();
      put(cp);
      i += 4;
      continue;
    }
    if (second < 0x40 || second == 0x7F || second == 0xFF) return refused();
    put(two_byte[(lead - 0x81) * 190 + (second - (second < 0x7F ? 0x40 : 0x41))]);
    i += 2;
  }
  text.resize(at);
  return text;
}

}  // namespace xueshe
