// The 二.5 application: the form a member fills in and the printable document,
// both built from an evaluate result body whose steps ask for it.
#include "xueshe/application.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "application_fields.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/takeaway_error.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using Params = std::map<std::string, std::string>;

// What the application needs from a result: the clause asking for it, its
// words, the policy behind it, and what the member already answered.
struct ApplicationContext {
  std::string clause, clause_title, clause_text;
  std::string policy_id, policy_hash, policy_title, school;  // school: "" when the result does not say
  std::string departure_date;                                 // "" when not answered
  std::string due;                                            // the before_departure deadline, or ""
};

struct ContextRead {
  std::optional<ApplicationContext> context;
  std::optional<Error> error;
};

const std::string* string_at(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

const json* array_at(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it != obj.end() && it->is_array() ? &*it : nullptr;
}

ContextRead read_context(const json& result) {
  auto bad = [](std::string field) { return ContextRead{std::nullopt, Error{"application_bad_result", std::move(field), {}}}; };
  const std::string* status = string_at(result, "status");
  if (!status) return bad("status");
  if (*status == "question") {
    auto q = result.find("question");
    const std::string* id = q != result.end() ? string_at(*q, "id") : nullptr;
    if (!id) return bad("question.id");
    return {std::nullopt, Error{"application_needs_outcome", *id, {}}};
  }
  if (*status != "outcome") return bad("status");

  const json* steps = array_at(result, "steps");
  if (!steps) return bad("steps");
  const json* step = nullptr;
  for (const json& s : *steps) {
    const std::string* document = string_at(s, "document");
    if (document && *document == "application") step = &s;
  }
  if (!step) {
    const std::string* route = string_at(result, "route");
    return {std::nullopt, Error{"application_not_needed", "route", {{"route", route ? *route : ""}}}};
  }

  ApplicationContext c;
  const std::string* clause = string_at(*step, "clause");
  if (!clause || clause->empty()) return bad("steps.clause");
  c.clause = *clause;
  const json* texts = array_at(result, "clause_texts");
  if (!texts) return bad("clause_texts");
  for (const json& t : *texts) {
    const std::string* id = string_at(t, "id");
    const std::string* title = string_at(t, "title");
    const std::string* text = string_at(t, "text");
    if (id && *id == c.clause && title && text) {
      c.clause_title = *title;
      c.clause_text = *text;
    }
  }
  if (c.clause_title.empty()) return bad("clause_texts");

  auto policy = result.find("policy");
  const json& p = policy != result.end() ? *policy : json();
  for (auto [key, out] : {std::pair{"id", &c.policy_id}, std::pair{"hash", &c.policy_hash},
                          std::pair{"title", &c.policy_title}}) {
    const std::string* v = string_at(p, key);
    if (!v) return bad(std::string("policy.") + key);
    *out = *v;
  }
  // The school league committee approves: the policy's school where the result
  // carries it; otherwise the document addresses "the school league committee".
  if (const std::string* school = string_at(p, "school")) c.school = *school;

  if (const json* answered = array_at(result, "answered"))
    for (const json& a : *answered) {
      const std::string* id = string_at(a, "id");
      const std::string* value = string_at(a, "value");
      if (id && *id == "departure_date" && value) c.departure_date = *value;
    }
  if (const json* deadlines = array_at(result, "deadlines"))
    for (const json& d : *deadlines) {
      const std::string* kind = string_at(d, "kind");
      const std::string* date = string_at(d, "date");
      if (kind && *kind == "before_departure" && date) c.due = *date;
    }
  return {std::move(c), std::nullopt};
}

class Texts {
 public:
  explicit Texts(std::string lang) : lang_(std::move(lang)) {}
  std::string operator()(const std::string& key, const Params& params = {}) const {
    return message(lang_, "takeaway.application." + key, params);
  }
  std::string label(const std::string& id) const { return (*this)("field." + id + ".label"); }

 private:
  std::string lang_;
};

std::string supported(const std::string& lang) { return is_supported_language(lang) ? lang : default_language(); }

json policy_json(const ApplicationContext& c) {
  return json{{"id", c.policy_id}, {"hash", c.policy_hash}, {"title", c.policy_title}};
}

json clause_json(const ApplicationContext& c) {
  return json{{"id", c.clause}, {"title", c.clause_title}, {"text", c.clause_text}};
}

json fill_line(const std::string& label, const std::string& fill = "") { return json{{"label", label}, {"fill", fill}}; }

}  // namespace

json application_error_body(Error e, const std::string& lang_in) {
  const std::string lang = supported(lang_in);
  const std::string prefix = "applicant.";
  std::string label = e.field;
  if (e.field.rfind(prefix, 0) == 0) {
    const std::string id = e.field.substr(prefix.size());
    const auto& fields = application_fields();
    if (std::any_of(fields.begin(), fields.end(), [&](const ApplicationField& f) { return id == f.id; }))
      label = Texts(lang).label(id);
  }
  e.params.emplace("label", label);
  return takeaway_error_body(e, lang);
}

json application_form(const json& result, const std::string& lang_in) {
  const std::string lang = supported(lang_in);
  ContextRead read = read_context(result);
  if (read.error) return application_error_body(*read.error, lang);
  const ApplicationContext& c = *read.context;
  const Texts t(lang);

  json fields = json::array();
  for (const ApplicationField& f : application_fields()) {
    const bool text = f.kind == ApplicationFieldKind::text || f.kind == ApplicationFieldKind::textarea;
    fields.push_back(json{{"id", f.id},
                          {"label", t.label(f.id)},
                          {"kind", application_kind_name(f.kind)},
                          {"required", f.required},
                          {"max_chars", f.max_chars},
                          {"value", std::string_view(f.id) == "from" ? c.departure_date : ""},
                          {"hint", t(std::string("field.") + f.id + ".hint")},
                          {"limit", text ? t("form.limit", {{"max", std::to_string(f.max_chars)}}) : ""}});
  }
  return json{{"form", json{{"title", t("title")},
                            {"intro", t("form.intro", {{"clause", c.clause}})},
                            {"due", c.due.empty() ? "" : t("form.due", {{"date", c.due}})},
                            {"clause", c.clause},
                            {"clause_text", clause_json(c)},
                            {"fields", fields},
                            {"labels", json{{"required", t("form.required")},
                                            {"optional", t("form.optional")},
                                            {"submit", t("form.submit")},
                                            {"privacy", t("form.privacy")},
                                            {"errors", t("form.errors")}}},
                            {"policy", policy_json(c)},
                            {"lang", lang}}}};
}

json application_document(const json& result, std::string_view applicant_json, const std::string& lang_in) {
  const std::string lang = supported(lang_in);
  ContextRead read = read_context(result);
  if (read.error) return application_error_body(*read.error, lang);
  const ApplicationContext& c = *read.context;

  StrictJson parsed = parse_strict_json(applicant_json, application_json_limits());
  if (parsed.error) return application_error_body(application_json_error(*parsed.error, applicant_json, "applicant"), lang);
  ApplicantCheck check = check_applicant(parsed.value);
  if (!check.errors.empty()) {
    json body = application_error_body(check.errors.front(), lang);
    json all = json::array();
    for (const Error& e : check.errors) all.push_back(application_error_body(e, lang)["error"]);
    body["errors"] = std::move(all);
    return body;
  }

  const Texts t(lang);
  Params v = check.values;
  v["title"] = c.policy_title;
  v["clause"] = c.clause;
  json body = json::array({t("document.body.who", v), t("document.body.plan", v), t("document.body.contact", v)});
  if (!v["contact_abroad"].empty()) body.push_back(t("document.body.abroad", v));
  body.push_back(t("document.body.close"));

  json rows = json::array();
  for (const ApplicationField& f : application_fields())
    rows.push_back(json{{"field", f.id}, {"label", t.label(f.id)}, {"value", check.values[f.id]}});

  const std::string blank_date = t("document.date_blank");
  return json{{"document",
               json{{"title", t("title")},
                    {"addressee", c.school.empty() ? t("document.addressee_generic")
                                                   : t("document.addressee", {{"school", c.school}})},
                    {"addressee_from", c.school.empty() ? "clause" : "policy.school"},
                    {"body", body},
                    {"rows_heading", t("document.rows_heading")},
                    {"rows", rows},
                    {"pledge", t("document.pledge")},
                    {"signature", json::array({fill_line(t("document.signature.applicant")),
                                               fill_line(t("document.signature.date"), blank_date)})},
                    {"approval", json{{"title", t("document.approval.title")},
                                      {"options", json::array({t("document.approval.agree"),
                                                               t("document.approval.disagree")})},
                                      {"lines", json::array({fill_line(t("document.approval.opinion")),
                                                             fill_line(t("document.approval.register")),
                                                             fill_line(t("document.approval.by")),
                                                             fill_line(t("document.approval.date"), blank_date)})},
                                      {"seal", t("document.approval.seal")}}},
                    {"clause", c.clause},
                    {"clause_text", clause_json(c)},
                    {"policy", policy_json(c)},
                    {"footer", t("document.footer", {{"title", c.policy_title},
                                                     {"id", c.policy_id},
                                                     {"hash", c.policy_hash},
                                                     {"clause", c.clause}})},
                    {"labels", json{{"print", t("document.print")}, {"edit", t("document.edit")}, {"colon", t("document.colon")}}},
                    {"lang", lang}}}};
}

}  // namespace xueshe
