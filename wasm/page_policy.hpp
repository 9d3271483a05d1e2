// A policy loaded from what a page holds: the policy file's text ("" = the
// built-in policy) and its base files as {"<id>": "<text>"} ("" = none beyond
// the built-in ones). Shared by the page's module and the take-away module,
// which evaluate the same policy from the same texts.
#pragma once
#include <string>

#include "xueshe/policy.hpp"
#include "xueshe/policy_layers.hpp"

namespace xueshe_wasm {

inline xueshe::PolicyLoad load_page_policy(const std::string& policy_text, const std::string& bases) {
  auto files = xueshe::policy_texts_from_json(bases);
  if (files.error) return {std::nullopt, *files.error};
  return xueshe::load_policy(policy_text.empty() ? xueshe::builtin_policy_text() : policy_text, files.texts);
}

}  // namespace xueshe_wasm
