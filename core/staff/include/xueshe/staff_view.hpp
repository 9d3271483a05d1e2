// What the staff page shows, as JSON for the page to lay out: one roster row
// (its input cells, route, most urgent date, errors with their reasons and
// warnings said to staff), the column choices of the mapping controls, and
// the decision table grouped by route, the usual paths first, every id in
// readable words. No rules here: the roster and the decision table decide;
// this only says it in the staff's words (core/messages/staff.*.json).
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/engine.hpp"
#include "xueshe/roster.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

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
