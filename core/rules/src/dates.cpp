#include "xueshe/dates.hpp"

namespace xueshe {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

void put_digits(std::string& out, int value, int width) {
  std::string digits(static_cast<size_t>(width), '0');
  for (int i = width - 1; i >= 0 && value > 0; --i, value /= 10)
    digits[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  out += digits;
}

// A real day written YYYY-MM-DD, any four-digit year.
std::optional<Date> any_year_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  std::string_view y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  Date ymd{date::year{to_int(y)}, date::month{static_cast<unsigned>(to_int(m))},
           date::day{static_cast<unsigned>(to_int(d))}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

bool year_in_range(const Date& d) { return d.year() >= date::year{kFirstYear} && d.year() <= date::year{kLastYear}; }

std::map<std::string, std::string> year_range_params(std::string got) {
  return {{"got", std::move(got)}, {"min", std::to_string(kFirstYear)}, {"max", std::to_string(kLastYear)}};
}

std::optional<Date> parse_iso_date(std::string_view t) {
  auto d = any_year_date(t);
  if (!d || !year_in_range(*d)) return std::nullopt;
  return d;
}

bool iso_date_out_of_range(std::string_view t) {
  auto d = any_year_date(t);
  return d && !year_in_range(*d);
}

std::string format_iso_date(const Date& d) {
  std::string out;
  out.reserve(10);
  put_digits(out, static_cast<int>(d.year()), 4);
  out += '-';
  put_digits(out, static_cast<int>(static_cast<unsigned>(d.month())), 2);
  out += '-';
  put_digits(out, static_cast<int>(static_cast<unsigned>(d.day())), 2);
  return out;
}

Date add_months_clamped(const Date& d, int months) {
  date::year_month ym = date::year_month{d.year(), d.month()} + date::months{months};
  date::day last = (ym.year() / ym.month() / date::last).day();
  return Date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

int days_between(const Date& from, const Date& to) {
  return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

}  // namespace xueshe
