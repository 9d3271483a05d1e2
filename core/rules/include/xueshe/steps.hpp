// The steps and notes of an outcome (steps.cpp): what the member does, where,
// and the clauses each text relies on.
#pragma once
#include <string>
#include <vector>

#include "xueshe/deadlines.hpp"
#include "xueshe/outcome_context.hpp"

namespace xueshe {

struct Action {
  std::string id;
  StepWhere where = StepWhere::info;  // system (智慧团建) | offline | info
  std::string text;
  std::string clause;               // the clause that requires this action
  std::vector<std::string> cites;   // every clause the text relies on (clause first)
  std::string document;             // a paper the tool can prepare for this action ("application"), or ""
};

std::vector<Action> compute_steps(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines);
std::vector<Action> compute_notes(const OutcomeContext& ctx);

// A route on which the member has nothing to do now: no transfer, no date of
// their own, and only steps to know (delayed graduation: the school acts).
bool nothing_to_do_now(const Policy& p, const std::string& route);

// The community basis chosen, or every basis the policy allows ("本人居住地、户籍所在地或生源地").
std::string community_basis_text(const OutcomeContext& ctx);

}  // namespace xueshe
