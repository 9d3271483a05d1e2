// The words of a route for one member: the route table's texts with their
// placeholders filled ({org}, {basis}, {ask}, {system}, {period:NAME},
// {date:KIND}, {limit}), and whether a step's condition holds on this member's path.
#pragma once
#include <string>
#include <vector>

#include "xueshe/deadlines.hpp"
#include "xueshe/outcome_context.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// "variant:org_pending", "alternative:youth_home_org", "answer:party_member=true"
// (a boolean not answered counts as false); "" always holds.
bool condition_holds(const OutcomeContext& ctx, const std::string& condition);

// The clause of a named rule (the notice's, else the national layer's).
std::string rule_clause(const Policy& p, const std::string& rule);

// "6 个月" / "6 months", "30 天" / "30 days", "1 年" / "1 year".
std::string period_text(int value, const std::string& unit, Lang lang);
std::string period_text(const Period& period, Lang lang);

// `text` in the member's language with its placeholders filled; every clause
// a placeholder relies on (whom to ask, a period) is added to `cites`.
std::string route_text(const OutcomeContext& ctx, const RouteEntry& route, const Localized& text,
                       const std::vector<Deadline>& deadlines, std::vector<std::string>& cites);

// Who starts the transfer on the route, in words ("" for a route the policy does not have).
std::string route_started_by(const OutcomeContext& ctx, const std::string& route, const std::vector<Deadline>& deadlines);

// The route's receiving organization in words (no deadlines needed).
std::string route_org_text(const OutcomeContext& ctx, const RouteEntry& route);

}  // namespace xueshe
