// What a calendar file is made of, read from an evaluate result body. The
// body may come from a page (through the take-away wasm module), so every
// member is checked for presence and type; a missing or mistyped one is an
// error naming its path ("deadlines[1].date"), never an exception.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"

namespace xueshe {

struct CalendarDeadline {
  std::string kind, label, clause, what;
  Date date;
};

struct CalendarStep {
  std::string where, text, clause;
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
  std::vector<CalendarClause> clauses;  // the outcome's clause_texts; every deadline's clause is among them
};

struct CalendarInputRead {
  std::optional<CalendarInput> input;
  std::optional<Error> error;
};

CalendarInputRead read_calendar_input(const nlohmann::json& result);

// The steps that only state who the member is (a Party member; 28 or over
// with a league post) and ask for nothing: a calendar file, which may be
// synced or shared, leaves them out, so it says nothing of the member's own
// that the dates and the route do not.
bool is_member_status_note(const std::string& step_id);

}  // namespace xueshe
