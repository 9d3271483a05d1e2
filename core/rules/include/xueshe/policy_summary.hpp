// A policy at a glance, for `xueshe check-policy`, the page's "about this
// policy" panel and staff: its dates, clauses and whether its flow is whole.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/engine.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

nlohmann::json policy_summary(const Engine& engine, Lang lang);

}  // namespace xueshe
