// The outcome assembled from the calculators, with every clause it relied on;
// and the preconditions every outcome shares (dates in order).
#include <algorithm>

#include "xueshe/messages.hpp"
#include "xueshe/route_text.hpp"
#include "xueshe/outcome.hpp"

namespace xueshe {

std::string route_org(const OutcomeContext& ctx, const std::string& route) {
  const RouteEntry* entry = ctx.policy.route(route);
  return entry ? route_org_text(ctx, *entry) : std::string();
}

std::string route_clause(const Policy& p, const std::string& route) {
  // The notice's silence is cited by whom it tells the member to ask.
  if (route == "not_covered") return p.ask_whom_clause;
  const RouteEntry* entry = p.route(route);
  return entry ? entry->clause : std::string();
}

std::vector<FallbackOption> route_fallbacks(const OutcomeContext& ctx, const std::string& route) {
  std::vector<FallbackOption> out;
  for (const RouteEntry* at = ctx.policy.route(route); at && at->fallback; at = ctx.policy.route(at->fallback->route)) {
    const std::string clause = at->fallback->clause.empty() ? at->clause : at->fallback->clause;
    std::vector<std::string> ignored;
    out.push_back(FallbackOption{at->fallback->route, route_org(ctx, at->fallback->route),
                                 route_text(ctx, *at, at->fallback->when, {}, ignored), clause});
  }
  return out;
}

AssembledOutcome assemble_outcome(const OutcomeContext& ctx) {
  const Policy& p = ctx.policy;
  AssembledOutcome o;
  o.route = ctx.outcome.route;
  o.org = route_org(ctx, o.route);
  o.alternatives = ctx.outcome.alternatives;
  o.fallbacks = route_fallbacks(ctx, o.route);
  o.deadlines = compute_deadlines(ctx);
  o.steps = compute_steps(ctx, o.deadlines);
  o.notes = compute_notes(ctx);
  o.warnings = compute_warnings(ctx, o.deadlines);

  std::vector<std::string> cited{route_clause(p, o.route)};
  for (const auto& alt : o.alternatives) cited.push_back(route_clause(p, alt));
  for (const FallbackOption& f : o.fallbacks) cited.push_back(f.clause);
  for (const Deadline& d : o.deadlines) cited.push_back(d.clause);
  for (const auto* list : {&o.steps, &o.notes})
    for (const Action& a : *list) cited.insert(cited.end(), a.cites.begin(), a.cites.end());
  for (const Warning& w : o.warnings) cited.insert(cited.end(), w.clauses.begin(), w.clauses.end());
  // In the notice's own order: the notice's clauses first, then the national layer's.
  for (const auto* list : {&p.clauses, &p.national.clauses})
    for (const Clause& c : *list)
      if (std::find(cited.begin(), cited.end(), c.id) != cited.end()) o.clauses.push_back(&c);
  return o;
}

std::optional<Error> check_date_order(const Answers& used) {
  auto grad = used.date("graduation_date");
  if (!grad) return std::nullopt;
  auto order_error = [&](const char* field, const Date& got) {
    return Error{"date_order", field,
                 {{"got", format_iso_date(got)}, {"other_field", "graduation_date"}, {"other", format_iso_date(*grad)}}};
  };
  if (auto departure = used.date("departure_date"); departure && *departure < *grad)
    return order_error("departure_date", *departure);
  // Further study begins after graduating (SPEC §4: dates in the wrong order are errors).
  if (auto enrollment = used.date("enrollment_date"); enrollment && *enrollment < *grad)
    return order_error("enrollment_date", *enrollment);
  if (auto birth = used.date("birth_date")) {
    if (*birth >= *grad) {
      Error born_later = order_error("birth_date", *birth);
      born_later.detail = "must_be_before";  // the one date that comes before graduating
      return born_later;
    }
    if (add_months_clamped(*birth, 12 * kMinAgeAtGraduation) > *grad)
      return Error{"implausible_date", "birth_date",
                   {{"got", format_iso_date(*birth)}, {"other_field", "graduation_date"},
                    {"other", format_iso_date(*grad)}, {"years", std::to_string(kMinAgeAtGraduation)}}};
  }
  return std::nullopt;
}

}  // namespace xueshe
