// Dates as a member types them: in the answers JSON (the page passes what was
// typed), in `xueshe ask` and in a roster's cells. A policy is written with
// care and keeps strict YYYY-MM-DD (parse_iso_date, dates.hpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"

namespace xueshe {

// Why a typed date was refused.
enum class DateTrouble {
  none,           // accepted
  unreadable,     // none of the spellings below
  short_year,     // a spelling below with a two-digit year (22/6/30)
  no_such_month,  // month 0 or over 12 (2022-13-01)
  no_such_day,    // a day its month does not have (2022-02-30, 2023-02-29)
  out_of_range,   // a real day outside kFirstYear-kLastYear (9999-12-31)
};

struct MemberDate {
  std::optional<Date> date;  // the day, when accepted
  DateTrouble trouble = DateTrouble::unreadable;
  // The numbers as read, once the spelling was recognised (for the message).
  int year = 0;
  unsigned month = 0, day = 0;
};

// The spellings, each with ASCII or full-width digits (２０２２) and separators
// (－ ／ ．), and any spaces (ASCII, U+3000, U+00A0) between the parts:
//   2022-06-30, 2022-6-30, 2022/6/30, 2022.6.30   one separator throughout
//   2022年6月30日, 2022年6月30号
//   20220630                                       exactly eight digits
// The year has four digits, month and day one or two; nothing else may come
// before or after. Every text parse_iso_date accepts reads as the same day.
MemberDate read_member_date(std::string_view text);

// The day, or nullopt (read_member_date says why).
std::optional<Date> parse_member_date(std::string_view text);

// The error for a refused date in answers field `field`: invalid_date, its
// detail saying why (short_year, no_such_month, no_such_day; none when it
// could not be read at all), or date_out_of_range. `got` is the text to show.
Error member_date_error(const MemberDate& read, const std::string& field, const std::string& got);

}  // namespace xueshe
