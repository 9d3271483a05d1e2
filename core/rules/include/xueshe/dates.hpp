// Calendar dates as the notice and the user give them: whole days, no time zone.
#pragma once
#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>

namespace xueshe {

using Date = date::year_month_day;

// Strict YYYY-MM-DD: exactly ten characters, a real calendar day, years 1900-2199.
// "2022-02-30", "2022-6-30" and "2022-08-31x" are all rejected.
std::optional<Date> parse_iso_date(std::string_view text);

std::string format_iso_date(const Date& d);

// d + n months. When the day does not exist in the target month the result is
// clamped to that month's last day, on purpose: 2022-08-31 + 6 months = 2023-02-28,
// 2023-08-31 + 6 months = 2024-02-29.
Date add_months_clamped(const Date& d, int months);

// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(const Date& from, const Date& to);

}  // namespace xueshe
