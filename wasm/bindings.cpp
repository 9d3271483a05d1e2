// Embind bindings: a thin layer of plain functions over core, JSON strings in
// and out, errors as values (never a C++ exception crossing into JS). Only what
// the page uses is bound: every byte here is in the first load's budget, and
// free functions keep Embind's class machinery (≈ 2.5 KB gz of JS glue) out of it.
//
// A loaded policy is a handle: open() returns it as a number, every call takes
// it back, close() frees it. Only the page's own script holds handles.
#include <emscripten/bind.h>

#include <cstdint>
#include <optional>
#include <string>

#include "page_policy.hpp"
#include "page_result.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"

namespace {

using xueshe::Engine;
using xueshe::Error;

// One loaded policy: its engine, or — the text was not a valid policy — why not.
struct PagePolicy {
  std::optional<Engine> engine;
  std::optional<Error> error;
};

const PagePolicy& opened(std::uintptr_t handle) { return *reinterpret_cast<const PagePolicy*>(handle); }


// policy_text: the policy file's text ("" = built-in); bases: its base files as
// {"<id>": "<text>"} ("" = none beyond the built-in ones).
std::uintptr_t open_policy(const std::string& policy_text, const std::string& bases) {
  auto* page = new PagePolicy;
  auto load = xueshe_wasm::load_page_policy(policy_text, bases);
  if (load.policy)
    page->engine.emplace(std::move(*load.policy));
  else
    page->error = *load.error;
  return reinterpret_cast<std::uintptr_t>(page);
}

void close_policy(std::uintptr_t handle) { delete reinterpret_cast<PagePolicy*>(handle); }

// Why the policy did not load, as an error body; "" when it did.
std::string policy_error(std::uintptr_t handle, const std::string& lang) {
  const auto& page = opened(handle);
  return page.error ? xueshe::to_json_text(xueshe::error_body(*page.error, xueshe::language_or_default(lang))) : "";
}

// The result for these answers (page_result.hpp) as far as the questions go:
// a question, or — at an outcome, or options side by side —
// "needs_outcome_module", which the take-away module's `evaluate` completes
// (outcome_bindings.cpp; that one is SPEC §3's contract, the same JSON as
// `xueshe evaluate`).
std::string questions(std::uintptr_t handle, const std::string& answers, const std::string& today,
                     const std::string& lang) {
  const auto& page = opened(handle);
  return xueshe_wasm::page_result(page.engine ? &*page.engine : nullptr, page.error, today, lang,
                                  [&](const Engine& engine, xueshe::Date day, xueshe::Lang l) {
                                    return engine.evaluate_questions_json(answers, day, l);
                                  });
}

// The page's texts: the catalog's parts as compiled in (messages.hpp), merged by the page.
std::string catalog(const std::string& lang) { return xueshe::catalog_parts_text(xueshe::language_or_default(lang)); }

}  // namespace

EMSCRIPTEN_BINDINGS(xueshe) {
  emscripten::function("open", &open_policy);
  emscripten::function("close", &close_policy);
  emscripten::function("error", &policy_error);
  emscripten::function("questions", &questions);
  emscripten::function("catalog", &catalog);
}
