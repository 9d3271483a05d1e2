// The take-away module's calendar: the page passes what its own module
// evaluated (the policy text and base files, the answers, the as-of date, the
// language) and gets back {"filename", "ics"} or {"error": {...}}, the same
// bytes `xueshe evaluate --format ics` prints. Errors are values.
#include <emscripten/bind.h>

#include <string>

#include "takeaway_member.hpp"
#include "xueshe/calendar.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/takeaway_error.hpp"

namespace {

std::string calendar(const std::string& policy_text, const std::string& bases, const std::string& answers_json,
                     const std::string& today, const std::string& lang) {
  const std::optional<xueshe::Lang> known = xueshe::carried_language(lang);
  if (!known)
    return xueshe::to_json_text(xueshe::takeaway_error_body({"calendar_bad_lang", "lang", {{"got", lang}}},
                                                            xueshe::default_language()));
  const xueshe_wasm::TakeawayMember in(policy_text, bases, answers_json, today, *known);
  if (!in.error().empty()) return in.error();
  xueshe::CalendarBuild built = xueshe::outcome_calendar(in.member());
  if (built.error) return xueshe::to_json_text(xueshe::takeaway_error_body(*built.error, *known));
  return xueshe::to_json_text(nlohmann::json{{"filename", built.file->filename}, {"ics", built.file->ics}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(takeaway_calendar) { emscripten::function("calendar", &calendar); }
