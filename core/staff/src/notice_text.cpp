#include "notice_text.hpp"

#include <algorithm>

namespace xueshe::notice {

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0xFEFF;
}

bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

int cn_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

std::optional<Number> read_digits(std::u32string_view s, std::size_t i, std::size_t max_digits) {
  std::size_t n = 0;
  int v = 0;
  while (i + n < s.size() && digit_value(s[i + n]) >= 0) {
    if (n == max_digits) return std::nullopt;
    v = v * 10 + digit_value(s[i + n]);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return Number{v, n};
}

std::optional<Number> read_cn_number(std::u32string_view s, std::size_t i) {
  auto unit = [&](std::size_t k) { return k < s.size() ? cn_digit(s[k]) : -1; };
  const int first = unit(i);
  if (first == 0) return std::nullopt;
  if (first > 0) {
    if (i + 1 < s.size() && s[i + 1] == U'十') {  // 二十, 二十三
      if (first == 1) return std::nullopt;
      const int ones = unit(i + 2);
      if (ones > 0) return Number{first * 10 + ones, 3};
      return Number{first * 10, 2};
    }
    return Number{first, 1};
  }
  if (i < s.size() && s[i] == U'十') {  // 十, 十一
    const int ones = unit(i + 1);
    if (ones > 0) return Number{10 + ones, 2};
    return Number{10, 1};
  }
  return std::nullopt;
}

std::u32string cn_numeral(int n) {
  static const char32_t kDigits[] = U"〇一二三四五六七八九";
  if (n < 10) return std::u32string(1, kDigits[n]);
  std::u32string out;
  if (n >= 20) out.push_back(kDigits[n / 10]);
  out.push_back(U'十');
  if (n % 10) out.push_back(kDigits[n % 10]);
  return out;
}

std::u32string decimal(int n) {
  std::u32string out;
  for (char c : std::to_string(n)) out.push_back(static_cast<char32_t>(c));
  return out;
}

int circled_value(char32_t c) { return c >= 0x2460 && c <= 0x2473 ? static_cast<int>(c - 0x2460) + 1 : 0; }
char32_t circled(int n) { return static_cast<char32_t>(0x2460 + n - 1); }

std::u32string trim(std::u32string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

std::string sentence_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {};
  // Only the sentence is read (a clause may be long and hold many dates): back to the code point before it, on to
  // its end mark, one code point at a time.
  auto starts = [&text](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80; };
  auto point = [&text](std::size_t i) { return decode_utf8(text.substr(i, std::min<std::size_t>(4, text.size() - i)))[0]; };
  while (at > 0 && !starts(at)) --at;
  std::size_t b = at, e = at;
  while (b > 0) {
    std::size_t prev = b - 1;
    while (prev > 0 && !starts(prev)) --prev;
    if (ends_sentence(point(prev))) break;
    b = prev;
  }
  while (e < text.size() && !ends_sentence(point(e))) {
    ++e;
    while (e < text.size() && !starts(e)) ++e;
  }
  std::u32string out;
  for (char32_t c : decode_utf8(text.substr(b, e - b)))
    if (c != U'\n' && c != U'\r') out += c;
  out = trim(out);
  if (!out.empty() && circled_value(out[0])) out = trim(std::u32string_view(out).substr(1));
  return encode_utf8(out);
}

}  // namespace xueshe::notice
