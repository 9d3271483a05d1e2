// Which dates apply to a member, from the policy's dated rules (by case, with
// explicit exceptions) and from the member's own dates (retention from the
// graduation date, the new school's org from the enrollment date, departure).
#include <algorithm>

#include "xueshe/cohort_fit.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/route_text.hpp"
#include "xueshe/deadlines.hpp"

namespace xueshe {
namespace {

bool any_in(const std::vector<std::string>& list, const std::set<std::string>& cases) {
  for (const auto& c : list)
    if (cases.count(c)) return true;
  return false;
}

}  // namespace

DeadlineState deadline_state(int days_left) {
  if (days_left < 0) return DeadlineState::overdue;
  if (days_left == 0) return DeadlineState::today;
  if (days_left <= 14) return DeadlineState::due_soon;
  return DeadlineState::upcoming;
}

std::vector<Deadline> compute_deadlines(const OutcomeContext& ctx) {
  const Policy& p = ctx.policy;
  const std::string& route = ctx.outcome.route;
  Lang lang = ctx.lang;
  std::vector<Deadline> out;
  if (route == "age_out") return out;  // 离团: nothing is transferred, so no transfer date applies
  // The notice's dates are another cohort's, or all passed: the routing stands, its dates do not.
  if (cohort_misfit(p, ctx.used, ctx.today)) return out;
  auto add = [&](DeadlineKind kind, Date date, std::string clause, std::string what, std::string label = {}) {
    Deadline d;
    d.label = label.empty() ? message(lang, catalog_key(kind)) : std::move(label);
    d.kind = kind;
    d.date = date;
    d.clause = std::move(clause);
    d.what = std::move(what);
    d.days_left = days_between(ctx.today, date);
    d.state = deadline_state(d.days_left);
    out.push_back(std::move(d));
  };

  // Dated rules of the notice. A rule applies when one of its cases is the
  // member's and none of its exceptions (a more specific clause) is.
  for (const DeadlineRule& r : p.deadlines)
    if (any_in(r.applies_to, ctx.cases) && !any_in(r.not_for, ctx.cases))
      add(r.kind, r.date, r.clause, r.what.at(lang), r.label.empty() ? std::string() : r.label.at(lang));

  // The member's own date on this route (the route table): one of their dates
  // plus a period the notice states; and, where the period has a cap, the
  // latest date it can be stretched to, with the condition for it.
  if (const RouteEntry* entry = p.route(route); entry && entry->deadline) {
    const PersonalDeadline& pd = *entry->deadline;
    const std::optional<Date> from = ctx.used.date(pd.from);
    if (from && condition_holds(ctx, pd.condition)) {
      const Period* period = pd.period.empty() ? nullptr : p.period(pd.period);
      const std::string clause = !pd.clause.empty() ? pd.clause : period ? period->clause : route_clause(p, route);
      std::vector<std::string> ignored;
      const std::string what = route_text(ctx, *entry, pd.what, {}, ignored);
      add(pd.kind, period ? add_period(*from, period->value, period->unit) : *from, clause, what);
      if (period && period->cap)
        add(DeadlineKind::cap_ends, add_period(*from, period->cap->value, period->cap->unit), period->clause,
            message(lang, "deadline.cap_ends.what",
                    {{"period", period_text(period->cap->value, period->cap->unit, lang)},
                     {"when", period->cap->when.at(lang)}}));
    }
  }

  // A total order (date, kind in DeadlineKind's order, clause), so the list never depends on the sort algorithm.
  std::sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.clause < b.clause;
  });
  for (Deadline& d : out) {
    const bool due_with_completion = std::any_of(out.begin(), out.end(), [&d](const Deadline& x) {
      return &x != &d && x.date == d.date && (x.kind == DeadlineKind::complete_by || x.kind == DeadlineKind::transfer_by);
    });
    if (d.kind == DeadlineKind::apply_by && due_with_completion)
      d.note = message(lang, "deadline.note.apply_early");
    else if (d.kind == DeadlineKind::all_complete_by)
      d.note = message(lang, "deadline.note.school_target");
  }
  return out;
}

std::string deadline_phrase(const Deadline& d, Lang lang) {
  return (d.label.empty() ? message(lang, catalog_key(d.kind)) : d.label) + " " + format_iso_date(d.date) +
         (lang == Lang::en ? " (" + d.clause + ")" : "（" + d.clause + "）");
}

}  // namespace xueshe
