// The calculators behind an outcome: deadlines, steps, warnings. Each reads the
// policy (dates, clause ids) and the answers used on the member's path; the
// assembled outcome puts them together with every clause relied on.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "xueshe/answers.hpp"
#include "xueshe/error.hpp"
#include "xueshe/flow.hpp"
#include "xueshe/policy.hpp"

namespace xueshe {

struct OutcomeContext {
  const Policy& policy;
  const Node& outcome;
  const Answers& used;
  std::set<std::string> cases;
  Date today;
  std::string lang;
};

struct Deadline {
  std::string kind;  // apply_by | complete_by | all_complete_by | retention_ends | new_org_created_by | before_departure
  Date date;
  std::string clause;
  std::string what;
  int days_left = 0;
  std::string state;  // upcoming | due_soon | today | overdue
};

struct Action {
  std::string id;
  std::string where;  // system (智慧团建) | offline | info
  std::string text;
  std::string clause;               // the clause that requires this action
  std::vector<std::string> cites;   // every clause the text relies on (clause first)
  std::string document;             // a paper the tool can prepare for this action ("application"), or ""
};

struct Warning {
  std::string code;
  std::string text;
  std::vector<std::string> clauses;
};

// SPEC §3: overdue < 0 days, today = 0, due_soon <= 14, else upcoming.
std::string deadline_state(int days_left);

std::vector<Deadline> compute_deadlines(const OutcomeContext& ctx);
std::vector<Action> compute_steps(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines);
std::vector<Action> compute_notes(const OutcomeContext& ctx);
std::vector<Warning> compute_warnings(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines);

// The community basis chosen, or every basis the policy allows ("本人居住地、户籍所在地或生源地").
std::string community_basis_text(const OutcomeContext& ctx);

// "完成转接截止 2022-08-31（三.2③）" — a deadline in one line, for warnings and text output.
std::string deadline_phrase(const Deadline& d, const std::string& lang);

// The receiving organization of a route in plain words, and the clause that names it.
std::string route_org(const OutcomeContext& ctx, const std::string& route);
std::string route_clause(const Policy& p, const std::string& route);

// An outcome as the calculators decide it, before any front end's shape: the
// engine's JSON (one member) and a roster's row (outcome.cpp, roster) are both
// made from it, so they cannot drift apart.
struct AssembledOutcome {
  std::string route, org;
  std::vector<std::string> alternatives;
  std::vector<Deadline> deadlines;
  std::vector<Action> steps, notes;
  std::vector<Warning> warnings;
  std::vector<const Clause*> clauses;  // every clause relied on: the notice's in its order, then the national layer's
};
AssembledOutcome assemble_outcome(const OutcomeContext& ctx);

// The youngest a member can be at graduation.
inline constexpr int kMinAgeAtGraduation = 14;

// Dates on the path must be in order: one cannot leave for abroad or enrol
// at a new school before graduating, nor graduate before being born or
// younger than a member can be.
std::optional<Error> check_date_order(const Answers& used);

}  // namespace xueshe
