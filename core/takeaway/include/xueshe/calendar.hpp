// Calendar reminders for an outcome: an iCalendar (RFC 5545) file with one
// all-day event per deadline, each with reminders 7 days and 1 day before.
// Built from the evaluate result body (the JSON the CLI prints and the page's
// module returns), so the CLI and the page's take-away module give the same
// bytes. The bytes depend only on the policy, the answers and the as-of date
// (the result's `today`), never on the clock; an event's UID depends only on
// the policy, the deadline kind and the answers used, so importing the file
// again after a later as-of date updates the events instead of adding copies.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"

namespace xueshe {

struct CalendarFile {
  std::string filename;  // e.g. "xueshe-reminders-hxci-2022-retain_at_school.ics"
  std::string ics;       // the file's bytes: UTF-8, CRLF line ends
};

struct CalendarBuild {
  std::optional<CalendarFile> file;
  std::optional<Error> error;  // codes "takeaway.error.<code>": calendar_needs_outcome
                               // (field: the question's id), calendar_no_deadlines
                               // (field "deadlines"), calendar_bad_result (field: the path)
};

// `result`: an evaluate result body with status "outcome". `lang`: the
// language of the file's own texts (an unsupported one falls back to the default).
CalendarBuild outcome_calendar(const nlohmann::json& result, const std::string& lang);

}  // namespace xueshe
