// A notice's text as code points, and the numerals notices are written in:
// ASCII and full-width digits, Chinese numerals (一 … 九十九, 〇 in years) and
// circled numbers (① … ⑳). Internal to the notice splitter and extractor.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xueshe::notice {

// `text` must be valid UTF-8 (checked by the caller).
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// Spaces of every width: ASCII space and tab, U+3000, NBSP and the other Zs.
bool is_space(char32_t c);
// Marks that end a sentence or a list item: 。；;！？!? (not the comma, not the colon).
bool ends_sentence(char32_t c);
// 0-9 for ASCII and full-width digits, else -1.
int digit_value(char32_t c);
// 0-9 for 〇零一二两三四五六七八九, else -1 (十 is not a digit).
int cn_digit(char32_t c);

struct Number {
  int value;
  std::size_t length;  // code points read
};

// 1 to `max_digits` digits at s[i] (ASCII or full-width), not followed by
// another digit: nullopt when there are more.
std::optional<Number> read_digits(std::u32string_view s, std::size_t i, std::size_t max_digits);
// A Chinese numeral 1-99 at s[i]: 一 … 九, 十, 十一, 二十, 二十三, 两.
std::optional<Number> read_cn_number(std::u32string_view s, std::size_t i);
// 1-99 written as read_cn_number reads it (3 -> 三, 12 -> 十二, 20 -> 二十).
std::u32string cn_numeral(int n);
// n >= 0 in ASCII digits.
std::u32string decimal(int n);
// ① … ⑳ -> 1 … 20, else 0; and back (n in 1-20).
int circled_value(char32_t c);
char32_t circled(int n);

std::u32string trim(std::u32string_view s);

// The sentence of `text` (valid UTF-8) that the byte `at` lies in: from after
// the mark that ends the one before (ends_sentence) to its own end mark,
// without that mark, a leading circled number (①) or the spaces around it;
// line breaks inside it (a notice's wrapped lines) are dropped. "" when `at`
// is past the end.
std::string sentence_at(std::string_view text, std::size_t at);

}  // namespace xueshe::notice
