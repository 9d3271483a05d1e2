// The flow graph and every path through it, as data for people and tools:
// `xueshe flow --format dot|json`, `xueshe paths`, the staff decision table.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/engine.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

nlohmann::json flow_to_json(const Flow& flow);
std::string flow_to_dot(const Flow& flow, Lang lang);

// Dates used to walk date questions when enumerating paths. They are samples
// inside the policy's cohort year, not rules; routes do not depend on them.
std::vector<std::pair<std::string, Date>> sample_dates(const Policy& policy);

// One object per path: {"answers": {...}, "result": {...}}.
std::vector<nlohmann::json> evaluate_all_paths(const Engine& engine, Date today, Lang lang);

}  // namespace xueshe
