// A result as the page's script asks for it, in JSON text: the policy's
// error, a language the module lacks, or an as-of date that is not one (in
// that order) as an error body, else what `evaluate(engine, day, lang)` gives.
// The page's question module (`questions`, bindings.cpp) and the take-away
// module (`evaluate`, outcome_bindings.cpp) answer the same input the same way.
#pragma once
#include <optional>
#include <string>

#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"

namespace xueshe_wasm {

template <class Evaluate>
std::string page_result(const xueshe::Engine* engine, const std::optional<xueshe::Error>& policy_error,
                        const std::string& today, const std::string& lang_in, Evaluate evaluate) {
  const bool known = xueshe::carried_language(lang_in).has_value();
  const xueshe::Lang lang = xueshe::language_or_default(lang_in);
  auto fail = [&](const xueshe::Error& e) { return xueshe::to_json_text(xueshe::error_body(e, lang)); };
  if (policy_error) return fail(*policy_error);
  if (!known) return fail(xueshe::Error{"bad_lang", "lang", {{"got", lang_in}}});
  auto day = xueshe::parse_iso_date(today);
  if (!day) return fail(xueshe::Error{"bad_today", "today", {{"got", today}}});
  return xueshe::to_json_text(evaluate(*engine, *day, lang).body);
}

}  // namespace xueshe_wasm
