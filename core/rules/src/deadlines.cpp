// Which dates apply to a member, from the policy's dated rules (by case, with
// explicit exceptions) and from the member's own dates (retention from the
// graduation date, the new school's org from the enrollment date, departure).
#include <algorithm>

#include "xueshe/messages.hpp"
#include "xueshe/deadlines.hpp"

namespace xueshe {
namespace {

bool any_in(const std::vector<std::string>& list, const std::set<std::string>& cases) {
  for (const auto& c : list)
    if (cases.count(c)) return true;
  return false;
}

int kind_rank(const std::string& kind) {
  static const std::vector<std::string> order = {"before_departure", "apply_by", "new_org_created_by",
                                                 "complete_by", "all_complete_by", "retention_ends"};
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] == kind) return static_cast<int>(i);
  return static_cast<int>(order.size());
}

}  // namespace

std::string deadline_state(int days_left) {
  if (days_left < 0) return "overdue";
  if (days_left == 0) return "today";
  if (days_left <= 14) return "due_soon";
  return "upcoming";
}

std::vector<Deadline> compute_deadlines(const OutcomeContext& ctx) {
  const Policy& p = ctx.policy;
  const std::string& route = ctx.outcome.route;
  const std::string& lang = ctx.lang;
  std::vector<Deadline> out;
  if (route == "age_out") return out;  // 离团: nothing is transferred, so no transfer date applies
  auto add = [&](std::string kind, Date date, std::string clause, std::string what) {
    Deadline d;
    d.kind = std::move(kind);
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
      add(r.kind, r.date, r.clause, r.what.at(lang));

  const std::string months_text = std::to_string(p.retention_months.value);
  if (route == "retain_at_school") {
    if (auto grad = ctx.used.date("graduation_date"))
      add("retention_ends", add_months_clamped(*grad, p.retention_months.value), p.retention_months.clause,
          message(lang, "deadline.retention_ends.what", {{"months", months_text}}));
  }
  if (route == "new_school_org" && ctx.outcome.variant == "org_pending") {
    if (auto enrolled = ctx.used.date("enrollment_date"))
      add("new_org_created_by", add_months_clamped(*enrolled, p.new_org_within_months.value),
          p.new_org_within_months.clause,
          message(lang, "deadline.new_org_created_by.what",
                  {{"months", std::to_string(p.new_org_within_months.value)}}));
  }
  if (route == "overseas_study_branch" || route == "dispatching_unit_org" || route == "hometown_township_org") {
    if (auto departure = ctx.used.date("departure_date"))
      add("before_departure", *departure, p.route_clauses.at(route),
          message(lang, route == "overseas_study_branch" ? "deadline.before_departure.study_abroad"
                                                         : "deadline.before_departure.work_abroad"));
  }

  // A total order (date, kind, clause), so the list never depends on the sort algorithm.
  std::sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.kind != b.kind) return kind_rank(a.kind) < kind_rank(b.kind);
    return a.clause < b.clause;
  });
  return out;
}

std::string deadline_phrase(const Deadline& d, const std::string& lang) {
  return message(lang, "deadline." + d.kind) + " " + format_iso_date(d.date) +
         (lang == "en" ? " (" + d.clause + ")" : "（" + d.clause + "）");
}

}  // namespace xueshe
