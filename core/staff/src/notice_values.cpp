// Candidate values in a split notice (see notice_values.hpp).
#include "xueshe/notice_values.hpp"

#include <array>
#include <cstdio>

#include "notice_dates.hpp"
#include "notice_text.hpp"

namespace xueshe {
namespace {

using namespace notice;
using nlohmann::json;

bool ends_with_at(std::u32string_view s, std::size_t end, std::u32string_view word) {
  return end >= word.size() && s.substr(end - word.size(), word.size()) == word;
}
bool starts_at(std::u32string_view s, std::size_t i, std::u32string_view word) { return s.substr(i, word.size()) == word; }

// The longest of `words` that ends at s[end] (spaces before `end` skipped), as its start.
std::optional<std::size_t> word_before(std::u32string_view s, std::size_t end, const std::u32string_view* words,
                                       std::size_t count) {
  while (end > 0 && is_space(s[end - 1])) --end;
  for (std::size_t k = 0; k < count; ++k)
    if (ends_with_at(s, end, words[k])) return end - words[k].size();
  return std::nullopt;
}
std::size_t word_after(std::u32string_view s, std::size_t i, const std::u32string_view* words, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k)
    if (starts_at(s, i, words[k])) return words[k].size();
  return 0;
}

// Longest first.
constexpr std::array<std::u32string_view, 8> kUntilWords{U"从即日起至", U"自即日起至", U"即日起至", U"即日起到",
                                                         U"截止到", U"截止至", U"截至", U"截止"};
constexpr std::array<std::u32string_view, 3> kBeforeWords{U"之前", U"以前", U"前"};
constexpr std::array<std::u32string_view, 4> kFromWords{U"开始", U"以后", U"起", U"后"};
constexpr std::array<std::u32string_view, 17> kPeriodLead{
    U"原则上不超过", U"最长不超过", U"最多不超过", U"一般不超过", U"不得超过", U"不超过", U"不少于", U"最长", U"最多",
    U"开学后的", U"开学后", U"入学后的", U"入学后", U"报到后的", U"报到后", U"入学", U"离校后"};
constexpr std::array<std::u32string_view, 4> kWithin{U"以内", U"之内", U"内", U"內"};

struct Unit {
  std::u32string_view words;
  const char* unit;
  int factor;
  bool needs_limit;  // a bare "3年", "5天" is not a period without 不超过/内
};
constexpr std::array<Unit, 12> kUnits{{{U"个自然日", "days", 1, false},
                                       {U"個自然日", "days", 1, false},
                                       {U"自然日", "days", 1, false},
                                       {U"个工作日", "working_days", 1, false},
                                       {U"工作日", "working_days", 1, false},
                                       {U"个月", "months", 1, false},
                                       {U"個月", "months", 1, false},
                                       {U"个星期", "days", 7, true},
                                       {U"周", "days", 7, true},
                                       {U"天", "days", 1, true},
                                       {U"年", "years", 1, true},
                                       {U"日", "days", 1, true}}};

class Scanner {
 public:
  Scanner(const NoticeSplit& split, std::vector<NoticeNote>& notes, std::vector<NoticeValue>& out)
      : split_(split), notes_(notes), out_(out) {}

  void scan(const std::u32string& s, const std::string& clause) {
    ++scans_;
    for (std::size_t i = 0; i < s.size();) {
      const bool inside_number = i > 0 && (digit_value(s[i - 1]) >= 0 || s[i - 1] == U'.' || s[i - 1] == U'．');
      std::size_t used = 0;
      if (!inside_number) used = date_at(s, i, clause);
      if (!used && !inside_number) used = percent_at(s, i, clause);
      if (!used && !inside_number && !(i > 0 && (cn_digit(s[i - 1]) >= 0 || s[i - 1] == U'十')))
        used = period_at(s, i, clause);
      i += used ? used : 1;
    }
  }

 private:
  const NoticeSplit& split_;
  std::vector<NoticeNote>& notes_;
  std::vector<NoticeValue>& out_;
  bool noted_no_year_ = false;
  // The last period: a "最长不超过1年" right after it is its cap.
  std::size_t last_period_ = static_cast<std::size_t>(-1), last_period_end_ = 0, last_period_start_ = 0;
  std::size_t scans_ = 0, last_scan_ = 0;  // which scan() the last period was found in

  std::size_t date_at(const std::u32string& s, std::size_t i, const std::string& clause) {
    auto d = read_date(s, i);
    if (!d) return 0;
    std::size_t start = i, end = i + d->length;
    std::string bound = "on";
    if (auto b = word_before(s, i, kUntilWords.data(), kUntilWords.size())) {
      start = *b;
      bound = "until";
    }
    if (std::size_t n = word_after(s, end, kBeforeWords.data(), kBeforeWords.size())) {
      end += n;
      if (bound == "on") bound = "before";
    } else if (std::size_t f = word_after(s, end, kFromWords.data(), kFromWords.size()); f && bound == "on") {
      end += f;
      bound = "from";
    }
    const std::string words = encode_utf8(std::u32string_view(s).substr(start, end - start));
    const int year = d->year ? d->year : split_.year.year;
    // A day that exists: in the year given, or (no year at all) in a leap year.
    const Date day{date::year{year ? year : 2000}, date::month{static_cast<unsigned>(d->month)},
                   date::day{static_cast<unsigned>(d->day)}};
    if (!day.ok() || (year && !year_in_range(day))) {
      notes_.push_back(NoticeNote{"not_a_day", clause, {{"words", words}}});
      return d->length;
    }
    NoticeValue v{"date", {}, words, clause, bound, d->year ? "written" : year ? "notice" : "none", "", std::nullopt};
    if (bound == "until" && words.find("即日起") != std::string::npos && split_.year.date)
      v.opens = format_iso_date(*split_.year.date);
    if (year) {
      v.value = format_iso_date(day);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "--%02d-%02d", d->month, d->day);
      v.value = buf;
      if (!noted_no_year_) notes_.push_back(NoticeNote{"no_year", clause, {{"words", words}}});
      noted_no_year_ = true;
    }
    out_.push_back(std::move(v));
    return end - i;
  }

  std::size_t percent_at(const std::u32string& s, std::size_t i, const std::string& clause) {
    json value;
    std::size_t end = 0;
    if (auto n = read_digits(s, i, 3)) {
      std::size_t k = i + n->length;
      double v = n->value;
      if (k + 1 < s.size() && (s[k] == U'.' || s[k] == U'．')) {
        if (auto frac = read_digits(s, k + 1, 2)) {
          v += frac->value / (frac->length == 1 ? 10.0 : 100.0);
          k += 1 + frac->length;
        }
      }
      while (k < s.size() && is_space(s[k])) ++k;
      if (k >= s.size() || (s[k] != U'%' && s[k] != U'％')) return 0;
      end = k + 1;
      value = v == static_cast<int>(v) ? json(static_cast<int>(v)) : json(v);
    } else if (starts_at(s, i, U"百分之")) {
      if (starts_at(s, i + 3, U"百")) {
        value = 100;
        end = i + 4;
      } else if (auto n = read_cn_number(s, i + 3)) {
        value = n->value;
        end = i + 3 + n->length;
      } else {
        return 0;
      }
    } else {
      return 0;
    }
    out_.push_back(NoticeValue{"percent", json{{"value", value}, {"unit", "percent"}},
                               encode_utf8(std::u32string_view(s).substr(i, end - i)), clause, "", "", "", std::nullopt});
    return end - i;
  }

  std::size_t period_at(const std::u32string& s, std::size_t i, const std::string& clause) {
    int number = 0;
    std::size_t k = i;
    bool half = false;
    if (auto n = read_digits(s, i, 3)) {
      number = n->value;
      k += n->length;
    } else if (auto c = read_cn_number(s, i)) {
      number = c->value;
      k += c->length;
    } else if (s[i] == U'半' && starts_at(s, i + 1, U"年")) {
      half = true;
    } else {
      return 0;
    }
    if (!half) {
      while (k < s.size() && is_space(s[k])) ++k;
    } else {
      k = i + 1;
    }
    const Unit* unit = nullptr;
    for (const Unit& u : kUnits)
      if (starts_at(s, k, u.words)) {
        unit = &u;
        break;
      }
    if (!unit || number < 0 || (!half && number == 0)) return 0;
    std::size_t end = k + unit->words.size();
    const std::size_t within = word_after(s, end, kWithin.data(), kWithin.size());
    auto lead = word_before(s, i, kPeriodLead.data(), kPeriodLead.size());
    const bool limit_word = lead && *lead < i &&
                            (s.substr(*lead, 2) == U"不超" || s.substr(*lead, 2) == U"最长" || s.substr(*lead, 2) == U"最多" ||
                             s.substr(*lead, 2) == U"一般" || s.substr(*lead, 2) == U"原则" || s.substr(*lead, 2) == U"不得" ||
                             s.substr(*lead, 2) == U"不少");
    if (unit->needs_limit && !limit_word && !within) return 0;
    if (half && std::string(unit->unit) != "years") return 0;
    end += within;
    const std::size_t start = lead ? *lead : i;
    json value = half ? json{{"value", 6}, {"unit", "months"}}
                      : json{{"value", number * unit->factor}, {"unit", unit->unit}};
    const bool is_cap = lead && (s.substr(*lead, 2) == U"最长" || s.substr(*lead, 2) == U"最多");
    if (is_cap && last_scan_ == scans_ && last_period_ < out_.size() && !out_[last_period_].cap &&
        only_separators(s, last_period_end_, start)) {
      NoticeValue& base = out_[last_period_];
      base.cap = value;
      base.words = encode_utf8(std::u32string_view(s).substr(last_period_start_, end - last_period_start_));
      last_period_ = static_cast<std::size_t>(-1);
      return end - i;
    }
    out_.push_back(NoticeValue{"period", value, encode_utf8(std::u32string_view(s).substr(start, end - start)), clause, "",
                               "", "", std::nullopt});
    last_period_ = out_.size() - 1;
    last_period_start_ = start;
    last_period_end_ = end;
    last_scan_ = scans_;
    return end - i;
  }

  static bool only_separators(const std::u32string& s, std::size_t from, std::size_t to) {
    if (from > to) return false;
    std::size_t marks = 0;
    for (std::size_t k = from; k < to; ++k) {
      if (is_space(s[k])) continue;
      if (s[k] == U'，' || s[k] == U',' || s[k] == U'、' || s[k] == U'；' || s[k] == U';') ++marks;
      else return false;
    }
    return marks <= 1;
  }
};

}  // namespace

std::vector<NoticeValue> notice_values(const NoticeSplit& split, std::vector<NoticeNote>& notes) {
  std::vector<NoticeValue> out;
  Scanner scanner(split, notes, out);
  for (const NoticeClause& c : split.clauses) {
    if (!c.title_in_text && !c.title.empty()) {
      const std::u32string title = decode_utf8(c.title);
      scanner.scan(title, c.id);
    }
    const std::u32string text = decode_utf8(c.text);
    scanner.scan(text, c.id);
  }
  return out;
}

}  // namespace xueshe
