// A date as a notice writes it, read at one position of its text:
// 2022年8月31日, 8月31日, 8 月 31 号, 二〇二二年五月十六日, 十月一日,
// 2022-08-31, 2022/8/31, 2022.8.31 (ASCII or full-width digits, spaces
// between the parts). Internal to the notice splitter and extractor.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace xueshe::notice {

struct DateWords {
  int year;  // 0 when the words have none
  int month;
  int day;
  std::size_t length;  // code points read
};

// The date that starts at s[i], or nullopt. The caller makes sure s[i] does
// not continue a number (s[i-1] is not a digit). Month and day are in range
// (1-12, 1-31); whether the day exists in that month is the caller's check.
std::optional<DateWords> read_date(std::u32string_view s, std::size_t i);

// True when the whole of `line` (spaces aside) is one date with a year: a
// notice's signature date (二〇二二年五月十六日).
std::optional<DateWords> date_line(std::u32string_view line);

}  // namespace xueshe::notice
