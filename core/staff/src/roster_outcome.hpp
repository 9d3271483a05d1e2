// Internal: a roster row's outcome from the engine's assembled outcome
// (walk, member_cases, assemble_outcome), without the JSON Engine::evaluate
// builds for one member (the answered list, clause texts, the policy block)
// that a roster does not show. About ten times faster; the unit tests check it
// gives exactly Engine::evaluate's route, receiving organization, alternatives,
// deadlines, warnings and clauses on every path of every test policy, in both
// languages, at several dates.
//
// The fast path (direct_walk) only answers when the walk ends in an outcome
// and the answers' dates are plainly in order; everything else (a question,
// an error) is left to the engine's own typed evaluation (Engine::walk_answers),
// so errors always come from the engine itself.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "xueshe/roster.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// The walk when it ends in an outcome whose answers' dates are plainly in
// order (what direct_outcome answers for); nullopt otherwise.
std::optional<Walk> direct_walk(const Engine& engine, const Answers& answers);

// The outcome at the end of such a walk. It reads only the answers the walk
// used (and today, the language), so answer sets whose walks used the same
// answers (used_key) have the same outcome.
RosterOutcome direct_outcome(const Engine& engine, const Walk& walk, Date today, Lang lang);

// The outcome at `at` for the answers a walk used, a named situation already
// read as its destination (`situation`, as Engine::walk_answers gives them).
RosterOutcome outcome_at(const Engine& engine, const Node& at, const Answers& used, const Situation* situation,
                         Date today, Lang lang);

// The outcome node and the answers the walk used but `except`, as a key.
std::string used_key(const Walk& walk, std::string_view except);

// Sets urgent_state/urgent_date from the deadlines: overdue before today
// before due_soon before upcoming, the earliest date among equals.
void mark_most_urgent(RosterOutcome& outcome);

}  // namespace xueshe
