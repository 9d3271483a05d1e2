// The one shape every front end shows an error in: {"error": {"code", "field",
// "message"}} — the code and field (a field id, a column, a JSON path) for
// programs, the message in words for people.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// The message is the catalog entry `<catalog>.<code>` (or `<catalog>.<code>.<detail>`)
// in `lang` (an unsupported language: the default one), filled with the error's
// own params and {field} (the field as given, "$" in words), {question} (the
// field's question in words, e.g. 毕业日期), {other_question} (the same for the
// param other_field) and {date_spellings}, which an error's params never set.
// Each wing names its catalog: "error" (the engine's), "roster.error",
// "policytool.error", "takeaway.error". An error in a base policy file says which
// file ("policy"); a missing base is named for the front end to fetch ("missing").
nlohmann::json error_body(const Error& error, Lang lang, std::string_view catalog = "error");
// The body's message alone, for a front end that shows only the words (a
// roster's cell, a decision table's row).
std::string error_message(const Error& error, Lang lang, std::string_view catalog = "error");

}  // namespace xueshe
