// Engine: answers -> walk the flow -> a question, or an outcome assembled from
// the calculators, with every clause it relied on.
#include "xueshe/engine.hpp"

#include <algorithm>

#include "xueshe/cases.hpp"
#include "xueshe/cohort_fit.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/messages.hpp"
#include "option_compare.hpp"
#include "xueshe/outcome.hpp"  // check_date_order
#include "xueshe/route_text.hpp"  // period_text
#include "json_object.hpp"
#include "outcome_json.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

json answer_json(const AnswerValue& v) {
  if (auto* b = std::get_if<bool>(&v)) return *b;
  return answer_token(v);
}

// An option in words: a situation the policy names, the policy's own wording,
// or the catalog's (the retention period filled in from the policy).
std::string option_label(const Policy& p, const std::string& field, const std::string& value,
                         Lang lang) {
  if (field == "destination")
    for (const Situation& s : p.situations)
      if (s.id == value) return s.label.at(lang);
  const std::string key = "option." + field + "." + value;
  std::map<std::string, std::string> params;
  if (const Period* retention = p.period("retention")) params["period"] = period_text(*retention, lang);
  params["limit"] = std::to_string(p.national.age_limit.value);
  if (auto it = p.wording.find(key); it != p.wording.end()) return it->second.at(lang);
  return message(lang, key, params);
}

// A question's text and help: the policy's own wording where it has one.
std::string question_text(const Policy& p, const std::string& key, Lang lang) {
  if (auto it = p.wording.find(key); it != p.wording.end()) return it->second.at(lang);
  return message(lang, key);
}


// The policy behind a result; `outdated` (every date of the policy has passed)
// and `unverified` (a draft's unchecked values) let a front end put their
// banners on question screens too.
json policy_json(const Policy& p, Date today, Lang lang) {
  // A guide on its own has no dates of a cohort, so nothing of it goes out of date.
  const bool outdated = p.cohort != 0 && today > p.latest_date();
  const std::size_t unverified = p.unverified.size() + p.unverified_bases.size();
  json layers = json::array();
  for (const PolicyLayerSummary& l : p.layers)
    layers.push_back(JsonObject()
        .add("id", l.id)
        .add("layer", l.layer)
        .add("title", l.title.at(lang))
        .add("last_verified", format_iso_date(l.last_verified))
        .done());
  return JsonObject()
      .add("id", p.id)
      .add("hash", p.hash)
      .add("title", p.title.at(lang))
      .add("school", p.school.at(lang))
      .add("cohort", p.cohort)
      .add("last_verified", format_iso_date(p.last_verified))
      .add("latest_date", format_iso_date(p.latest_date()))
      .add("outdated", outdated)
      .add("outdated_text", outdated ? message(lang, "warning.policy_outdated",
                                               {{"title", p.title.at(lang)},
                                                {"date", format_iso_date(p.latest_date())},
                                                {"cohort", std::to_string(p.cohort)}})
                                     : "")
      .add("layers", layers)
      .add("unverified", unverified)
      .add("unverified_text", unverified ? message(lang, "warning.policy_unverified",
                                                   {{"id", p.id}, {"n", std::to_string(unverified)}})
                                         : "")
      .done();
}

json answered_json(const Policy& p, const std::vector<Step>& steps, Lang lang) {
  json list = json::array();
  for (const Step& s : steps)
    list.push_back(JsonObject()
        .add("id", s.field)
        .add("node", s.node)
        .add("question", question_text(p, "question." + s.field + ".text", lang))
        .add("value", answer_json(s.value))
        .add("label", value_label(p, s.field, s.value, lang))
        .add("implied", s.implied)
        .done());
  return list;
}

json question_json(const Policy& p, const Flow& flow, const Node& n, Lang lang) {
  json options = json::array();
  if (n.kind == FieldKind::choice)
    for (const auto& v : n.options) options.push_back(JsonObject()
        .add("value", v)
        .add("label", option_label(p, n.field, v, lang))
        .done());
  if (n.kind == FieldKind::boolean) {
    for (bool v : {true, false})
      options.push_back(JsonObject().add("value", v).add("label", message(lang, v ? "bool.true" : "bool.false")).done());
    for (const Edge& e : n.edges)
      if (e.when == "unknown")
        options.push_back(JsonObject().add("value", "unknown").add("label", message(lang, "bool.unknown")).done());
  }
  json q = JsonObject()
      .add("id", n.field)
      .add("node", n.id)
      .add("text", question_text(p, "question." + n.field + ".text", lang))
      .add("help", question_text(p, "question." + n.field + ".help", lang))
      .add("kind", kind_name(n.kind))
      .add("options", options)
      .add("remaining_at_most", max_questions_from(flow, n.id))
      .done();
  // The first question, the graduation date, is passed by for a destination that
  // needs nothing personal (delayed graduation, by most notices): a member who has
  // no graduation date to give answers that destination here, with one tap.
  if (n.skip_when == "no_personal" && !flow.without_personal.empty()) {
    json instead = json::array();
    for (const std::string& d : flow.without_personal)
      instead.push_back(JsonObject()
          .add("field", "destination")
          .add("value", d)
          .add("label", option_label(p, "destination", d, lang))
          .done());
    q["instead"] = instead;
  }
  // The cohort's usual graduation date as a one-tap answer, where the notice
  // states one, with that clause's words.
  if (n.field == "graduation_date" && p.usual_graduation_date) {
    const std::string day = format_iso_date(p.usual_graduation_date->value);
    const Clause* c = p.find_clause(p.usual_graduation_date->clause);
    q["suggested"] = JsonObject()
        .add("value", day)
        .add("label", message(lang, "ui.usual_graduation_date", {{"date", day}}))
        .add("clause", c->id)
        .add("clause_text", clause_json(*c, lang))
        .done();
  }
  return q;
}

// A choice answered ahead of time must be one the flow offers for it somewhere ahead.
std::optional<Error> offered_ahead(const Flow& flow, const std::string& from, const std::string& field,
                                   const AnswerValue& value) {
  const auto* choice = std::get_if<std::string>(&value);
  if (!choice) return std::nullopt;
  std::vector<std::string> offered;
  for (const Node& n : flow.nodes)
    if (n.field == field && n.kind == FieldKind::choice && node_reachable(flow, from, n.id))
      for (const auto& o : n.options)
        if (std::find(offered.begin(), offered.end(), o) == offered.end()) offered.push_back(o);
  if (offered.empty() || std::find(offered.begin(), offered.end(), *choice) != offered.end()) return std::nullopt;
  std::string list;
  for (const auto& o : offered) list += (list.empty() ? "" : ", ") + o;
  return Error{"value_not_offered", field, {{"got", *choice}, {"allowed", list}}};
}

}  // namespace

std::string value_label(const Policy& p, const std::string& field, const AnswerValue& v, Lang lang) {
  if (auto* b = std::get_if<bool>(&v)) return message(lang, *b ? "bool.true" : "bool.false");
  if (find_field(field)->kind == FieldKind::boolean) return message(lang, "bool.unknown");
  if (auto* s = std::get_if<std::string>(&v)) return option_label(p, field, *s, lang);
  return format_iso_date(std::get<Date>(v));
}

std::string question_name(const std::string& field, Lang lang) {
  const std::string key = "field." + field;
  return catalog(lang).contains(key) ? message(lang, key) : field;
}

Engine::Engine(Policy policy) : policy_(std::move(policy)), flow_(build_flow(policy_)) {}

Evaluation Engine::walk_answers(const Answers& answers) const {
  // A destination is one of SPEC §3's or a situation this policy names (二战考研, …).
  if (auto destination = answers.choice("destination")) {
    std::vector<std::string> allowed = find_field("destination")->values;
    for (const Situation& s : policy_.situations) allowed.push_back(s.id);
    if (std::find(allowed.begin(), allowed.end(), *destination) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Evaluation{Error{"unknown_value", "destination", {{"got", *destination}, {"allowed", list}}}, nullptr, {}, {}};
    }
  }
  Walk w = walk(flow_, answers);
  if (w.error) return Evaluation{*w.error, nullptr, {}, {}};

  // Answers given for questions still ahead are checked now, not when reached:
  // a value the policy does not offer there, or dates out of order, are errors
  // as soon as both are given and both matter on this member's way.
  Answers relevant = w.used;
  if (w.at)
    for (const std::string& field : fields_ahead(flow_, w.at->id))
      if (auto it = answers.values.find(field); it != answers.values.end()) {
        if (auto not_offered = offered_ahead(flow_, w.at->id, field, it->second))
          return Evaluation{*not_offered, nullptr, {}, {}};
        relevant.values.insert(*it);
      }
  if (auto inconsistent = check_date_order(relevant)) return Evaluation{*inconsistent, nullptr, {}, {}};
  if (!w.at) return Evaluation{Error{"internal_flow", "$", {}}, nullptr, {}, {}};

  // A named situation (二战考研) is its destination for every rule.
  Answers used = w.used;
  const Situation* situation = resolve_situation(policy_, used);
  return Evaluation{std::nullopt, w.at, std::move(w.steps), std::move(used), situation};
}

Result Engine::evaluate(const Answers& answers, Date today, Lang lang) const {
  return evaluate_with(answers, today, lang, OutcomeParts{outcome_json, compare_options});
}

Result Engine::evaluate_questions(const Answers& answers, Date today, Lang lang) const {
  return evaluate_with(answers, today, lang, OutcomeParts{nullptr, nullptr});
}

Result Engine::evaluate_json(std::string_view answers_json, Date today, Lang lang) const {
  return evaluate_json_with(answers_json, today, lang, OutcomeParts{outcome_json, compare_options});
}

Result Engine::evaluate_questions_json(std::string_view answers_json, Date today, Lang lang) const {
  return evaluate_json_with(answers_json, today, lang, OutcomeParts{nullptr, nullptr});
}

Result Engine::evaluate_with(const Answers& answers, Date today, Lang lang_in,
                             const OutcomeParts& parts) const {
  const Lang lang = carried_or_default(lang_in);
  const Evaluation e = walk_answers(answers);
  if (e.error) return Result{false, error_body(*e.error, lang)};

  json body = JsonObject().add("status", e.at->is_outcome() ? "outcome" : "question").done();
  if (!e.at->is_outcome()) {
    body["question"] = question_json(policy_, flow_, *e.at, lang);
    if (e.at->compare) {
      if (parts.compare)
        body["question"]["compare"] = parts.compare(policy_, flow_, *e.at, e.used, today, lang);
      else
        body["needs_outcome_module"] = true;
    }
  } else if (parts.outcome) {
    body.update(parts.outcome(OutcomeContext{policy_, *e.at, e.used, member_cases(e.used), today, lang, e.situation}));
  } else {
    body["needs_outcome_module"] = true;
  }
  body["answered"] = answered_json(policy_, e.steps, lang);
  body["policy"] = policy_json(policy_, today, lang);
  // Said at once, on the question after the graduation date (or from the first
  // screen once every date has passed), not only on the outcome.
  const Answers& known = e.at->is_outcome() ? e.used : answers;
  if (auto misfit = cohort_misfit(policy_, known, today))
    body["cohort_misfit"] = JsonObject()
        .add("reason", *misfit)
        .add("text", cohort_misfit_text(policy_, *misfit, known, lang))
        .done();
  body["today"] = format_iso_date(today);
  body["lang"] = lang;
  return Result{true, std::move(body)};
}

Result Engine::evaluate_json_with(std::string_view answers_json, Date today, Lang lang,
                                  const OutcomeParts& parts) const {
  AnswersParse parsed = parse_answers(answers_json);
  if (parsed.error) return Result{false, error_body(*parsed.error, lang)};
  return evaluate_with(parsed.answers, today, lang, parts);
}

}  // namespace xueshe
