// Whether a notice's dates are the member's: not when their graduation date
// falls outside the notice's cohort, nor once every date of the notice has
// passed (issue 13 item 1). Then the outcome keeps the routing — where, who
// starts it, what to do — and leaves the notice's dates out, saying so, and
// where to get this year's notice; never "overdue by 1553 days".
#pragma once
#include <map>
#include <optional>
#include <string>

#include "xueshe/answers.hpp"
#include "xueshe/dates.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// "outside_cohort" (the graduation date's year is not the cohort's),
// "policy_passed" (today is after the policy's last date), or nullopt: the
// dates apply. A policy for no cohort (a guide on its own) has no dates to misfit.
std::optional<std::string> cohort_misfit(const Policy& p, const Answers& used, Date today);

// The notice for a result ({"reason", "text"}), said from the first screen on
// which it is known, in `lang`.
std::string cohort_misfit_text(const Policy& p, const std::string& reason, const Answers& used, Lang lang);
// What that text is made of: its catalog key after "warning." and its parameters.
std::string cohort_misfit_key(const std::string& reason);
std::map<std::string, std::string> cohort_misfit_params(const Policy& p, const Answers& used, Lang lang);

}  // namespace xueshe
