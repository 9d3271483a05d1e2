#include "xueshe/route_text.hpp"

#include <algorithm>

#include "xueshe/cohort_fit.hpp"
#include "xueshe/messages.hpp"
#include "policy_text.hpp"
#include "xueshe/steps.hpp"

namespace xueshe {

bool condition_holds(const OutcomeContext& ctx, const std::string& condition) {
  if (condition.empty()) return true;
  const std::size_t colon = condition.find(':');
  const std::string kind = condition.substr(0, colon), arg = condition.substr(colon + 1);
  // Not knowing whether the new school's org exists yet: what holds if it
  // exists and what holds if it does not are both shown.
  if (kind == "variant")
    return ctx.outcome.variant == arg ||
           (ctx.outcome.variant == "org_unknown" && (arg == "org_pending" || arg == "org_exists"));
  if (kind == "alternative") {
    const auto& alts = ctx.outcome.alternatives;
    return std::find(alts.begin(), alts.end(), arg) != alts.end();
  }
  if (kind == "answer") {
    const std::size_t eq = arg.find('=');
    const std::string field = arg.substr(0, eq), value = arg.substr(eq + 1);
    auto it = ctx.used.values.find(field);
    if (it == ctx.used.values.end()) return value == "false";
    return answer_token(it->second) == value;
  }
  return false;  // the loader admits no other kind
}

std::string rule_clause(const Policy& p, const std::string& rule) {
  if (auto it = p.rule_clauses.find(rule); it != p.rule_clauses.end()) return it->second;
  if (auto it = p.national.rule_clauses.find(rule); it != p.national.rule_clauses.end()) return it->second;
  return "";
}

std::string period_text(int value, const std::string& unit, Lang lang) {
  const std::string n = std::to_string(value);
  return message(lang, "period." + unit + (value == 1 ? ".one" : ""), {{"n", n}});
}

std::string period_text(const Period& period, Lang lang) {
  return period_text(period.value, period.unit, lang);
}

namespace {

std::string fill(const OutcomeContext& ctx, const RouteEntry& route, const std::string& text,
                 const std::vector<Deadline>* deadlines, std::vector<std::string>& cites) {
  const Policy& p = ctx.policy;
  auto cite = [&](const std::string& clause) {
    if (!clause.empty() && std::find(cites.begin(), cites.end(), clause) == cites.end()) cites.push_back(clause);
  };
  return fill_policy_text(text, [&](const std::string& name) -> std::string {
    if (name == "ask") {
      cite(p.ask_whom_clause);
      return p.ask_whom.at(ctx.lang);
    }
    if (name == "basis") return community_basis_text(ctx);
    if (name == "org") return fill(ctx, route, route.org.at(ctx.lang), deadlines, cites);
    if (name == "limit") return std::to_string(p.national.age_limit.value);
    // The league system the school's own transfers run in (智慧团建, 广东共青团, 北京共青团).
    if (name == "system") return message(ctx.lang, "system." + p.region);
    if (name.rfind("period:", 0) == 0) {
      const Period* period = p.period(name.substr(7));
      if (!period) return "—";
      cite(period->clause);
      return period_text(*period, ctx.lang);
    }
    if (name.rfind("date:", 0) == 0 && deadlines)
      for (const Deadline& d : *deadlines)
        if (xueshe::name(d.kind) == std::string_view(name).substr(5)) return format_iso_date(d.date);
    // Out of the notice's cohort its dates are left out: the date is this year's notice's.
    if (name.rfind("date:", 0) == 0 && cohort_misfit(p, ctx.used, ctx.today))
      return message(ctx.lang, "date.in_this_years_notice");
    return "—";
  });
}

}  // namespace

std::string route_text(const OutcomeContext& ctx, const RouteEntry& route, const Localized& text,
                       const std::vector<Deadline>& deadlines, std::vector<std::string>& cites) {
  return fill(ctx, route, text.at(ctx.lang), &deadlines, cites);
}

std::string route_started_by(const OutcomeContext& ctx, const std::string& route, const std::vector<Deadline>& deadlines) {
  const RouteEntry* entry = ctx.policy.route(route);
  if (!entry) return "";
  std::vector<std::string> ignored;
  return route_text(ctx, *entry, entry->started_by, deadlines, ignored);
}

std::string route_org_text(const OutcomeContext& ctx, const RouteEntry& route) {
  std::vector<std::string> ignored;
  return fill(ctx, route, route.org.at(ctx.lang), nullptr, ignored);
}

}  // namespace xueshe
