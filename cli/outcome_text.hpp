// Renders core's outcome JSON as readable terminal text. Presentation only.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace xueshe::cli {

std::string outcome_text(const nlohmann::json& outcome, const std::string& lang);

}  // namespace xueshe::cli
