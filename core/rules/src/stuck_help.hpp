// "If it gets stuck" (issue 13 item 2): the national layer's help for a
// transfer that stalls, picked for this member's route and filled in.
#pragma once
#include <string>
#include <vector>

#include "xueshe/outcome_context.hpp"

namespace xueshe {

struct HelpItem {
  std::string id;
  std::string text;
  std::string clause;
  bool general_advice = false;  // no notice or national rule says it: the tool's general advice
};

std::vector<HelpItem> compute_stuck_help(const OutcomeContext& ctx);

}  // namespace xueshe
