// Internal: an outcome as evaluate's result carries it (route, receiving,
// deadlines, steps, warnings, clause texts, if_stuck). Defined in engine.cpp;
// the side-by-side choice (option_compare.cpp) shows parts of the same JSON.
#pragma once
#include <nlohmann/json.hpp>

#include "xueshe/outcome_context.hpp"

namespace xueshe {

nlohmann::json outcome_json(const OutcomeContext& ctx);

}  // namespace xueshe
