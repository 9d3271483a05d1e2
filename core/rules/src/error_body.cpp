// One renderer for every error body (see error_body.hpp).
#include "xueshe/error_body.hpp"

#include <map>

#include "json_object.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/messages.hpp"

namespace xueshe {

std::string error_message(const Error& e, Lang lang_in, std::string_view catalog) {
  const Lang lang = carried_or_default(lang_in);
  std::map<std::string, std::string> params = e.params;
  params["field"] = e.field == "$" ? message(lang, "field.whole_input") : e.field;
  // A member reads the question's name, not its field id ("毕业日期", not graduation_date).
  params["question"] = question_name(e.field, lang);
  if (auto other = e.params.find("other_field"); other != e.params.end())
    params["other_question"] = question_name(other->second, lang);
  params["date_spellings"] = message(lang, "date.spellings");
  std::string key(catalog);
  key += '.';
  key += e.code;
  if (!e.detail.empty()) key += '.' + e.detail;
  std::string text = message(lang, key, params);
  // An error in a base file of a layered policy says which file (unless its own words name it).
  if (auto file = e.params.find("policy"); file != e.params.end() && text.find(file->second + ".json") == std::string::npos)
    text += message(lang, "error.in_file", params);
  return text;
}

nlohmann::json error_body(const Error& e, Lang lang, std::string_view catalog) {
  nlohmann::json body = JsonObject().add("code", e.code).add("field", e.field).done();
  if (auto file = e.params.find("policy"); file != e.params.end()) body["policy"] = file->second;
  // Which base file a front end should fetch beside the policy, and offer again.
  if (e.code == "policy_missing_base") body["missing"] = e.params.at("got");
  body["message"] = error_message(e, lang, catalog);
  return JsonObject().add("error", body).done();
}

}  // namespace xueshe
