// Placeholders in a policy's texts ("转到{org}", "保留不超过{period:retention}"):
// which names exist, and filling them in for one member's outcome.
#pragma once
#include <string>
#include <vector>

#include "function_ref.hpp"

namespace xueshe {

// The first `{name}` in `text` that is not a placeholder a policy text may use
// (ask, basis, org, limit, system, period:NAME, date:KIND), or "" when all are known.
// Every name found is appended to `found`. A "{" with no "}" is plain text.
std::string unknown_placeholder(const std::string& text, std::vector<std::string>& found);

// `text` with every `{name}` replaced by value(name).
std::string fill_policy_text(const std::string& text, FunctionRef<std::string(const std::string&)> value);

}  // namespace xueshe
