// A policy loaded from what a page holds: the policy file's text ("" = the
// built-in policy) and its base files as {"<id>": "<text>"} ("" = none beyond
// the built-in ones). Two definitions, one per kind of module:
// - page_policy_files.cpp reads policy files (the policy loader and its JSON
//   reader): the policy modules (xueshe-policy*.wasm), the take-away module
//   and the offline file's module;
// - page_policy_builtin.cpp has only the built-in policy, in its compact form
//   (policy_binary.hpp), and refuses a file: the page's first-load modules
//   (xueshe.wasm, xueshe-en.wasm), which carry no policy loader.
#pragma once
#include <string>

#include "xueshe/policy.hpp"

namespace xueshe_wasm {

xueshe::PolicyLoad load_page_policy(const std::string& policy_text, const std::string& bases);

}  // namespace xueshe_wasm
