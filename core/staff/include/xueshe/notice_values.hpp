// The candidate values in a split notice: dates, periods and percentages,
// each with the exact words it came from and its clause, for a person to
// confirm (`xueshe policy split`, the policy studio). Nothing here becomes a
// rule by itself.
//
// - date: 2022年8月31日, 8月31日, 二〇二二年五月十六日, 2022-08-31, with the words
//   around it that say which side of the day counts: 即日起至8月31日 (until),
//   10月1日前 (before), 9月1日起 (from), else on. A date without a year takes
//   the notice's (NoticeSplit::year); with none found it is written --MM-DD.
//   "即日起" (from today) opens on the notice's signature date, when it has one.
// - period: 入学一个月内, 开学后30个自然日内, 不超过6个月, 6个月，最长不超过1年
//   (the cap is the period's `cap`), in the policy's units: days (自然日, 天,
//   日; 周 as 7 days), working_days (工作日), months, years (半年 = 6 months).
//   A bare "N年" or "N天" counts only with a limit word (不超过, 最长) or 内.
// - percent: 100%, 100％, 百分之百, 百分之九十五.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/notice_split.hpp"

namespace xueshe {

struct NoticeValue {
  std::string kind;      // date, period, percent
  nlohmann::json value;  // "2022-08-31" | {"value": 6, "unit": "months"} | {"value": 100, "unit": "percent"}
  std::string words;     // exactly as the notice writes them
  std::string clause;    // the clause id they are in
  std::string bound;     // date: until, before, from, on
  std::string year;      // date: written, notice (the notice's year), none
  std::string opens;     // date: "即日起至…": the day it opens, the notice's own date when it has one
  std::optional<nlohmann::json> cap;  // period: the longest it may run
};

// Every candidate value, clause by clause in the notice's order; notes for
// words that look like a date but are not a day (2月30日) and for dates
// without a year in a notice that has none are added to `notes`.
std::vector<NoticeValue> notice_values(const NoticeSplit& split, std::vector<NoticeNote>& notes);

}  // namespace xueshe
