// load_page_policy for the page's first-load modules (page_policy.hpp): the
// built-in policy from its compact form, written at build time from the
// policy as load_policy makes it (compact_builtin_policy.cpp). A policy file
// is refused with an error that names the module to use instead; the page
// never hands one to these modules (xueshe-check.js loads a policy module).
#include "page_policy.hpp"

#include <string_view>

#include "xueshe/policy_binary.hpp"

std::string_view xueshe_embedded_builtin_policy_compact();  // embedded at build time (wasm/CMakeLists.txt)

namespace xueshe_wasm {

xueshe::PolicyLoad load_page_policy(const std::string& policy_text, const std::string& bases) {
  if (!policy_text.empty() || !bases.empty())
    return {std::nullopt, xueshe::Error{"policy_needs_policy_module", "policy", {}}};
  if (auto policy = xueshe::policy_from_binary(xueshe_embedded_builtin_policy_compact())) return {std::move(*policy), std::nullopt};
  // Only a build that wrote the compact form wrongly gets here.
  return {std::nullopt, xueshe::Error{"builtin_policy_unreadable", "policy", {}}};
}

}  // namespace xueshe_wasm
