// The warnings of an outcome (warnings.cpp), each with the clauses it relies on.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "xueshe/deadlines.hpp"
#include "xueshe/outcome_context.hpp"

namespace xueshe {

struct Warning {
  std::string code;
  std::string text;
  std::vector<std::string> clauses;
  // What `text` was made of: the catalog key after "warning." and its
  // parameters, so that a staff tool can say the same to staff
  // ("roster.warning.<key>") rather than to the member.
  std::string key;
  std::map<std::string, std::string> params;
};

std::vector<Warning> compute_warnings(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines);

}  // namespace xueshe
