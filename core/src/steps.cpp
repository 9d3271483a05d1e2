// What the member does, route by route, each action next to the clause that
// requires it (二.1–二.8 and 三.2 of the 2022 notice; ids come from the policy).
#include "xueshe/messages.hpp"
#include "xueshe/outcome_parts.hpp"
#include "xueshe/routes.hpp"

namespace xueshe {
// The community basis the member chose, or (when the community route is only an
// alternative) every basis the policy allows.
std::string community_basis_text(const OutcomeContext& ctx) {
  if (auto chosen = ctx.used.choice("community_basis")) return message(ctx.lang, "basis." + *chosen);
  std::string out;
  for (const auto& b : ctx.policy.community_bases.value)
    out += (out.empty() ? "" : message(ctx.lang, "basis.separator")) + message(ctx.lang, "basis." + b);
  return out;
}

std::vector<Action> compute_steps(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines) {
  const Policy& p = ctx.policy;
  const std::string& route = ctx.outcome.route;
  const std::string& variant = ctx.outcome.variant;
  const std::string& lang = ctx.lang;
  const std::string route_clause = p.route_clauses.count(route) ? p.route_clauses.at(route) : "";
  const std::string ask = p.ask_whom.at(lang);
  std::vector<Action> out;
  // A text that sends the member to someone ({ask}) also relies on the clause naming them.
  auto step = [&](const std::string& id, const char* where, const std::string& clause,
                  const std::map<std::string, std::string>& params = {}) {
    std::vector<std::string> cites{clause};
    if (params.count("ask")) cites.push_back(p.ask_whom_clause);
    out.push_back(Action{id, where, message(lang, "step." + id, params), clause, cites, ""});
  };
  auto date_of = [&](const char* kind) {
    for (const Deadline& d : deadlines)
      if (d.kind == kind) return format_iso_date(d.date);
    return std::string();
  };

  if (route == "employer_org") {
    step("employer_org.apply", "system", route_clause);
  } else if (route == "employer_township_org") {
    step("employer_township.apply", "system", route_clause);
    for (const auto& alt : ctx.outcome.alternatives)
      if (alt == "youth_home_org") step("youth_home.option", "system", p.youth_home_alternative.clause);
    step("second_transfer", "info", p.rule_clauses.at("second_transfer"));
  } else if (route == "new_school_org") {
    if (variant == "org_pending") {
      step("new_school.pending", "info", route_clause, {{"date", date_of("new_org_created_by")}});
      step("new_school.after_created", "system", route_clause);
    } else {
      step("new_school.exists", "system", route_clause);
    }
  } else if (route == "special_unit_pool") {
    if (variant == "classified") step("classified.same", "info", p.rule_clauses.at("classified_as_military"));
    step("special.apply", "system", route_clause);
    step("special.provincial", "info", route_clause);
    step("special.offline", "offline", route_clause, {{"ask", ask}});
  } else if (route == "community_mobile_branch") {
    step("community.apply", "system", route_clause, {{"basis", community_basis_text(ctx)}});
    if (p.community_youth_home_alternative.value)
      step("community.youth_home", "system", p.community_youth_home_alternative.clause);
    step("second_transfer", "info", p.rule_clauses.at("second_transfer"));
  } else if (route == "retain_at_school") {
    step("retain.tell", "offline", route_clause,
         {{"months", std::to_string(p.retention_months.value)}, {"date", date_of("retention_ends")}, {"ask", ask}});
    step("retain.transfer_out", "system", route_clause);
  } else if (route == "overseas_study_branch") {
    step("overseas.apply", "offline", route_clause);
    out.back().document = "application";  // the written application 二.5 asks for
    step("overseas.approve", "info", route_clause);
    step("overseas.report", "info", route_clause);
  } else if (route == "dispatching_unit_org") {
    step("dispatching.apply", "system", route_clause);
  } else if (route == "hometown_township_org") {
    step("hometown.apply", "system", route_clause);
  } else if (route == "delayed_graduation_org") {
    step("delayed.school", "info", route_clause);
  } else if (route == "age_out") {
    const auto& nat = p.national.rule_clauses;
    const std::map<std::string, std::string> age{{"limit", std::to_string(p.national.age_limit.value)}};
    step(ctx.used.flag("party_member").value_or(false) ? "age_out.party" : "age_out.member", "info", nat.at("age_out"),
         age);
    step("age_out.procedure", "offline", nat.at("age_out_procedure"), {{"ask", ask}});
  }

  // Rules above the notice (national layer).
  const auto& nat = p.national.rule_clauses;
  const std::map<std::string, std::string> limit{{"limit", std::to_string(p.national.age_limit.value)}};
  // These two state the member's own status; calendar files leave them out
  // (is_member_status_note, calendar_input.cpp).
  if (route != "age_out" && ctx.used.flag("holds_league_post").value_or(false))
    step("age.post_keeps", "info", nat.at("age_out"), limit);
  if (route != "age_out" && ctx.used.flag("party_member").value_or(false)) {
    step("party.transfers", "info", nat.at("party_members_transfer"), limit);
    out.back().cites.push_back(nat.at("age_out"));
  }
  if ((route == "employer_org" || route == "employer_township_org") && !ctx.cases.count("self_employed"))
    step("employed.system_committee", "system", nat.at("system_committees"));
  const std::string region = ctx.used.choice("receiving_region").value_or("other");
  for (const auto& external : p.national.external_regions.value)
    if (region == external) {
      const std::map<std::string, std::string> where{{"region", message(lang, "option.receiving_region." + region)}};
      if (region == "guangdong") step("region.guangdong_register", "system", nat.at("guangdong_registration"), where);
      step("region.external_system", "system", nat.at("external_systems"), where);
    }

  if (route_is_transfer(route)) {
    step("edit_until_accepted", "system", p.rule_clauses.at("edit_until_accepted"));
    if (p.receiving_review_days)
      step("review_days", "info", p.receiving_review_days->clause,
           {{"days", std::to_string(p.receiving_review_days->value)}, {"ask", ask}});
  }
  return out;
}

std::vector<Action> compute_notes(const OutcomeContext& ctx) {
  std::vector<Action> out;
  const std::string& route = ctx.outcome.route;
  // Why it matters (团章.8): a member left untransferred drifts toward 自行脱团.
  if (route != "age_out" && route != "delayed_graduation_org") {
    const std::string why = ctx.policy.national.rule_clauses.at("why_transfer");
    out.push_back(Action{"why_transfer", "info", message(ctx.lang, "note.why_transfer"), why, {why}, ""});
  }
  const std::string clause = ctx.policy.rule_clauses.at("higher_notice_prevails");
  out.push_back(Action{"higher_notice", "info", message(ctx.lang, "note.higher_notice"), clause, {clause}, ""});
  return out;
}

}  // namespace xueshe
