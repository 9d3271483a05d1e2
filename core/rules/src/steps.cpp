// What the member does: the route's own steps from the policy's route table
// (each next to its clause), then the rules above the notice (age, Party
// members, 系统团委, the receiving region's system) and the transfer's own
// behaviour in the system (editable until accepted, the receiver's review time).
#include "xueshe/steps.hpp"

#include "xueshe/messages.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/route_text.hpp"

namespace xueshe {

bool nothing_to_do_now(const Policy& p, const std::string& route) {
  const RouteEntry* entry = p.route(route);
  if (!entry || entry->transfers || entry->deadline) return false;
  for (const RouteStep& s : entry->steps)
    if (s.where != StepWhere::info) return false;
  return true;
}

std::string community_basis_text(const OutcomeContext& ctx) {
  if (auto chosen = ctx.used.choice("community_basis")) return message(ctx.lang, "basis." + *chosen);
  std::string out;
  if (const DestinationRules* d = ctx.policy.destination("unsettled"))
    for (const auto& b : d->bases.value)
      out += (out.empty() ? "" : message(ctx.lang, "basis.separator")) + message(ctx.lang, "basis." + b);
  return out;
}

std::vector<Action> compute_steps(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines) {
  const Policy& p = ctx.policy;
  const std::string& route = ctx.outcome.route;
  Lang lang = ctx.lang;
  std::vector<Action> out;
  const RouteEntry* entry = p.route(route);

  // The route table: each step that holds for this member, in the policy's order.
  if (entry)
    for (const RouteStep& s : entry->steps) {
      if (!condition_holds(ctx, s.condition)) continue;
      const std::string clause =
          !s.clause.empty() ? s.clause : !s.rule.empty() ? rule_clause(p, s.rule) : route_clause(p, route);
      std::vector<std::string> cites{clause};
      const std::string text = route_text(ctx, *entry, s.text, deadlines, cites);
      out.push_back(Action{route + "." + s.id, s.where, text, clause, cites, s.document});
    }

  // Rules above the notice (national layer).
  const auto& nat = p.national.rule_clauses;
  const std::map<std::string, std::string> limit{{"limit", std::to_string(p.national.age_limit.value)}};
  auto step = [&](const std::string& id, StepWhere where, const std::string& clause,
                  const std::map<std::string, std::string>& params = {}) {
    std::vector<std::string> cites{clause};
    if (params.count("ask")) cites.push_back(p.ask_whom_clause);
    out.push_back(Action{id, where, message(lang, "step." + id, params), clause, cites, ""});
  };
  // These two state the member's own status; calendar files leave them out
  // (is_member_status_note, calendar_input.cpp).
  if (route != "age_out" && ctx.used.flag("holds_league_post").value_or(false))
    step("age.post_keeps", StepWhere::info, nat.at("age_out"), limit);
  if (route != "age_out" && ctx.used.flag("party_member").value_or(false)) {
    step("party.transfers", StepWhere::info, nat.at("party_members_transfer"), limit);
    out.back().cites.push_back(nat.at("age_out"));
  }
  // A 系统团委 exists only for employers in those national systems (铁道、民航、
  // 中央金融、中央企业、中央和国家机关): never for the self-employed, a private or
  // foreign firm or a social organization.
  const DestinationRules* employed = p.destination("employed");
  const std::string type = ctx.used.choice("employer_type").value_or("");
  const bool outside_systems = type == "private_company" || type == "social_org";
  if (employed && entry && entry->transfers && ctx.cases.count("employed") && !ctx.cases.count("self_employed") &&
      !outside_systems &&
      (route == employed->route("with_org") || route == employed->route("without_org")))
    step("employed.system_committee", StepWhere::system, nat.at("system_committees"));
  const std::string region = ctx.used.choice("receiving_region").value_or("other");
  auto external = [&](const std::string& r) {
    for (const auto& x : p.national.external_regions.value)
      if (x == r) return true;
    return false;
  };
  // Only a transfer between two different systems leaves one for the other.
  if (entry && entry->ask_region && region != p.region && (external(region) || external(p.region))) {
    const std::map<std::string, std::string> where{
        {"region", message(lang, "option.receiving_region." + region)},
        {"from", message(lang, "system." + (external(p.region) ? p.region : std::string("other")))},
        {"to", message(lang, "system." + (external(region) ? region : std::string("other")))}};
    if (region == "guangdong") step("region.guangdong_register", StepWhere::system, nat.at("guangdong_registration"), where);
    step(external(region) ? "region.external_system" : "region.leave_own_system", StepWhere::system, nat.at("external_systems"),
         where);
  }

  if (entry && entry->transfers) {
    if (p.rule_clauses.count("edit_until_accepted"))
      step("edit_until_accepted", StepWhere::system, p.rule_clauses.at("edit_until_accepted"));
    if (const Period* review = p.period("review"))
      step("review_days", StepWhere::info, review->clause, {{"period", period_text(*review, lang)}, {"ask", p.ask_whom.at(lang)}});
  }
  return out;
}

std::vector<Action> compute_notes(const OutcomeContext& ctx) {
  std::vector<Action> out;
  const Policy& p = ctx.policy;
  const std::string& route = ctx.outcome.route;
  // Why it matters (团章.8): a member left untransferred drifts toward 自行脱团 —
  // for everyone but those who leave the League, or have nothing to do now.
  if (route != "age_out" && !nothing_to_do_now(p, route)) {
    const std::string why = p.national.rule_clauses.at("why_transfer");
    out.push_back(Action{"why_transfer", StepWhere::info, message(ctx.lang, "note.why_transfer"), why, {why}, ""});
  }
  // 不知道: both possibilities, each with its organization, and how to find out
  // (the route's own clause, and whom the notice says to ask).
  const std::string& variant = ctx.outcome.variant;
  if (variant == "org_unknown" || variant == "youth_home_unknown") {
    const std::string key = route == "new_school_org"     ? "note.unknown.new_school_org"
                            : variant == "org_unknown"    ? "note.unknown.employer_org"
                                                          : "note.unknown.youth_home";
    std::string others;
    for (const std::string& alt : ctx.outcome.alternatives)
      others += (others.empty() ? "" : message(ctx.lang, "note.unknown.or")) + route_org(ctx, alt);
    const std::string clause = route_clause(p, route);
    out.push_back(Action{"unknown", StepWhere::info,
                         message(ctx.lang, key, {{"org", route_org(ctx, route)}, {"others", others}, {"ask", p.ask_whom.at(ctx.lang)}}),
                         clause, {clause, p.ask_whom_clause}, ""});
  }
  // A ban the notice states where it matters ("不得将已升学的…转至居住地或户籍所在地团组织").
  if (const DestinationRules* d = p.destination("further_study"))
    if (!d->no_residence_org_clause.empty() && ctx.cases.count("postgraduate") + ctx.cases.count("further_study_other"))
      out.push_back(Action{"no_residence_org", StepWhere::info, message(ctx.lang, "note.no_residence_org"),
                           d->no_residence_org_clause, {d->no_residence_org_clause}, ""});
  // A named situation (西部计划) says how it was filed and by which clause; where
  // no notice files it so, as the tool's general advice, with whom to confirm it.
  if (const Situation* s = ctx.situation) {
    const std::map<std::string, std::string> params{
        {"situation", s->label.at(ctx.lang)},
        {"destination", message(ctx.lang, "option.destination." + s->destination)},
        {"ask", p.ask_whom.at(ctx.lang)}};
    std::vector<std::string> cites{s->clause};
    if (s->general_advice) cites.push_back(p.ask_whom_clause);
    out.push_back(Action{"situation", StepWhere::info, message(ctx.lang, s->general_advice ? "note.situation_advice" : "note.situation", params),
                         s->clause, cites, ""});
  }
  if (p.rule_clauses.count("higher_notice_prevails")) {
    const std::string clause = p.rule_clauses.at("higher_notice_prevails");
    out.push_back(Action{"higher_notice", StepWhere::info, message(ctx.lang, "note.higher_notice"), clause, {clause}, ""});
  }
  return out;
}

}  // namespace xueshe
