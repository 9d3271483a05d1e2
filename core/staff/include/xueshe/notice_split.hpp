// A notice's text split into clauses by its own numbering, the first step of
// turning a notice into a policy (`xueshe policy split`, the policy studio).
//
// Numbering styles, in any nesting: 一、 （一） 1. 1、 (1) 1) ①. A style takes
// the level at which it first appears under the current clause, and a style
// already open closes the deeper ones (so after 三.2① a "2." is 三.2's sibling).
// A marker starts a line, or follows the end of a sentence (。；：! ? or a
// space) when it is the next number of an open style or the first of a new one
// (one-line notices: "…团员。 2.离校时…"). Clause ids take the built-in
// policy's form: 二.1, 三.2③, 二(一), 2(1), 一.3(2). A sibling numbered out of
// order is renumbered in sequence (the seed notice's second "2." is 三.3) and
// said so in a note. Text before the first marker is the clause 引言, lines
// from one that starts with 附件 the clause 附件, a last line that is only a
// date (with the issuer's line above it) the clause 落款; a text with no
// numbering at all is the one clause 全文, with a note.
//
// Limits: at most kNoticeMaxBytes of UTF-8; anything else is an error naming
// the field "notice". The text is never interpreted: HTML is just text.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"

namespace xueshe {

inline constexpr std::size_t kNoticeMaxBytes = 1024 * 1024;

struct NoticeClause {
  std::string id;
  std::string title;  // the heading line, or the words before the first ：。；
  std::string text;   // the clause's own words (not its sub-clauses'), lines joined
  bool title_in_text = false;  // the title is the start of `text`, not a line of its own
};

// Something the user should look at: codes "notice.note.<code>" in the catalog.
struct NoticeNote {
  std::string code;    // no_numbering, renumbered, starts_at, no_year, not_a_day
  std::string clause;  // the clause it is about ("" for the whole notice)
  std::map<std::string, std::string> params;
};

// The year a date without one takes, and where it was found.
struct NoticeYear {
  int year = 0;       // 0: none found
  std::string from;   // signature, cohort (2022届), full_date (2022年8月31日), year (2021年)
  std::optional<Date> date;  // the signature date, when the notice has one
};

struct NoticeSplit {
  std::vector<NoticeClause> clauses;
  std::vector<NoticeNote> notes;
  NoticeYear year;
  std::optional<Error> error;  // notice_too_large, notice_not_utf8, notice_empty
};

NoticeSplit split_notice(std::string_view text);

}  // namespace xueshe
