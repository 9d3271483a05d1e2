// The take-away module's share link: what a link carries for the member's
// answers and what it says of them (xueshe/share.hpp), from what the page's own
// module was given (the policy text and base files, the answers, the as-of
// date, the language). Here rather than in the page's module: sharing is not
// in the first load (≈ 3.7 KB gz there). Errors are values.
#include <emscripten/bind.h>

#include <string>

#include "page_policy.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/json_text.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/share.hpp"

namespace {

using xueshe::Error;

std::string share(const std::string& policy_text, const std::string& bases, const std::string& answers_json,
                  const std::string& today, const std::string& lang_in) {
  const xueshe::Lang lang = xueshe::language_or_default(lang_in);
  auto fail = [&](const Error& e) { return xueshe::to_json_text(xueshe::error_body(e, lang)); };
  if (!xueshe::carried_language(lang_in)) return fail(Error{"bad_lang", "lang", {{"got", lang_in}}});
  auto load = xueshe_wasm::load_page_policy(policy_text, bases);
  if (!load.policy) return fail(*load.error);
  auto day = xueshe::parse_iso_date(today);
  if (!day) return fail(Error{"bad_today", "today", {{"got", today}}});
  const xueshe::Engine engine(std::move(*load.policy));
  return xueshe::to_json_text(xueshe::share_json(engine, answers_json, *day, lang).body);
}

}  // namespace

EMSCRIPTEN_BINDINGS(takeaway_share) { emscripten::function("share", &share); }
