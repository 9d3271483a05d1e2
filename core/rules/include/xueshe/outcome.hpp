// The assembled outcome (outcome.cpp): route, organization, deadlines, steps,
// warnings and every clause relied on, put together from the calculators
// (deadlines.hpp, steps.hpp, warnings.hpp); and the date-order check on the path.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "xueshe/answers.hpp"
#include "xueshe/deadlines.hpp"
#include "xueshe/error.hpp"
#include "xueshe/outcome_context.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/steps.hpp"
#include "xueshe/warnings.hpp"

namespace xueshe {

// The receiving organization of a route in plain words, and the clause that names it.
std::string route_org(const OutcomeContext& ctx, const std::string& route);
std::string route_clause(const Policy& p, const std::string& route);

// Where the relationship goes if the route's organization cannot take it, in
// order ("特殊情况下确实无法…可转接至…"): each with its organization and condition.
struct FallbackOption {
  std::string route, org, when, clause;
};
std::vector<FallbackOption> route_fallbacks(const OutcomeContext& ctx, const std::string& route);

// An outcome as the calculators decide it, before any front end's shape: the
// engine's JSON (one member) and a roster's row (outcome.cpp, roster) are both
// made from it, so they cannot drift apart.
struct AssembledOutcome {
  std::string route, org;
  std::vector<std::string> alternatives;
  std::vector<FallbackOption> fallbacks;
  std::vector<Deadline> deadlines;
  std::vector<Action> steps, notes;
  std::vector<Warning> warnings;
  std::vector<const Clause*> clauses;  // every clause relied on: the notice's in its order, then the national layer's
};
AssembledOutcome assemble_outcome(const OutcomeContext& ctx);

// The youngest a member can be at graduation.
inline constexpr int kMinAgeAtGraduation = 14;

// Dates on the path must be in order: one cannot leave for abroad or enrol
// at a new school before graduating, nor graduate before being born or
// younger than a member can be.
std::optional<Error> check_date_order(const Answers& used);

}  // namespace xueshe
