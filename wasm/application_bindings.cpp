// The take-away module's application (二.5, study abroad): the page passes the
// result JSON it got from its own module (and the typed fields) and gets back
// the form definition or the document, or {"error": {...}} — the same JSON
// `xueshe application --form|--format json` prints. Errors are values.
#include <emscripten/bind.h>

#include <string>

#include "xueshe/application.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"

namespace {

using nlohmann::json;

// The result text parsed, or the error text to hand back.
struct Parsed {
  json result;
  std::string error;
};

Parsed parse_result(const std::string& result_json, const std::string& lang_in) {
  const std::string lang = xueshe::is_supported_language(lang_in) ? lang_in : xueshe::default_language();
  auto error = [&lang](xueshe::Error e) { return Parsed{json(), xueshe::to_json_text(xueshe::application_error_body(e, lang))}; };
  if (!xueshe::is_supported_language(lang_in)) return error({"application_bad_lang", "lang", {{"got", lang_in}}});
  json result = json::parse(result_json, nullptr, false);
  if (result.is_discarded()) return error({"application_malformed_json", "result", {}});
  return Parsed{std::move(result), ""};
}

std::string application_form(const std::string& result_json, const std::string& lang) {
  Parsed p = parse_result(result_json, lang);
  if (!p.error.empty()) return p.error;
  return xueshe::to_json_text(xueshe::application_form(p.result, lang));
}

std::string application(const std::string& result_json, const std::string& applicant_json, const std::string& lang) {
  Parsed p = parse_result(result_json, lang);
  if (!p.error.empty()) return p.error;
  return xueshe::to_json_text(xueshe::application_document(p.result, applicant_json, lang));
}

}  // namespace

EMSCRIPTEN_BINDINGS(takeaway_application) {
  emscripten::function("applicationForm", &application_form);
  emscripten::function("application", &application);
}
