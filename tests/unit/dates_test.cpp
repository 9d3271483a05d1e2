#include <catch2/catch.hpp>

#include "xueshe/dates.hpp"
#include "xueshe/deadlines.hpp"

using namespace xueshe;

static Date d(const char* s) { return *parse_iso_date(s); }

TEST_CASE("strict YYYY-MM-DD parsing accepts real days only") {
  CHECK(format_iso_date(d("2022-08-31")) == "2022-08-31");
  CHECK(format_iso_date(d("2024-02-29")) == "2024-02-29");
  for (const char* bad : {"2022-02-30", "2023-02-29", "2022-6-30", "2022-08-31x", "2022-13-01", "2022-00-10",
                          "2022-01-00", "22-08-31", "+2022-08-31", "2022/08/31", "", " 2022-08-31", "2022-08-3a",
                          "1899-12-31", "2200-01-01"})
    CHECK_FALSE(parse_iso_date(bad).has_value());
}

TEST_CASE("a real day outside the years 1900-2199 is out of range - not malformed") {
  for (const char* far : {"9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", "0000-02-29"}) {
    INFO(far);
    CHECK_FALSE(parse_iso_date(far).has_value());
    CHECK(iso_date_out_of_range(far));
  }
  // Malformed or impossible whatever the year; in range and real.
  for (const char* other : {"9999-02-30", "0001-13-01", "9999-1-1", "+9999-12-31", "99999-12-31", "2022-02-30",
                            "1900-01-01", "2199-12-31", ""})
    CHECK_FALSE(iso_date_out_of_range(other));
  CHECK(parse_iso_date("1900-01-01").has_value());
  CHECK(parse_iso_date("2199-12-31").has_value());
  CHECK(year_range_params("x") == std::map<std::string, std::string>{{"got", "x"}, {"min", "1900"}, {"max", "2199"}});
}

TEST_CASE("adding months clamps to the end of shorter months - leap years included") {
  CHECK(format_iso_date(add_months_clamped(d("2022-08-31"), 6)) == "2023-02-28");
  CHECK(format_iso_date(add_months_clamped(d("2023-08-31"), 6)) == "2024-02-29");
  CHECK(format_iso_date(add_months_clamped(d("2022-06-30"), 6)) == "2022-12-30");
  CHECK(format_iso_date(add_months_clamped(d("2022-07-31"), 6)) == "2023-01-31");
  CHECK(format_iso_date(add_months_clamped(d("2022-01-31"), 1)) == "2022-02-28");
  CHECK(format_iso_date(add_months_clamped(d("2024-01-31"), 1)) == "2024-02-29");
  CHECK(format_iso_date(add_months_clamped(d("2022-03-31"), 1)) == "2022-04-30");
  CHECK(format_iso_date(add_months_clamped(d("2022-08-31"), 12)) == "2023-08-31");
  CHECK(format_iso_date(add_months_clamped(d("2024-02-29"), 12)) == "2025-02-28");
  // 28 years after a 29 February: a leap year again, except across 2100 (not leap).
  CHECK(format_iso_date(add_months_clamped(d("1996-02-29"), 12 * 28)) == "2024-02-29");
  CHECK(format_iso_date(add_months_clamped(d("2072-02-29"), 12 * 28)) == "2100-02-28");
  CHECK(format_iso_date(add_months_clamped(d("2022-09-05"), 0)) == "2022-09-05");
}

TEST_CASE("days between dates and the state of a deadline") {
  CHECK(days_between(d("2022-09-01"), d("2023-02-28")) == 180);
  CHECK(days_between(d("2022-09-01"), d("2022-08-31")) == -1);
  CHECK(days_between(d("2024-02-28"), d("2024-03-01")) == 2);
  CHECK(name(deadline_state(-1)) == "overdue");
  CHECK(name(deadline_state(0)) == "today");
  CHECK(name(deadline_state(1)) == "due_soon");
  CHECK(name(deadline_state(14)) == "due_soon");
  CHECK(name(deadline_state(15)) == "upcoming");
}
