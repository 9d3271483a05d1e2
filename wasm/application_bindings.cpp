// The take-away module's application (二.5, study abroad): the page passes
// what its own module evaluated (the policy text and base files, the answers,
// the as-of date) and the typed fields, and gets back the form definition or
// the document, or {"error": {...}} — the same JSON `xueshe application
// --form|--format json` prints. Errors are values.
#include <emscripten/bind.h>

#include <string>

#include "takeaway_member.hpp"
#include "xueshe/application.hpp"
#include "xueshe/messages.hpp"

namespace {

std::string bad_lang(const std::string& lang) {
  return xueshe::to_json_text(
      xueshe::application_error_body({"application_bad_lang", "lang", {{"got", lang}}}, xueshe::default_language()));
}

std::string application_form(const std::string& policy_text, const std::string& bases, const std::string& answers_json,
                             const std::string& today, const std::string& lang) {
  const std::optional<xueshe::Lang> known = xueshe::carried_language(lang);
  if (!known) return bad_lang(lang);
  const xueshe_wasm::TakeawayMember in(policy_text, bases, answers_json, today, *known);
  if (!in.error().empty()) return in.error();
  return xueshe::to_json_text(xueshe::application_form(in.member()));
}

std::string application(const std::string& policy_text, const std::string& bases, const std::string& answers_json,
                        const std::string& today, const std::string& applicant_json, const std::string& lang) {
  const std::optional<xueshe::Lang> known = xueshe::carried_language(lang);
  if (!known) return bad_lang(lang);
  const xueshe_wasm::TakeawayMember in(policy_text, bases, answers_json, today, *known);
  if (!in.error().empty()) return in.error();
  return xueshe::to_json_text(xueshe::application_document(in.member(), applicant_json));
}

}  // namespace

EMSCRIPTEN_BINDINGS(takeaway_application) {
  emscripten::function("applicationForm", &application_form);
  emscripten::function("application", &application);
}
