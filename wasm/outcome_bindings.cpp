// The take-away module's `evaluate`: SPEC §3's contract, the same JSON
// `xueshe evaluate` prints for the same input. The page asks it where its own
// question module says "needs_outcome_module" (an outcome, or a question's
// options side by side), with what it gave that module from what
// the page gave its own module (the policy text and base files, the answers,
// the as-of date, the language). Here rather than in the page's module: the
// outcome's code is not needed for the first question (xueshe/engine.hpp,
// evaluate_questions). Errors are values.
#include <emscripten/bind.h>

#include <string>

#include "page_policy.hpp"
#include "page_result.hpp"

namespace {

std::string evaluate(const std::string& policy_text, const std::string& bases, const std::string& answers,
                    const std::string& today, const std::string& lang) {
  auto load = xueshe_wasm::load_page_policy(policy_text, bases);
  std::optional<xueshe::Engine> engine;
  if (load.policy) engine.emplace(std::move(*load.policy));
  return xueshe_wasm::page_result(engine ? &*engine : nullptr, load.error, today, lang,
                                  [&](const xueshe::Engine& e, xueshe::Date day, xueshe::Lang l) {
                                    return e.evaluate_json(answers, day, l);
                                  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(takeaway_outcome) { emscripten::function("evaluate", &evaluate); }
