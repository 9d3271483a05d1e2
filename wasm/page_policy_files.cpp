// load_page_policy for the modules that read policy files (page_policy.hpp).
#include "page_policy.hpp"

#include "xueshe/policy_layers.hpp"

namespace xueshe_wasm {

xueshe::PolicyLoad load_page_policy(const std::string& policy_text, const std::string& bases) {
  auto files = xueshe::policy_texts_from_json(bases);
  if (files.error) return {std::nullopt, *files.error};
  return xueshe::load_policy(policy_text.empty() ? xueshe::builtin_policy_text() : policy_text, files.texts);
}

}  // namespace xueshe_wasm
