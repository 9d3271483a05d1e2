// Splitting a notice into clauses by its own numbering (see notice_split.hpp).
#include "xueshe/notice_split.hpp"

#include <algorithm>
#include <cctype>

#include "notice_dates.hpp"
#include "notice_text.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

using namespace notice;

enum class Style { cn, paren_cn, num, paren_num, circled };

struct Marker {
  Style style;
  int number;
  std::size_t length;  // the marker and the spaces after it
};

bool is_open_paren(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close_paren(char32_t c) { return c == U')' || c == U'）'; }
bool is_colon(char32_t c) { return c == U'：' || c == U':'; }

std::size_t with_spaces(const std::u32string& s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// The numbering marker at s[i]: 一、 （一） 1. 1、 1． (1) 1) ①.
std::optional<Marker> read_marker(const std::u32string& s, std::size_t i) {
  if (i >= s.size()) return std::nullopt;
  if (is_open_paren(s[i])) {
    if (auto n = read_cn_number(s, i + 1); n && s[i + 1] != U'两' && i + 1 + n->length < s.size() &&
                                           is_close_paren(s[i + 1 + n->length]))
      return Marker{Style::paren_cn, n->value, with_spaces(s, i + 2 + n->length) - i};
    if (auto n = read_digits(s, i + 1, 2); n && i + 1 + n->length < s.size() && is_close_paren(s[i + 1 + n->length]))
      return Marker{Style::paren_num, n->value, with_spaces(s, i + 2 + n->length) - i};
    return std::nullopt;
  }
  if (int c = circled_value(s[i])) return Marker{Style::circled, c, with_spaces(s, i + 1) - i};
  if (auto n = read_digits(s, i, 2)) {
    const std::size_t k = i + n->length;
    if (k >= s.size() || n->value == 0) return std::nullopt;
    if ((s[k] == U'.' || s[k] == U'．' || s[k] == U'、') && !(k + 1 < s.size() && digit_value(s[k + 1]) >= 0))
      return Marker{Style::num, n->value, with_spaces(s, k + 1) - i};
    if (is_close_paren(s[k])) return Marker{Style::paren_num, n->value, with_spaces(s, k + 1) - i};
    return std::nullopt;
  }
  if (auto n = read_cn_number(s, i); n && s[i] != U'两') {
    const std::size_t k = i + n->length;
    if (k < s.size() && (s[k] == U'、' || s[k] == U'．' || s[k] == U'.'))
      return Marker{Style::cn, n->value, with_spaces(s, k + 1) - i};
  }
  return std::nullopt;
}

std::u32string segment(Style style, int n) {
  switch (style) {
    case Style::cn: return cn_numeral(n);
    case Style::paren_cn: return U"(" + cn_numeral(n) + U")";
    case Style::num: return decimal(n);
    case Style::paren_num: return U"(" + decimal(n) + U")";
    case Style::circled: return std::u32string(1, circled(n));
  }
  return {};
}

struct Open {
  Style style;
  int number;
  std::u32string id;
  std::size_t clause;  // index in Splitter::built
};

struct Built {
  std::u32string id;
  std::vector<std::u32string> pieces;  // the first is what follows the marker on its line
  bool has_children = false;
  bool lines = false;  // pieces are lines to keep apart (附件, 落款)
};

bool ascii_alnum(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0); }

std::u32string join(const std::vector<std::u32string>& pieces, std::size_t from, bool lines) {
  std::u32string out;
  for (std::size_t i = from; i < pieces.size(); ++i) {
    if (!out.empty() && lines) out.push_back(U'\n');
    else if (!out.empty() && ascii_alnum(out.back()) && ascii_alnum(pieces[i].front())) out.push_back(U' ');
    out += pieces[i];
  }
  return out;
}

bool has_sentence_mark(std::u32string_view s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return ends_sentence(c) || is_colon(c); });
}

constexpr std::size_t kHeadingMax = 60, kInlineTitleMax = 40;

NoticeClause finish(const Built& b) {
  NoticeClause c;
  c.id = encode_utf8(b.id);
  if (b.pieces.empty()) return c;
  const std::u32string& first = b.pieces.front();
  if (b.lines) {
    c.text = encode_utf8(join(b.pieces, 0, true));
    return c;
  }
  // A heading: a short first line with no sentence in it (no comma either: "…，毕" broken over two lines is not one).
  const bool comma = std::any_of(first.begin(), first.end(), [](char32_t ch) { return ch == U'，' || ch == U','; });
  if ((b.pieces.size() > 1 || b.has_children) && !has_sentence_mark(first) && !comma && first.size() <= kHeadingMax) {
    c.title = encode_utf8(first);
    c.text = encode_utf8(join(b.pieces, 1, false));
    return c;
  }
  // "转出方式 毕业生可以…": a heading and its text on one line, parted by a space.
  const auto space = std::find_if(first.begin(), first.end(), is_space);
  const auto head = static_cast<std::size_t>(space - first.begin());
  if (space != first.end() && head >= 2 && head <= 20 &&
      std::none_of(first.begin(), space, [](char32_t ch) {
        return ch < 0x80 || ends_sentence(ch) || is_colon(ch) || ch == U'，' || ch == U'、' || ch == U'“';
      })) {
    c.title = encode_utf8(first.substr(0, head));
    std::vector<std::u32string> rest = b.pieces;
    rest.front() = trim(std::u32string_view(first).substr(head));
    c.text = encode_utf8(join(rest, 0, false));
    return c;
  }
  const std::u32string text = join(b.pieces, 0, false);
  c.text = encode_utf8(text);
  c.title_in_text = true;
  // The words before the first ：。； (or else the first ，), when short enough to be a title.
  for (auto stop : {+[](char32_t ch) { return ends_sentence(ch) || is_colon(ch); },
                    +[](char32_t ch) { return ends_sentence(ch) || is_colon(ch) || ch == U'，' || ch == U','; }}) {
    auto it = std::find_if(text.begin(), text.end(), stop);
    const auto n = static_cast<std::size_t>(it - text.begin());
    if (n > 0 && n <= kInlineTitleMax) {
      c.title = encode_utf8(trim(std::u32string_view(text).substr(0, n)));
      return c;
    }
  }
  if (text.size() <= kInlineTitleMax) c.title = c.text;
  return c;
}

bool starts_with(std::u32string_view s, std::u32string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_annex_line(std::u32string_view line) {
  return starts_with(line, U"附件") || starts_with(line, U"附：") || starts_with(line, U"附:");
}

// "- 27 -" (a page number on its own) or at the start of a line glued to its text.
std::size_t page_number_length(const std::u32string& line) {
  auto dash = [](char32_t c) { return c == U'-' || c == U'－' || c == U'—' || c == U'–'; };
  if (line.empty() || !dash(line[0])) return 0;
  std::size_t i = with_spaces(line, 1);
  auto n = read_digits(line, i, 4);
  if (!n) return 0;
  i = with_spaces(line, i + n->length);
  if (i >= line.size() || !dash(line[i])) return 0;
  return with_spaces(line, i + 1);
}

class Splitter {
 public:
  NoticeSplit run(const std::vector<std::u32string>& lines) {
    const std::size_t body_end = find_signature(lines);
    for (std::size_t i = 0; i < body_end; ++i) add_line(lines[i]);
    if (!signature_.empty()) {
      built_.push_back(Built{U"落款", signature_, false, true});
    }
    if (!saw_marker_) {  // 引言, if any, is the whole text: 全文
      const bool words = !built_.empty() && built_.front().id == U"引言";
      if (words) built_.front().id = U"全文";
      out_.notes.push_back(NoticeNote{"no_numbering", words ? "全文" : "", {}});
    }
    for (const Built& b : built_)
      if (!b.pieces.empty() || b.has_children || b.id != U"引言") out_.clauses.push_back(finish(b));
    return std::move(out_);
  }

 private:
  NoticeSplit out_;
  std::vector<Built> built_;
  std::vector<Open> path_;
  std::vector<std::u32string> signature_;
  bool saw_marker_ = false;
  bool in_annex_ = false;

  // The last line, when it is only a date, and the issuer's line above it.
  std::size_t find_signature(const std::vector<std::u32string>& lines) {
    std::size_t end = lines.size();
    while (end > 0 && lines[end - 1].empty()) --end;
    if (end == 0 || !date_line(lines[end - 1])) return lines.size();
    std::size_t start = end - 1;
    std::size_t above = start;
    while (above > 0 && lines[above - 1].empty()) --above;
    if (above > 0) {
      const std::u32string& issuer = lines[above - 1];
      if (issuer.size() <= kInlineTitleMax && !has_sentence_mark(issuer) && !is_annex_line(issuer) &&
          !read_marker(issuer, 0))
        start = above - 1;
    }
    for (std::size_t i = start; i < end; ++i)
      if (!lines[i].empty()) signature_.push_back(lines[i]);
    return start;
  }

  Built& current() {
    if (built_.empty()) built_.push_back(Built{U"引言", {}, false, false});
    return built_.back();
  }

  void add_piece(std::u32string piece) {
    piece = trim(piece);
    if (!piece.empty()) current().pieces.push_back(std::move(piece));
  }

  struct Placement {
    std::size_t level;
    int number;
    bool sibling;
  };

  // Where a marker goes: a sibling of the open clause of its style (the next
  // number), or the first child of the deepest open clause. Inside a line
  // only the expected number is a marker.
  std::optional<Placement> place(const Marker& m, bool line_start) const {
    for (std::size_t level = 0; level < path_.size(); ++level) {
      if (path_[level].style != m.style) continue;
      const int expected = path_[level].number + 1;
      if (!line_start && m.number != expected) return std::nullopt;
      return Placement{level, expected, true};
    }
    if (!line_start && m.number != 1) return std::nullopt;
    return Placement{path_.size(), m.number, false};
  }

  void open(const Marker& m, const Placement& p, std::u32string_view written) {
    saw_marker_ = true;
    path_.resize(p.level);
    std::u32string id = path_.empty() ? U"" : path_.back().id;
    const bool dotted = m.style == Style::num || m.style == Style::cn;
    if (!id.empty() && dotted && (path_.back().style == Style::cn || path_.back().style == Style::num)) id += U".";
    id += segment(m.style, p.number);
    if (!path_.empty()) built_[path_.back().clause].has_children = true;
    built_.push_back(Built{id, {}, false, false});
    path_.push_back(Open{m.style, p.number, id, built_.size() - 1});
    const std::string written_text = encode_utf8(trim(written));
    if (m.number != p.number)
      out_.notes.push_back(NoticeNote{"renumbered", encode_utf8(id), {{"written", written_text}}});
    else if (!p.sibling && p.number != 1)
      out_.notes.push_back(NoticeNote{"starts_at", encode_utf8(id), {{"written", written_text}}});
  }

  void add_line(std::u32string line) {
    if (std::size_t n = page_number_length(line)) line = trim(std::u32string_view(line).substr(n));
    if (line.empty()) return;
    if (in_annex_ || is_annex_line(line)) {
      if (!in_annex_) built_.push_back(Built{U"附件", {}, false, true});
      in_annex_ = true;
      current().pieces.push_back(line);
      return;
    }
    std::size_t from = 0;
    if (auto m = read_marker(line, 0)) {
      if (auto p = place(*m, true)) {
        open(*m, *p, std::u32string_view(line).substr(0, m->length));
        from = m->length;
      }
    }
    for (std::size_t i = from + 1; i < line.size(); ++i) {
      const char32_t before = line[i - 1];
      if (!(ends_sentence(before) || is_colon(before) || is_space(before))) continue;
      auto m = read_marker(line, i);
      if (!m) continue;
      auto p = place(*m, false);
      if (!p) continue;
      add_piece(line.substr(from, i - from));
      open(*m, *p, std::u32string_view(line).substr(i, m->length));
      from = i + m->length;
      i = from;
    }
    add_piece(line.substr(from));
  }
};

// The year a date without one takes: the signature's, else 2022届, else the
// first full date's, else the first "2021年".
NoticeYear notice_year(const std::vector<std::u32string>& lines, const std::vector<NoticeClause>& clauses) {
  NoticeYear y;
  if (!clauses.empty() && clauses.back().id == "落款") {
    const std::u32string sig = decode_utf8(clauses.back().text);
    const std::u32string last = sig.substr(sig.rfind(U'\n') == std::u32string::npos ? 0 : sig.rfind(U'\n') + 1);
    if (auto d = date_line(last)) {
      const Date date{date::year{d->year}, date::month{static_cast<unsigned>(d->month)},
                      date::day{static_cast<unsigned>(d->day)}};
      if (date.ok() && year_in_range(date)) return NoticeYear{d->year, "signature", date};
    }
  }
  auto year_at = [](const std::u32string& s, std::size_t i) -> int {
    if (i > 0 && digit_value(s[i - 1]) >= 0) return 0;
    auto n = read_digits(s, i, 4);
    return n && n->length == 4 && n->value >= kFirstYear && n->value <= kLastYear ? n->value : 0;
  };
  for (const auto& s : lines)
    for (std::size_t i = 0; i < s.size(); ++i)
      if (int v = year_at(s, i); v && with_spaces(s, i + 4) < s.size() && s[with_spaces(s, i + 4)] == U'届')
        return NoticeYear{v, "cohort", std::nullopt};
  for (const auto& s : lines)
    for (std::size_t i = 0; i < s.size(); ++i)
      if (year_at(s, i))
        if (auto d = read_date(s, i); d && d->year) return NoticeYear{d->year, "full_date", std::nullopt};
  for (const auto& s : lines)
    for (std::size_t i = 0; i < s.size(); ++i)
      if (int v = year_at(s, i); v && with_spaces(s, i + 4) < s.size() && s[with_spaces(s, i + 4)] == U'年')
        return NoticeYear{v, "year", std::nullopt};
  return y;
}

}  // namespace

NoticeSplit split_notice(std::string_view text) {
  NoticeSplit out;
  if (text.size() > kNoticeMaxBytes) {
    out.error = Error{"notice_too_large", "notice", {{"limit", std::to_string(kNoticeMaxBytes)}, {"got", std::to_string(text.size())}}};
    return out;
  }
  if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    out.error = Error{"notice_not_utf8", "notice",
                      {{"line", std::to_string(first_invalid_utf8_line(text))}, {"offset", std::to_string(bad)}}};
    return out;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::u32string> lines;
  const std::u32string all = decode_utf8(text);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= all.size(); ++i) {
    if (i < all.size() && all[i] != U'\n' && all[i] != U'\r') continue;
    lines.push_back(trim(std::u32string_view(all).substr(start, i - start)));
    if (i + 1 < all.size() && all[i] == U'\r' && all[i + 1] == U'\n') ++i;
    start = i + 1;
  }
  if (std::all_of(lines.begin(), lines.end(), [](const std::u32string& l) { return l.empty(); })) {
    out.error = Error{"notice_empty", "notice", {}};
    return out;
  }
  out = Splitter().run(lines);
  out.year = notice_year(lines, out.clauses);
  return out;
}

}  // namespace xueshe
