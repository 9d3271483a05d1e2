// The take-away module's calendar: the page passes the result JSON it got
// from its own module and gets back {"filename", "ics"} or {"error": {...}},
// the same bytes `xueshe evaluate --format ics` prints. Errors are values.
#include <emscripten/bind.h>

#include <string>

#include "xueshe/calendar.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/takeaway_error.hpp"

namespace {

std::string calendar(const std::string& result_json, const std::string& lang_in) {
  const std::string lang = xueshe::is_supported_language(lang_in) ? lang_in : xueshe::default_language();
  auto error = [&lang](xueshe::Error e) { return xueshe::to_json_text(xueshe::takeaway_error_body(e, lang)); };
  if (!xueshe::is_supported_language(lang_in)) return error({"calendar_bad_lang", "lang", {{"got", lang_in}}});
  nlohmann::json result = nlohmann::json::parse(result_json, nullptr, false);
  if (result.is_discarded()) return error({"calendar_malformed_json", "result", {}});
  xueshe::CalendarBuild built = xueshe::outcome_calendar(result, lang);
  if (built.error) return error(*built.error);
  return xueshe::to_json_text(nlohmann::json{{"filename", built.file->filename}, {"ics", built.file->ics}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(takeaway_calendar) { emscripten::function("calendar", &calendar); }
