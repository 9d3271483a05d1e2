#include "notice_dates.hpp"

#include "notice_text.hpp"

namespace xueshe::notice {
namespace {

std::size_t skip_spaces(std::u32string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

bool at(std::u32string_view s, std::size_t i, char32_t c) { return i < s.size() && s[i] == c; }
bool day_mark(std::u32string_view s, std::size_t i) { return at(s, i, U'日') || at(s, i, U'号'); }

bool in_range(int month, int day) { return month >= 1 && month <= 12 && day >= 1 && day <= 31; }

// 2022年8月31日 / 8月31日: `year` already read (0 = none), i at the month.
std::optional<DateWords> month_day_digits(std::u32string_view s, std::size_t start, std::size_t i, int year) {
  auto month = read_digits(s, i, 2);
  if (!month) return std::nullopt;
  i = skip_spaces(s, i + month->length);
  if (!at(s, i, U'月')) return std::nullopt;
  i = skip_spaces(s, i + 1);
  auto day = read_digits(s, i, 2);
  if (!day) return std::nullopt;
  i = skip_spaces(s, i + day->length);
  if (!day_mark(s, i) || !in_range(month->value, day->value)) return std::nullopt;
  return DateWords{year, month->value, day->value, i + 1 - start};
}

// 五月十六日, 十月一日: i at the month.
std::optional<DateWords> month_day_cn(std::u32string_view s, std::size_t start, std::size_t i, int year) {
  auto month = read_cn_number(s, i);
  if (!month || !at(s, i + month->length, U'月')) return std::nullopt;
  i += month->length + 1;
  auto day = read_cn_number(s, i);
  if (!day || !day_mark(s, i + day->length) || !in_range(month->value, day->value)) return std::nullopt;
  return DateWords{year, month->value, day->value, i + day->length + 1 - start};
}

// 2022-08-31, 2022/8/31, 2022.8.31: i after the year.
std::optional<DateWords> separated(std::u32string_view s, std::size_t start, std::size_t i, int year) {
  if (i >= s.size()) return std::nullopt;
  const char32_t sep = s[i];
  if (sep != U'-' && sep != U'/' && sep != U'.' && sep != U'－' && sep != U'／' && sep != U'．') return std::nullopt;
  auto month = read_digits(s, i + 1, 2);
  if (!month || !at(s, i + 1 + month->length, sep)) return std::nullopt;
  i += 2 + month->length;
  auto day = read_digits(s, i, 2);
  if (!day || !in_range(month->value, day->value)) return std::nullopt;
  i += day->length;
  if (at(s, i, sep)) return std::nullopt;  // 2022.8.31.5: a version number, not a date
  return DateWords{year, month->value, day->value, i - start};
}

}  // namespace

std::optional<DateWords> read_date(std::u32string_view s, std::size_t i) {
  if (i >= s.size()) return std::nullopt;
  if (auto year = read_digits(s, i, 4); year && year->length == 4) {
    std::size_t k = skip_spaces(s, i + 4);
    if (at(s, k, U'年')) return month_day_digits(s, i, skip_spaces(s, k + 1), year->value);
    return separated(s, i, i + 4, year->value);
  }
  if (digit_value(s[i]) >= 0) return month_day_digits(s, i, i, 0);
  // 二〇二二年: four Chinese digits, 〇 included.
  bool cn_year = i + 4 < s.size();
  int year = 0;
  for (std::size_t k = 0; cn_year && k < 4; ++k) {
    cn_year = cn_digit(s[i + k]) >= 0 && s[i + k] != U'两';
    year = year * 10 + cn_digit(s[i + k]);
  }
  if (cn_year && s[i + 4] == U'年') return month_day_cn(s, i, i + 5, year);
  return month_day_cn(s, i, i, 0);
}

std::optional<DateWords> date_line(std::u32string_view line) {
  const std::u32string t = trim(line);
  auto d = read_date(t, 0);
  if (!d || d->year == 0 || d->length != t.size()) return std::nullopt;
  return d;
}

}  // namespace xueshe::notice
