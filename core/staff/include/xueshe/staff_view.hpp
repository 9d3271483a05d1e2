// What the staff page shows, as JSON for the page to lay out: one roster row
// (its input cells, route, most urgent date, errors with their reasons and
// warnings said to staff), the column choices of the mapping controls, and
// the decision table grouped by route, the usual paths first, every id in
// readable words. No rules here: the roster and the decision table decide;
// this only says it in the staff's words (core/messages/staff.*.json).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/engine.hpp"
#include "xueshe/roster.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// The policy as the page shows it above everything: {"id", "title",
// "school" (in `lang`, else Chinese), "cohort", "notice_date",
// "last_verified", "hash", "unverified" (a draft's unverified paths; empty for
// a finished policy), "banner"? (saying so, only for a draft)}.
nlohmann::json staff_policy_view(const Policy& policy, const std::vector<std::string>& unverified,
                                 Lang lang);

// The page's column mapping: "" (as the headers name them) or a JSON array
// with one entry per input column: a column id, "" (kept as it is) or null (as
// the header names it), into RosterOptions::columns. An error names the field
// ("columns", "columns[2]"); render it with error_body.
std::optional<Error> roster_columns_from_json(const std::string& text, std::map<std::size_t, std::string>& columns);

// What each column of the header is taken for, [{"header", "column"}] (column:
// an id or null), as `columns` (the mapping) or else the header names it; null
// when the roster has no header that could be read. For a roster rejected
// whole, so the page can still offer the mapping controls (a roster whose
// headers name no 去向 column is fixed there).
nlohmann::json roster_header_view(const RosterRun& run, const Policy& policy,
                                  const std::map<std::size_t, std::string>& columns);

// What the page gets back from checking a roster: {"summary" (roster_summary,
// its "policy" with "unverified": how many paths of a draft are unverified),
// "route_order", "column_choices"}; for a roster rejected whole (run.error),
// {"error" (roster_error_body), "columns"? (roster_header_view, by the
// mapping `columns`), "column_choices"}.
nlohmann::json roster_check_view(const RosterRun& run, const Policy& policy, std::size_t unverified,
                                 const std::map<std::size_t, std::string>& columns);

// The page's filter of a checked roster's rows. Each part set narrows: a
// route id, a most urgent state (overdue, today, due_soon, upcoming, none),
// rows with errors, rows of a duplicated student number, part of a student
// number or name (spaces around it trimmed).
struct RosterFilter {
  std::string route, state, text;
  bool errors = false, duplicates = false;
};
// "" (every row) or {"route", "state", "errors", "duplicates", "text"}: a part
// missing or of another type (or text that is no JSON object) filters nothing.
RosterFilter roster_filter_from_json(const std::string& text);
// The rows (indices into run.rows) the filter keeps, in order.
std::vector<std::uint32_t> roster_select(const RosterRun& run, const RosterFilter& filter);

// Row `r` of a checked roster: {"line", "cells", "errors": [{"code", "field",
// "column", "message"}], "route", "route_name", "org", "alternatives" (names),
// "deadlines": [{"kind", "kind_name", "date", "clause", "state"}],
// "urgent_state", "urgent_date", "warnings": [{"code", "text"}], "clauses",
// "duplicate"?}; the route's part only for a row with an outcome.
nlohmann::json roster_row_view(const RosterRun& run, std::size_t r);

// Every column a roster can have, [{"id", "name"}], for the mapping controls.
nlohmann::json roster_column_choices(Lang lang);

// The decision table for the page: {"count", "fields", "field_names",
// "groups": [{"route", "name", "org", "rows": [{"number", "answers": [{"field",
// "name", "word"}], "alternatives" (names), "deadlines": [{"kind_name",
// "date", "clause"}], "clauses", "warnings" (short names), "error"?}]}]}.
// Groups follow the policy's route order; within a group the usual paths come
// first (decision_path_rarity), then the flow's order (number).
nlohmann::json decision_table_view(const Engine& engine, Date today, Lang lang);

// How unusual a path's answers are: one for each answer that is not the usual
// one of its question (a Party member, self-employed, a classified employer, a
// civil servant, a receiving organization in 北京/广东/福建, and any answer to
// the league-post question, asked only at the age limit). Only an order for
// reading; no rule depends on it.
int decision_path_rarity(const std::vector<std::pair<std::string, AnswerValue>>& answers);

}  // namespace xueshe
