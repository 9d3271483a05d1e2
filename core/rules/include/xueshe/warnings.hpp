// The warnings of an outcome (warnings.cpp), each with the clauses it relies on.
#pragma once
#include <string>
#include <vector>

#include "xueshe/deadlines.hpp"
#include "xueshe/outcome_context.hpp"

namespace xueshe {

struct Warning {
  std::string code;
  std::string text;
  std::vector<std::string> clauses;
};

std::vector<Warning> compute_warnings(const OutcomeContext& ctx, const std::vector<Deadline>& deadlines);

}  // namespace xueshe
