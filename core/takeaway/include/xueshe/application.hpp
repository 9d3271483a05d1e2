// The written application 二.5 asks of a member going abroad to study: before
// leaving they apply in writing to keep their league relationship at the
// school, stating where (country or region, institution), for how long, a
// domestic contact person and how to reach them; the school league committee
// approves and registers it, and the member reports regularly while abroad.
//
// Both functions read a member's typed outcome (evaluate_member,
// member_outcome.hpp) whose steps include one with document "application";
// every other outcome is an error value. Texts are in the member's language. Texts come from the take-away catalog
// ("takeaway.application.*", errors "takeaway.error.application_*"). Nothing
// here throws: errors are {"error": {"code", "message", "field"}} bodies.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"
#include "xueshe/member_outcome.hpp"
#include "xueshe/strict_json.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// {"form": {"title", "intro", "due", "clause", "clause_text", "fields": [{"id",
// "label", "kind" (text|textarea|date|tel), "required", "max_chars", "value"
// (prefill: `from` is the answers' departure_date), "hint"}], "labels",
// "policy"}} or an error body (application_needs_outcome, application_not_needed).
nlohmann::json application_form(const MemberOutcome& member);

// Checks the applicant's typed fields (a JSON object text; see application_form
// for the fields) and returns {"document": {"title", "addressee",
// "addressee_from", "body", "rows", "pledge", "signature", "approval", "clause",
// "clause_text", "policy", "labels", "footer"}}, or an error body whose field
// names the applicant field ("applicant.contact_phone") and, besides "error"
// (the first problem, in the form's order), "errors": one per field.
// The addressee is the school league committee, which 二.5 says approves the
// application: "{school}团委" from the policy's school (a policy that names
// none is its own title, load_policy); addressee_from is "policy.school".
nlohmann::json application_document(const MemberOutcome& member, std::string_view applicant_json);

// An application error as {"error": {"code", "message", "field"}} in `lang`;
// the message names an applicant field by its label ("联系人电话"). For front
// ends reporting their own input errors (the CLI's envelope).
nlohmann::json application_error_body(Error error, Lang lang);

// The applicant object's JSON limits: far above any real application (a text
// field holds at most 2,000 code points), small enough to refuse a flood.
// Strings are limited by the fields' own rules (code points), not here.
inline JsonLimits application_json_limits() { return JsonLimits{512 * 1024, 1, 512 * 1024}; }

// A strict-JSON failure (parse_strict_json) of an input that holds applicant
// fields, as an application error: its code becomes application_<...>, and an
// invalid UTF-8 sequence is located to the field whose text holds it. `text`
// is the input that failed; `prefix` is put before its paths ("applicant"
// when `text` is the applicant object itself, "" for a larger envelope).
Error application_json_error(const Error& strict_error, std::string_view text, const std::string& prefix);

}  // namespace xueshe
