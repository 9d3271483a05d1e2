// Internal: an outcome as evaluate's result carries it (route, receiving,
// deadlines, steps, warnings, clause texts, if_stuck), and a clause with its
// notice's words (outcome_json.cpp). The side-by-side choice
// (option_compare.cpp) shows parts of the same JSON.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/outcome_context.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

nlohmann::json outcome_json(const OutcomeContext& ctx);
// {"id", "title", "text"}: a clause in `lang`, for a front end to show beside what cites it.
nlohmann::json clause_json(const Clause& c, Lang lang);

}  // namespace xueshe
