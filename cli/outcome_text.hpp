// Renders core's outcome JSON as readable terminal text. Presentation only.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "xueshe/lang.hpp"

namespace xueshe::cli {

std::string outcome_text(const nlohmann::json& outcome, Lang lang);

}  // namespace xueshe::cli
