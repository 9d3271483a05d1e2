// What the calculators behind an outcome (deadlines, steps, warnings, the
// assembled outcome) read: the policy, the outcome node reached, the answers
// used on the member's path, the cases that hold, today and the language.
#pragma once
#include <set>
#include <string>

#include "xueshe/answers.hpp"
#include "xueshe/flow.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct OutcomeContext {
  const Policy& policy;
  const Node& outcome;
  const Answers& used;
  std::set<std::string> cases;
  Date today;
  Lang lang = Lang::zh_CN;
  const Situation* situation;  // the named situation answered (西部计划), or nullptr
};

}  // namespace xueshe
