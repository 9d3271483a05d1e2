#include "xueshe/member_date.hpp"

#include <vector>

namespace xueshe {
namespace {

// What a typed date is made of, once full width is folded to ASCII and spaces are dropped.
enum class Part { number, dash, slash, dot, year_mark, month_mark, day_mark };

struct Token {
  Part part;
  std::string digits;  // Part::number
};

struct Spelling {
  std::string_view text;
  Part part;
  char digit;  // Part::number: the digit it is
};

// Every character a date may hold besides ASCII digits and separators.
constexpr Spelling kWide[] = {
    {"０", Part::number, '0'}, {"１", Part::number, '1'}, {"２", Part::number, '2'}, {"３", Part::number, '3'},
    {"４", Part::number, '4'}, {"５", Part::number, '5'}, {"６", Part::number, '6'}, {"７", Part::number, '7'},
    {"８", Part::number, '8'}, {"９", Part::number, '9'}, {"－", Part::dash, 0},     {"／", Part::slash, 0},
    {"．", Part::dot, 0},      {"年", Part::year_mark, 0}, {"月", Part::month_mark, 0}, {"日", Part::day_mark, 0},
    {"号", Part::day_mark, 0},
};
constexpr std::string_view kSpaces[] = {" ", "\t", "\xE3\x80\x80" /* U+3000 */, "\xC2\xA0" /* U+00A0 */};

// The parts of `text` in order; nullopt when it holds any other character or
// a space splits a number ("20 22").
std::optional<std::vector<Token>> tokens(std::string_view text) {
  std::vector<Token> out;
  bool spaced = false;  // a space since the last part
  auto add = [&out, &spaced](Part part, char digit) {
    if (part == Part::number && !out.empty() && out.back().part == Part::number && !spaced) {
      out.back().digits += digit;
    } else {
      out.push_back(Token{part, part == Part::number ? std::string(1, digit) : std::string()});
    }
    spaced = false;
  };
  while (!text.empty()) {
    const char c = text.front();
    if (c >= '0' && c <= '9') {
      add(Part::number, c);
      text.remove_prefix(1);
      continue;
    }
    if (c == '-' || c == '/' || c == '.') {
      add(c == '-' ? Part::dash : c == '/' ? Part::slash : Part::dot, 0);
      text.remove_prefix(1);
      continue;
    }
    bool known = false;
    for (std::string_view space : kSpaces)
      if (text.substr(0, space.size()) == space) {
        spaced = known = true;
        text.remove_prefix(space.size());
        break;
      }
    for (const Spelling& s : kWide)
      if (!known && text.substr(0, s.text.size()) == s.text) {
        add(s.part, s.digit);
        known = true;
        text.remove_prefix(s.text.size());
      }
    if (!known) return std::nullopt;
  }
  // Two numbers with only a space between are no spelling of ours.
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].part == Part::number && out[i - 1].part == Part::number) return std::nullopt;
  return out;
}

// Views into the text read or into its tokens, whichever gave them.
struct Numbers {
  std::string_view year, month, day;
};

// Year, month and day as written, when the parts follow one of the spellings.
std::optional<Numbers> numbers(const std::vector<Token>& t) {
  auto number = [&t](std::size_t i) { return t[i].part == Part::number; };
  if (t.size() == 1 && number(0)) {
    const std::string_view d = t[0].digits;
    if (d.size() != 8) return std::nullopt;
    return Numbers{d.substr(0, 4), d.substr(4, 2), d.substr(6, 2)};
  }
  const bool separated = t.size() == 5 && (t[1].part == Part::dash || t[1].part == Part::slash ||
                                           t[1].part == Part::dot) && t[3].part == t[1].part;
  const bool marked = t.size() == 6 && t[1].part == Part::year_mark && t[3].part == Part::month_mark &&
                      t[5].part == Part::day_mark;
  if (!(separated || marked) || !number(0) || !number(2) || !number(4)) return std::nullopt;
  return Numbers{t[0].digits, t[2].digits, t[4].digits};
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// The common spelling, ASCII digits with one separator twice ("2022-06-30",
// "2022/6/20"), read without the general tokenizer (a roster reads one per
// cell): exactly what tokens() and numbers() give for it.
std::optional<Numbers> plain_numbers(std::string_view text) {
  // "2022-06-30" (the template's spelling, and a spreadsheet's): four, two and two digits, looked at once.
  if (text.size() == 10) {
    auto digit = [&text](std::size_t i) { return static_cast<unsigned char>(text[i] - '0') < 10u; };
    const char sep = text[4];
    if ((sep == '-' || sep == '/' || sep == '.') && text[7] == sep && digit(0) && digit(1) && digit(2) && digit(3) &&
        digit(5) && digit(6) && digit(8) && digit(9))
      return Numbers{text.substr(0, 4), text.substr(5, 2), text.substr(8, 2)};
  }
  auto digits = [&text](std::size_t& i) {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return text.substr(start, i - start);
  };
  std::size_t i = 0;
  const std::string_view year = digits(i);
  if (year.empty() || i >= text.size()) return std::nullopt;
  const char sep = text[i++];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  const std::string_view month = digits(i);
  if (month.empty() || i >= text.size() || text[i++] != sep) return std::nullopt;
  const std::string_view day = digits(i);
  if (day.empty() || i != text.size()) return std::nullopt;
  return Numbers{year, month, day};
}

}  // namespace

MemberDate read_member_date(std::string_view text) {
  MemberDate out;
  std::optional<std::vector<Token>> parts;  // what `written` views, when not the text itself
  auto written = plain_numbers(text);
  if (!written) {
    parts = tokens(text);
    if (parts) written = numbers(*parts);
  }
  if (!written || written->year.size() > 4 || written->month.size() > 2 || written->day.size() > 2) return out;
  out.year = to_int(written->year);
  out.month = static_cast<unsigned>(to_int(written->month));
  out.day = static_cast<unsigned>(to_int(written->day));
  if (written->year.size() < 4) {
    // 22/6/30 is a short year; 6/30/22 and 30/6/2022 are no spelling of ours.
    if (written->year.size() == 2 && date::month{out.month}.ok() && date::day{out.day}.ok())
      out.trouble = DateTrouble::short_year;
    return out;
  }
  const date::year_month ym{date::year{out.year}, date::month{out.month}};
  if (!ym.ok()) {
    out.trouble = DateTrouble::no_such_month;
    return out;
  }
  const Date day{ym.year(), ym.month(), date::day{out.day}};
  if (!day.ok()) {
    out.trouble = DateTrouble::no_such_day;
    return out;
  }
  if (!year_in_range(day)) {
    out.trouble = DateTrouble::out_of_range;
    return out;
  }
  out.date = day;
  out.trouble = DateTrouble::none;
  return out;
}

std::optional<Date> parse_member_date(std::string_view text) { return read_member_date(text).date; }

Error member_date_error(const MemberDate& read, const std::string& field, const std::string& got) {
  Error e{"invalid_date", field, {{"got", got}}};
  switch (read.trouble) {
    case DateTrouble::none:
    case DateTrouble::unreadable:
      break;
    case DateTrouble::short_year:
      e.detail = "short_year";
      break;
    case DateTrouble::no_such_month:
      e.detail = "no_such_month";
      e.params["month"] = std::to_string(read.month);
      break;
    case DateTrouble::no_such_day: {
      e.detail = "no_such_day";
      const date::year_month ym{date::year{read.year}, date::month{read.month}};
      e.params["year"] = std::to_string(read.year);
      e.params["month"] = std::to_string(read.month);
      e.params["day"] = std::to_string(read.day);
      e.params["last"] = std::to_string(static_cast<unsigned>((ym / date::last).day()));
      break;
    }
    case DateTrouble::out_of_range:
      return Error{"date_out_of_range", field, year_range_params(got)};
  }
  return e;
}

}  // namespace xueshe
