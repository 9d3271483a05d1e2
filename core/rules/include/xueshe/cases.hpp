// "Cases" are the words a policy uses to say whom a dated rule applies to
// (DeadlineRule::applies_to / not_for). Core derives a member's cases from the
// answers actually used on their path through the flow.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "xueshe/answers.hpp"
#include "xueshe/policy.hpp"

namespace xueshe {

// employed, self_employed, civil_servant, classified, postgraduate,
// further_study_other, military, unsettled_community, unsettled_retain,
// study_abroad, work_abroad_official, work_abroad_private, delayed_graduation
const std::vector<std::string>& known_cases();

std::set<std::string> member_cases(const Answers& used);

// A named situation (二战考研, 西部计划) is its destination for every rule:
// replaces the destination in `used` and returns the situation, or nullptr.
const Situation* resolve_situation(const Policy& p, Answers& used);

}  // namespace xueshe
