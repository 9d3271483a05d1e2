// Mirrors the outcome branch of Engine::evaluate (engine.cpp: outcome_json,
// route_org, route_clause, check_date_order) for the parts a roster shows.
// Kept equal to it by tests/unit/roster_test.cpp ("direct outcomes equal the
// engine's"); see the report on issue 5 for the engine API that would make
// this file unnecessary.
#include "roster_outcome.hpp"

#include <algorithm>

#include "xueshe/cases.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/outcome_parts.hpp"

namespace xueshe {
namespace {

// True when the engine's date-order checks surely pass: no departure before
// graduation, a birth date before graduation and at least 14 years earlier.
// Anything else goes to Engine::evaluate, which says what is wrong.
bool dates_plainly_in_order(const Answers& used) {
  auto grad = used.date("graduation_date");
  if (!grad) return true;
  if (auto departure = used.date("departure_date"); departure && *departure < *grad) return false;
  if (auto birth = used.date("birth_date"))
    if (!(*birth < *grad) || add_months_clamped(*birth, 12 * kMinAgeAtGraduation) > *grad) return false;
  return true;
}

std::string route_clause(const Policy& p, const std::string& route) {
  if (route == "youth_home_org") return p.youth_home_alternative.clause;
  if (route == "age_out") return p.national.rule_clauses.at("age_out");
  auto it = p.route_clauses.find(route);
  return it == p.route_clauses.end() ? "" : it->second;
}

int state_rank(const std::string& state) {
  if (state == "overdue") return 0;
  if (state == "today") return 1;
  if (state == "due_soon") return 2;
  return 3;
}

}  // namespace

void mark_most_urgent(RosterOutcome& o) {
  for (const RosterDeadline& d : o.deadlines)
    if (o.urgent_state.empty() || state_rank(d.state) < state_rank(o.urgent_state) ||
        (state_rank(d.state) == state_rank(o.urgent_state) && d.date < *o.urgent_date)) {
      o.urgent_state = d.state;
      o.urgent_date = d.date;
    }
}

std::optional<RosterOutcome> direct_outcome(const Engine& engine, const Answers& answers, Date today,
                                            const std::string& lang_in) {
  const std::string lang = is_supported_language(lang_in) ? lang_in : default_language();
  const Policy& p = engine.policy();
  Walk w = walk(engine.flow(), answers);
  if (w.error || !w.at || !w.at->is_outcome() || !dates_plainly_in_order(w.used)) return std::nullopt;

  const OutcomeContext ctx{p, *w.at, w.used, member_cases(w.used), today, lang};
  const std::string& route = ctx.outcome.route;
  const std::vector<Deadline> deadlines = compute_deadlines(ctx);
  const std::vector<Action> steps = compute_steps(ctx, deadlines);
  const std::vector<Action> notes = compute_notes(ctx);
  const std::vector<Warning> warnings = compute_warnings(ctx, deadlines);

  RosterOutcome o;
  o.ok = true;
  o.route = route;
  o.org = message(lang, "route." + route + ".org",
                  {{"months", std::to_string(p.retention_months.value)}, {"basis", community_basis_text(ctx)}});
  std::vector<std::string> cited{route_clause(p, route)};
  for (const std::string& alt : ctx.outcome.alternatives) {
    o.alternatives.push_back(alt);
    cited.push_back(route_clause(p, alt));
  }
  for (const Deadline& d : deadlines) {
    o.deadlines.push_back(RosterDeadline{d.kind, d.date, d.clause, d.state});
    cited.push_back(d.clause);
  }
  mark_most_urgent(o);
  for (const auto* list : {&steps, &notes})
    for (const Action& a : *list) cited.insert(cited.end(), a.cites.begin(), a.cites.end());
  for (const Warning& wr : warnings) {
    o.warning_codes.push_back(wr.code);
    o.warning_texts.push_back(wr.text);
    cited.insert(cited.end(), wr.clauses.begin(), wr.clauses.end());
  }
  // Every clause relied on, the notice's first, in the notice's order.
  for (const auto* list : {&p.clauses, &p.national.clauses})
    for (const Clause& c : *list)
      if (std::find(cited.begin(), cited.end(), c.id) != cited.end()) o.clauses.push_back(c.id);
  return o;
}

}  // namespace xueshe
