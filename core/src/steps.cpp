// What the member does, route by route, each action next to the clause that
// requires it (二.1–二.8 and 三.2 of the 2022 notice; ids come from the policy).
#include "xueshe/messages.hpp"
#include "xueshe/outcome_parts.hpp"

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
    out.push_back(Action{id, where, message(lang, "step." + id, params), clause, cites});
  };
  auto date_of = [&](const char* kind) {
    for (const Deadline& d : deadlines)
      if (d.kind == kind) return format_iso_date(d.date);
    return std::string();
  };
  const bool transfer_in_system = route != "retain_at_school" && route != "overseas_study_branch" &&
                                  route != "delayed_graduation_org";

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
    step("overseas.approve", "info", route_clause);
    step("overseas.report", "info", route_clause);
  } else if (route == "dispatching_unit_org") {
    step("dispatching.apply", "system", route_clause);
  } else if (route == "hometown_township_org") {
    step("hometown.apply", "system", route_clause);
  } else if (route == "delayed_graduation_org") {
    step("delayed.school", "info", route_clause);
  }

  if (transfer_in_system) {
    step("edit_until_accepted", "system", p.rule_clauses.at("edit_until_accepted"));
    if (p.receiving_review_days)
      step("review_days", "info", p.receiving_review_days->clause,
           {{"days", std::to_string(p.receiving_review_days->value)}, {"ask", ask}});
  }
  return out;
}

std::vector<Action> compute_notes(const OutcomeContext& ctx) {
  const std::string clause = ctx.policy.rule_clauses.at("higher_notice_prevails");
  return {Action{"higher_notice", "info", message(ctx.lang, "note.higher_notice"), clause, {clause}}};
}

}  // namespace xueshe
