// Calendar dates as the notice and the user give them: whole days, no time zone.
#pragma once
#include <date/date.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace xueshe {

using Date = date::year_month_day;

// The years a date may have, anywhere (answers, policies, rosters, --today).
inline constexpr int kFirstYear = 1900, kLastYear = 2199;

// Strict YYYY-MM-DD: exactly ten characters, a real calendar day, years
// kFirstYear-kLastYear. "2022-02-30", "2022-6-30" and "2022-08-31x" are all rejected.
std::optional<Date> parse_iso_date(std::string_view text);

// True when parse_iso_date refuses `text` only for its year: a real day in
// the right shape (9999-12-31, 0001-01-01), so the message can say the range
// rather than the format.
bool iso_date_out_of_range(std::string_view text);

// True when d's year is kFirstYear-kLastYear.
bool year_in_range(const Date& d);

// The parameters of a message that says the range: "got", "min" and "max".
std::map<std::string, std::string> year_range_params(std::string got);

std::string format_iso_date(const Date& d);

// d + n months. When the day does not exist in the target month the result is
// clamped to that month's last day, on purpose: 2022-08-31 + 6 months = 2023-02-28,
// 2023-08-31 + 6 months = 2024-02-29.
Date add_months_clamped(const Date& d, int months);

// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(const Date& from, const Date& to);

}  // namespace xueshe
