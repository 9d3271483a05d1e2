// Where the notice is silent or its clauses pull apart, and where the member's
// dates have passed: said plainly, with the dates that do apply and whom to ask.
#include <algorithm>

#include "xueshe/age_band.hpp"
#include "xueshe/age_rule.hpp"
#include "xueshe/cohort_fit.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/warnings.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/steps.hpp"

namespace xueshe {
namespace {

std::string joined_phrases(const std::vector<const Deadline*>& list, Lang lang) {
  std::string out;
  for (const Deadline* d : list) out += (out.empty() ? "" : (lang == Lang::en ? "; " : "；")) + deadline_phrase(*d, lang);
  return out;
}

const Deadline* find_kind(const std::vector<Deadline>& deadlines, DeadlineKind kind) {
  for (const Deadline& d : deadlines)
    if (d.kind == kind) return &d;
  return nullptr;
}

bool lists(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace

std::vector<Warning> compute_warnings(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines) {
  const Policy& p = ctx.policy;
  Lang lang = ctx.lang;
  const std::string& route = ctx.outcome.route;
  const std::string ask = p.ask_whom.at(lang);
  // Another cohort's notice, or one whose dates have all passed: no date of it is the member's.
  const std::optional<std::string> misfit = cohort_misfit(p, ctx.used, ctx.today);
  std::vector<Warning> out;
  // A warning that sends the member to someone ({ask}) also relies on the clause naming them.
  // `wording`: another of the code's texts ("undated": the same warning without a date the answers do not hold).
  auto warn = [&](const std::string& code, const std::map<std::string, std::string>& params,
                  std::vector<std::string> clauses, const std::string& wording = {}) {
    if (params.count("ask") && std::find(clauses.begin(), clauses.end(), p.ask_whom_clause) == clauses.end())
      clauses.push_back(p.ask_whom_clause);
    const std::string key = code + (wording.empty() ? "" : "." + wording);
    out.push_back(Warning{code, message(lang, "warning." + key, params), std::move(clauses), key, params});
  };

  // The notice sets no completion date of its own for this case (e.g. military,
  // further study other than postgraduate).
  const RouteEntry* entry = p.route(route);
  if (route == "not_covered") warn("notice_silent", {{"ask", ask}}, {});
  // A guide on its own (no school's notice loaded) says where, not by when.
  if (p.cohort == 0 && route != "age_out" && route != "not_covered" && deadlines.empty() &&
      !nothing_to_do_now(p, route))
    warn("no_school_dates", {{"title", p.title.at(lang)}, {"ask", ask}}, {});
  if (entry && entry->transfers && !find_kind(deadlines, DeadlineKind::complete_by) && !find_kind(deadlines, DeadlineKind::transfer_by) &&
      p.cohort != 0 && !misfit) {
    std::vector<const Deadline*> all;
    for (const Deadline& d : deadlines) all.push_back(&d);
    std::vector<std::string> clauses{route_clause(p, route)};
    for (const Deadline* d : all) clauses.push_back(d->clause);
    warn("no_completion_date", {{"dates", all.empty() ? "—" : joined_phrases(all, lang)}, {"ask", ask}}, clauses);
  }

  // The admitting school may create its org after a completion date (二.2 vs 三.2④).
  if (const Deadline* created = find_kind(deadlines, DeadlineKind::new_org_created_by)) {
    for (const Deadline& d : deadlines)
      if ((d.kind == DeadlineKind::complete_by || d.kind == DeadlineKind::all_complete_by) && d.date < created->date) {
        warn("new_org_after_deadline",
             {{"created", format_iso_date(created->date)}, {"deadline", format_iso_date(d.date)},
              {"clause", d.clause}, {"ask", ask}},
             {created->clause, d.clause});
        break;
      }
  }

  // Retention at school outlasts a completion date set for not-yet-employed members (二.4 vs 三.2③).
  if (const Deadline* until = find_kind(deadlines, DeadlineKind::retention_ends)) {
    const DeadlineRule* earliest = nullptr;
    for (const DeadlineRule& r : p.deadlines)
      if ((r.kind == DeadlineKind::complete_by || r.kind == DeadlineKind::all_complete_by) && lists(r.applies_to, "unsettled_community") &&
          !lists(r.not_for, "unsettled_retain") && r.date < until->date && (!earliest || r.date < earliest->date))
        earliest = &r;
    if (earliest)
      warn("retention_conflict",
           {{"clause", earliest->clause}, {"date", format_iso_date(earliest->date)},
            {"until", format_iso_date(until->date)}, {"retain_clause", until->clause}, {"ask", ask}},
           {earliest->clause, until->clause});
  }

  // An application window that has not opened yet.
  for (const DeadlineRule& r : p.deadlines)
    if (r.kind == DeadlineKind::apply_by && r.opens && ctx.today < *r.opens) {
      for (const Deadline& d : deadlines)
        if (d.kind == DeadlineKind::apply_by && d.date == r.date && d.clause == r.clause) {
          warn("window_not_open", {{"date", format_iso_date(*r.opens)}, {"clause", r.clause}}, {r.clause});
          break;
        }
    }

  if (const DestinationRules* delayed = p.destination("delayed_graduation");
      delayed && route == delayed->route("route") && nothing_to_do_now(p, route))
    warn("delayed_nothing_now", {}, {route_clause(p, route)});
  // Keeping it at school only in exceptional cases ("极特殊情况"): not an equal choice.
  if (ctx.outcome.variant == "exceptional") warn("retention_exceptional", {{"ask", ask}}, {route_clause(p, route)});

  // Another cohort's notice, or all its dates passed, said as cohort_fit says it.
  auto misfit_warning = [&](const std::string& code, const std::string& reason) {
    return Warning{code, cohort_misfit_text(p, reason, ctx.used, lang), {p.ask_whom_clause},
                   cohort_misfit_key(reason), cohort_misfit_params(p, ctx.used, lang)};
  };

  // Rules above the notice: the age limit.
  const auto& nat = p.national.rule_clauses;
  const std::string limit = std::to_string(p.national.age_limit.value);
  if (route == "age_out")
    warn("age_out_no_transfer", {{"limit", limit}}, {nat.at("age_out"), nat.at("age_out_procedure")});
  auto birth = ctx.used.date("birth_date");
  auto band = ctx.used.choice(age_band::field);
  if (route != "age_out" && !deadlines.empty() && !ctx.used.flag("holds_league_post").value_or(false)) {
    // Turning the age limit after graduation but before a date that still
    // applies: no source settles this case. A share link's age answer says so
    // without the birthday (age_band.hpp).
    const Deadline* last = &deadlines.back();
    const std::vector<std::string> clauses{nat.at("age_out"), nat.at("age_out_procedure")};
    const std::optional<Date> birthday =
        birth ? std::optional<Date>(age_limit_birthday(*birth, p.national.age_limit.value)) : std::nullopt;
    if (birthday && *birthday <= last->date)
      warn("age_limit_before_deadline",
           {{"limit", limit}, {"birthday", format_iso_date(*birthday)}, {"deadline", deadline_phrase(*last, lang)},
            {"ask", ask}},
           clauses);
    else if (band == age_band::before_deadline)
      warn("age_limit_before_deadline", {{"limit", limit}, {"deadline", deadline_phrase(*last, lang)}, {"ask", ask}},
           clauses, "undated");
  }

  if (misfit && *misfit == "outside_cohort")
    out.push_back(misfit_warning("graduation_outside_cohort", *misfit));

  std::vector<const Deadline*> overdue;
  std::vector<std::string> overdue_clauses;
  for (const Deadline& d : deadlines)
    if (d.state == DeadlineState::overdue) {
      overdue.push_back(&d);
      overdue_clauses.push_back(d.clause);
    }
  if (!overdue.empty()) {
    warn("deadline_passed", {{"list", joined_phrases(overdue, lang)}, {"ask", ask}}, overdue_clauses);
  }

  if (const std::size_t n = p.unverified.size() + p.unverified_bases.size())
    warn("policy_unverified", {{"id", p.id}, {"n", std::to_string(n)}}, {});
  if (p.cohort != 0 && ctx.today > p.latest_date()) {
    if (misfit && *misfit == "policy_passed")
      out.push_back(misfit_warning("policy_outdated", *misfit));
    else
      warn("policy_outdated",
           {{"title", p.title.at(lang)}, {"date", format_iso_date(p.latest_date())}, {"cohort", std::to_string(p.cohort)}},
           {});
  }
  return out;
}

}  // namespace xueshe
