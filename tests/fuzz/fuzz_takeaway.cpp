// libFuzzer target: the take-away outputs (calendar file, written application)
// on arbitrary input. Bytes: [lang][as-of][mode] then "answers JSON \x1f
// applicant JSON": the answers go through the engine (evaluate_member, as the
// CLI and the page's take-away module do); an outcome goes to the calendar
// and, where a step asks for the application (mode odd: whatever the route),
// the applicant object to the application.
// Properties: a file or an error (code and field), never both or neither; every
// .ics line ends in CRLF, is at most 75 octets, is valid UTF-8, and folds only
// with a leading space; one VEVENT per deadline; documents carry typed values.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "result_check.hpp"
#include "xueshe/application.hpp"
#include "xueshe/calendar.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/ics_text.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/member_outcome.hpp"
#include "xueshe/strict_json.hpp"

namespace {

using xueshe::fuzzing::violated;

void check_error_body(const nlohmann::json& body, const char* what) {
  const auto e = body.find("error");
  if (e == body.end() || !e->is_object()) violated(std::string(what) + ": neither a result nor an error", body.dump());
  for (const char* key : {"code", "message", "field"}) {
    const auto v = e->find(key);
    if (v == e->end() || !v->is_string() || (std::string(key) != "field" && v->get<std::string>().empty()))
      violated(std::string(what) + ": error without " + key, body.dump());
  }
}

void check_ics(const xueshe::CalendarBuild& built, const nlohmann::json& result) {
  if (built.file.has_value() == built.error.has_value()) violated("calendar: a file and an error, or neither", result.dump());
  if (built.error) {
    if (built.error->code.empty()) violated("calendar: error without a code", result.dump());
    return;
  }
  const std::string& ics = built.file->ics;
  if (ics.rfind("BEGIN:VCALENDAR\r\n", 0) != 0 || ics.size() < 15 || ics.substr(ics.size() - 15) != "END:VCALENDAR\r\n")
    violated("calendar: not one VCALENDAR", ics);
  if (built.file->filename.empty() || built.file->filename.find('/') != std::string::npos)
    violated("calendar: bad file name", built.file->filename);
  std::size_t events = 0, start = 0;
  while (start < ics.size()) {
    const std::size_t end = ics.find("\r\n", start);
    if (end == std::string::npos) violated("calendar: a line without CRLF", ics.substr(start));
    const std::string_view line(ics.data() + start, end - start);
    if (line.size() > xueshe::ics_max_line_octets) violated("calendar: a line over 75 octets", std::string(line));
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos)
      violated("calendar: a bare line break", std::string(line));
    if (!xueshe::is_valid_utf8(line)) violated("calendar: a fold inside a UTF-8 character", std::string(line));
    if (line.empty()) violated("calendar: an empty line", ics);
    if (line == "BEGIN:VEVENT") ++events;
    start = end + 2;
  }
  const auto deadlines = result.find("deadlines");
  if (deadlines != result.end() && deadlines->is_array() && events != deadlines->size())
    violated("calendar: not one event per deadline", ics);
}

bool asks_for_application(const nlohmann::json& result) {
  const auto steps = result.find("steps");
  if (steps == result.end() || !steps->is_array()) return false;
  for (const auto& s : *steps)
    if (s.is_object() && s.value("document", "") == "application") return true;
  return false;
}

void check_application(const xueshe::MemberOutcome& member, const nlohmann::json& result, std::string_view applicant) {
  nlohmann::json form = xueshe::application_form(member);
  if (!form.contains("form")) check_error_body(form, "application form");
  if (form.contains("form") != asks_for_application(result)) violated("application: form and steps disagree", result.dump());
  nlohmann::json doc = xueshe::application_document(member, applicant);
  if (doc.contains("document")) {
    if (!form.contains("form")) violated("application: a document without a form", result.dump());
    // Every typed text is in the document as typed; a typed date as a letter writes it
    // (2023年9月1日, 1 September 2023: the catalog's document.date in the member's language).
    xueshe::StrictJson typed = xueshe::parse_strict_json(applicant, xueshe::application_json_limits());
    const std::string dumped = doc.dump();
    const xueshe::Lang lang = xueshe::language_or_default(doc["document"].value("lang", std::string()));
    auto as_letter = [&lang](const std::string& text) -> std::string {
      const auto d = xueshe::parse_iso_date(text);
      if (!d) return {};
      const std::string k = "takeaway.application.document.";
      return xueshe::message(lang, k + "date",
                             {{"year", std::to_string(static_cast<int>(d->year()))},
                              {"month", xueshe::message(lang, k + "month." + std::to_string(static_cast<unsigned>(d->month())))},
                              {"day", std::to_string(static_cast<unsigned>(d->day()))}});
    };
    if (!typed.error && typed.value.is_object())
      for (const auto& [key, value] : typed.value.items()) {
        if (!value.is_string()) continue;
        const std::string quoted = value.dump();  // escaped as the document's dump escapes it
        const std::string inner = quoted.substr(1, quoted.size() - 2);
        const std::string letter = as_letter(value.get<std::string>());
        if (!inner.empty() && dumped.find(inner) == std::string::npos && (letter.empty() || dumped.find(letter) == std::string::npos))
          violated("application: a typed value is missing from the document: " + key, dumped);
      }
  } else {
    check_error_body(doc, "application document");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const xueshe::Engine engine(*xueshe::load_policy(xueshe::builtin_policy_text()).policy);
  if (size < 3) return 0;
  const xueshe::Lang lang = (data[0] & 1) ? xueshe::Lang::en : xueshe::Lang::zh_CN;
  const xueshe::Date today = xueshe::Date{date::sys_days{date::year{2021} / 1 / 1} + date::days{data[1] * 6}};
  const bool every_route = data[2] & 1;
  const std::string_view text(reinterpret_cast<const char*>(data + 3), size - 3);
  const std::size_t cut = text.find('\x1f');
  const std::string_view answers = text.substr(0, cut);
  const std::string_view applicant = cut == std::string_view::npos ? std::string_view("{}") : text.substr(cut + 1);
  xueshe::Result r = engine.evaluate_json(answers, today, lang);
  xueshe::AnswersParse parsed = xueshe::parse_answers(answers);
  xueshe::MemberEvaluation member = parsed.error ? xueshe::MemberEvaluation{std::nullopt, parsed.error}
                                                 : xueshe::evaluate_member(engine, parsed.answers, today, lang);
  if (r.ok == member.error.has_value()) violated("evaluate and evaluate_member disagree on the answers", r.body.dump());
  if (!r.ok || r.body.value("status", "") != "outcome") return 0;
  xueshe::CalendarBuild built = xueshe::outcome_calendar(*member.member);
  const bool has_deadlines = !r.body["deadlines"].empty();
  if (built.file.has_value() != has_deadlines) violated("calendar: a real outcome's dates and the file disagree", r.body.dump());
  check_ics(built, r.body);
  if (every_route || asks_for_application(r.body)) check_application(*member.member, r.body, applicant);
  return 0;
}
