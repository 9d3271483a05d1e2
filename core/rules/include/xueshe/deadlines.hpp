// The deadlines of an outcome (deadlines.cpp): each date from the policy, with
// the clause that sets it and its state relative to today.
#pragma once
#include <string>
#include <vector>

#include "xueshe/closed_sets.hpp"
#include "xueshe/outcome_context.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct Deadline {
  DeadlineKind kind = DeadlineKind::complete_by;
  Date date;
  std::string clause;
  std::string what;
  std::string label;  // the notice's own name for the date, or the kind's
  int days_left = 0;
  DeadlineState state = DeadlineState::upcoming;
  // Whose date it is, where that is not plain (else empty): an application due the
  // day the transfer must be complete ("apply early": the receiver must accept by
  // then), and the school-wide target (the school's, not the member's).
  std::string note;
};

// SPEC §3: overdue < 0 days, today = 0, due_soon <= 14, else upcoming.
DeadlineState deadline_state(int days_left);

std::vector<Deadline> compute_deadlines(const OutcomeContext& ctx);

// "完成转接截止 2022-08-31（三.2③）" — a deadline in one line, for warnings and text output.
std::string deadline_phrase(const Deadline& d, Lang lang);

}  // namespace xueshe
