// A choice shown side by side before choosing (the unsettled member's "keep it
// at school" or "community branch"): for each option, the outcome it leads to
// in brief, from the same calculators as the outcome itself — where, until
// when, what happens next, and any conflict the rules see.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "xueshe/answers.hpp"
#include "xueshe/dates.hpp"
#include "xueshe/flow.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// One entry per option of `question` (a node with compare set), in its order.
nlohmann::json compare_options(const Policy& policy, const Flow& flow, const Node& question, const Answers& used,
                               Date today, Lang lang);

}  // namespace xueshe
