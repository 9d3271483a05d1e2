// The 二.5 application: the form a member fills in and the printable document,
// both built from a member's typed outcome whose steps ask for it.
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

// What the application needs from a member's outcome: the clause asking for
// it, its words, the policy behind it (the school's name too), and what the
// member already answered.
struct ApplicationContext {
  std::string clause, clause_title, clause_text;
  std::string policy_id, policy_hash, policy_title, school;  // school: the policy's (its title when it names none)
  std::string departure_date;                                 // "" when not answered
  std::string due;                                            // the before_departure deadline, or ""
};

struct ContextRead {
  std::optional<ApplicationContext> context;
  std::optional<Error> error;
};

ContextRead read_context(const MemberOutcome& m) {
  if (!m.outcome) return {std::nullopt, Error{"application_needs_outcome", m.question, {}}};
  const AssembledOutcome& o = *m.outcome;
  const Action* step = nullptr;
  for (const Action& s : o.steps)
    if (s.document == "application") step = &s;
  if (!step) return {std::nullopt, Error{"application_not_needed", "route", {{"route", o.route}}}};

  ApplicationContext c;
  c.clause = step->clause;
  // The outcome cites every step's clause (assemble_outcome).
  for (const Clause* clause : o.clauses)
    if (clause->id == c.clause) {
      c.clause_title = clause->title.at(m.lang);
      c.clause_text = clause->text.at(m.lang);
    }

  const Policy& p = *m.policy;
  c.policy_id = p.id;
  c.policy_hash = p.hash;
  c.policy_title = p.title.at(m.lang);
  // The school league committee approves: the policy's school by name.
  c.school = p.school.at(m.lang);
  for (const Step& s : m.answered)
    if (const Date* d = std::get_if<Date>(&s.value); d && s.field == "departure_date") c.departure_date = format_iso_date(*d);
  for (const Deadline& d : o.deadlines)
    if (d.kind == DeadlineKind::before_departure) c.due = format_iso_date(d.date);
  return {std::move(c), std::nullopt};
}

class Texts {
 public:
  explicit Texts(Lang lang) : lang_(lang) {}
  std::string operator()(const std::string& key, const Params& params = {}) const {
    return message(lang_, "takeaway.application." + key, params);
  }
  std::string label(const std::string& id) const { return (*this)("field." + id + ".label"); }

 private:
  Lang lang_;
};

// A date as the document says it: "{year}年{month}月{day}日", "{day} {month} {year}" (the month by name in English).
std::string letter_date(const Date& d, const Texts& t) {
  const unsigned month = static_cast<unsigned>(d.month());
  return t("document.date", {{"year", std::to_string(static_cast<int>(d.year()))},
                             {"month", t("document.month." + std::to_string(month))},
                             {"day", std::to_string(static_cast<unsigned>(d.day()))}});
}

json policy_json(const ApplicationContext& c) {
  return json{{"id", c.policy_id}, {"hash", c.policy_hash}, {"title", c.policy_title}};
}

json clause_json(const ApplicationContext& c) {
  return json{{"id", c.clause}, {"title", c.clause_title}, {"text", c.clause_text}};
}

json fill_line(const std::string& label, const std::string& fill = "") { return json{{"label", label}, {"fill", fill}}; }

}  // namespace

json application_error_body(Error e, Lang lang_in) {
  const Lang lang = carried_or_default(lang_in);
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

json application_form(const MemberOutcome& member) {
  Lang lang = member.lang;
  ContextRead read = read_context(member);
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

json application_document(const MemberOutcome& member, std::string_view applicant_json) {
  Lang lang = member.lang;
  ContextRead read = read_context(member);
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
  // Dates as a letter writes them (2022年8月1日, 1 August 2022), not as typed (2022-08-01).
  Params v = check.values;
  for (const ApplicationField& f : application_fields())
    if (f.kind == ApplicationFieldKind::date)
      if (auto d = parse_iso_date(v[f.id])) v[f.id] = letter_date(*d, t);
  v["title"] = c.policy_title;
  v["clause"] = c.clause;
  json body = json::array({t("document.body.who", v), t("document.body.plan", v), t("document.body.contact", v)});
  if (!v["contact_abroad"].empty()) body.push_back(t("document.body.abroad", v));
  body.push_back(t("document.body.close"));

  json rows = json::array();
  for (const ApplicationField& f : application_fields())
    rows.push_back(json{{"field", f.id}, {"label", t.label(f.id)}, {"value", v[f.id]}});

  const std::string blank_date = t("document.date_blank");
  return json{{"document",
               json{{"title", t("title")},
                    {"addressee", t("document.addressee", {{"school", c.school}})},
                    {"addressee_from", "policy.school"},
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
                    {"footer", t("document.footer", {{"title", c.policy_title}, {"clause", c.clause}})},
                    {"labels", json{{"print", t("document.print")}, {"edit", t("document.edit")}, {"colon", t("document.colon")}}},
                    {"lang", lang}}}};
}

}  // namespace xueshe
