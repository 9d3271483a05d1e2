// Calendar reminders for an outcome: an iCalendar (RFC 5545) file with one
// all-day event per deadline, each with reminders 7 days and 1 day before.
// Built from the member's typed outcome (evaluate_member, member_outcome.hpp),
// so the CLI and the page's take-away module give the same bytes. The bytes
// depend only on the policy, the answers, the as-of date and the language,
// never on the clock. An event's UID is the deadline
// kind and the policy id, nothing of the member's: the answers (birth date,
// Party membership, …) cannot be read back from the file, and a file made
// again later (another as-of date, changed answers) updates the member's event
// of that kind instead of adding a copy (README, "添加到日历").
#pragma once
#include <optional>
#include <string>

#include "xueshe/error.hpp"
#include "xueshe/member_outcome.hpp"

namespace xueshe {

struct CalendarFile {
  std::string filename;  // e.g. "xueshe-reminders-hxci-2022-retain_at_school.ics"
  std::string ics;       // the file's bytes: UTF-8, CRLF line ends
};

struct CalendarBuild {
  std::optional<CalendarFile> file;
  std::optional<Error> error;  // codes "takeaway.error.<code>" (takeaway_error_body): calendar_needs_outcome
                               // (field: the question's id), calendar_no_deadlines
                               // (field "deadlines")
};

// The file's own texts are in the member's language (member.lang).
CalendarBuild outcome_calendar(const MemberOutcome& member);

}  // namespace xueshe
