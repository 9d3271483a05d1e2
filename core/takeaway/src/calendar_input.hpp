// What a calendar file is made of, taken from a member's typed outcome
// (member_outcome.hpp): the policy, the as-of date, the route and its
// deadlines, the steps and the words of every clause the dates rely on.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "xueshe/closed_sets.hpp"
#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"
#include "xueshe/member_outcome.hpp"

namespace xueshe {

struct CalendarDeadline {
  DeadlineKind kind;
  std::string label, clause, what;
  Date date;
};

struct CalendarStep {
  StepWhere where;
  std::string text, clause;
};

struct CalendarClause {
  std::string id, title, text;
};

struct CalendarInput {
  std::string policy_id, policy_hash, policy_title;
  Date today;  // the as-of date
  std::string route, org, started_by;
  std::vector<CalendarDeadline> deadlines;  // at least one
  std::vector<CalendarStep> steps;          // the outcome's, less the member status notes
  std::vector<CalendarClause> clauses;  // the outcome's; every deadline's clause is among them (assemble_outcome)
};

struct CalendarInputRead {
  std::optional<CalendarInput> input;
  std::optional<Error> error;
};

// Errors: calendar_needs_outcome (field: the question still to answer),
// calendar_no_deadlines (field "deadlines").
CalendarInputRead read_calendar_input(const MemberOutcome& member);

// The steps that only state who the member is (a Party member; 28 or over
// with a league post) and ask for nothing: a calendar file, which may be
// synced or shared, leaves them out, so it says nothing of the member's own
// that the dates and the route do not.
bool is_member_status_note(const std::string& step_id);

}  // namespace xueshe
