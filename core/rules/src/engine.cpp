// Engine: answers -> walk the flow -> a question, or an outcome assembled from
// the calculators, with every clause it relied on.
#include "xueshe/engine.hpp"

#include <algorithm>

#include "xueshe/cases.hpp"
#include "xueshe/cohort_fit.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/option_compare.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/route_text.hpp"
#include "xueshe/stuck_help.hpp"

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
                         const std::string& lang) {
  if (field == "destination")
    for (const Situation& s : p.situations)
      if (s.id == value) return s.label.at(lang);
  const std::string key = "option." + field + "." + value;
  std::map<std::string, std::string> params;
  if (const Period* retention = p.period("retention")) params["period"] = period_text(*retention, lang);
  if (auto it = p.wording.find(key); it != p.wording.end()) return it->second.at(lang);
  return message(lang, key, params);
}

// A question's text and help: the policy's own wording where it has one.
std::string question_text(const Policy& p, const std::string& key, const std::string& lang) {
  if (auto it = p.wording.find(key); it != p.wording.end()) return it->second.at(lang);
  return message(lang, key);
}

std::string value_label(const Policy& p, const std::string& field, const AnswerValue& v, const std::string& lang) {
  if (auto* b = std::get_if<bool>(&v)) return message(lang, *b ? "bool.true" : "bool.false");
  if (find_field(field)->kind == FieldKind::boolean) return message(lang, "bool.unknown");
  if (auto* s = std::get_if<std::string>(&v)) return option_label(p, field, *s, lang);
  return format_iso_date(std::get<Date>(v));
}

// A field's short name in words ("毕业日期"), or the field itself where the catalog has none.
std::string question_name(const std::string& field, const std::string& lang) {
  const std::string key = "field." + field;
  return catalog(lang).contains(key) ? message(lang, key) : field;
}

// The policy behind a result; `outdated` (every date of the policy has passed)
// and `unverified` (a draft's unchecked values) let a front end put their
// banners on question screens too.
json policy_json(const Policy& p, Date today, const std::string& lang) {
  // A guide on its own has no dates of a cohort, so nothing of it goes out of date.
  const bool outdated = p.cohort != 0 && today > p.latest_date();
  const std::size_t unverified = p.unverified.size() + p.unverified_bases.size();
  json layers = json::array();
  for (const PolicyLayerSummary& l : p.layers)
    layers.push_back(json{{"id", l.id}, {"layer", l.layer}, {"title", l.title.at(lang)},
                          {"last_verified", format_iso_date(l.last_verified)}});
  return json{{"id", p.id},
              {"hash", p.hash},
              {"title", p.title.at(lang)},
              {"school", p.school.at(lang)},
              {"cohort", p.cohort},
              {"last_verified", format_iso_date(p.last_verified)},
              {"latest_date", format_iso_date(p.latest_date())},
              {"outdated", outdated},
              {"outdated_text", outdated ? message(lang, "warning.policy_outdated",
                                                   {{"title", p.title.at(lang)},
                                                    {"date", format_iso_date(p.latest_date())},
                                                    {"cohort", std::to_string(p.cohort)}})
                                         : ""},
              {"layers", layers},
              {"unverified", unverified},
              {"unverified_text", unverified ? message(lang, "warning.policy_unverified",
                                                       {{"id", p.id}, {"n", std::to_string(unverified)}})
                                             : ""}};
}

json answered_json(const Policy& p, const std::vector<Step>& steps, const std::string& lang) {
  json list = json::array();
  for (const Step& s : steps)
    list.push_back(json{{"id", s.field},
                        {"node", s.node},
                        {"question", question_text(p, "question." + s.field + ".text", lang)},
                        {"value", answer_json(s.value)},
                        {"label", value_label(p, s.field, s.value, lang)},
                        {"implied", s.implied}});
  return list;
}

json question_json(const Policy& p, const Flow& flow, const Node& n, const std::string& lang) {
  json options = json::array();
  if (n.kind == FieldKind::choice)
    for (const auto& v : n.options) options.push_back(json{{"value", v}, {"label", option_label(p, n.field, v, lang)}});
  if (n.kind == FieldKind::boolean) {
    for (bool v : {true, false}) options.push_back(json{{"value", v}, {"label", message(lang, v ? "bool.true" : "bool.false")}});
    for (const Edge& e : n.edges)
      if (e.when == "unknown") options.push_back(json{{"value", "unknown"}, {"label", message(lang, "bool.unknown")}});
  }
  return json{{"id", n.field},
              {"node", n.id},
              {"text", question_text(p, "question." + n.field + ".text", lang)},
              {"help", question_text(p, "question." + n.field + ".help", lang)},
              {"kind", kind_name(n.kind)},
              {"options", options},
              {"remaining_at_most", max_questions_from(flow, n.id)}};
}

json outcome_json(const OutcomeContext& ctx) {
  const Policy& p = ctx.policy;
  const std::string& lang = ctx.lang;
  const AssembledOutcome o = assemble_outcome(ctx);

  json alternative_options = json::array();
  for (const auto& alt : o.alternatives)
    alternative_options.push_back(json{{"route", alt}, {"org", route_org(ctx, alt)}, {"clause", route_clause(p, alt)}});
  json deadlines_json = json::array();
  for (const Deadline& d : o.deadlines)
    deadlines_json.push_back(json{{"kind", d.kind},
                                  {"label", d.label},
                                  {"date", format_iso_date(d.date)},
                                  {"clause", d.clause},
                                  {"days_left", d.days_left},
                                  {"state", d.state},
                                  {"what", d.what}});
  auto actions_json = [](const std::vector<Action>& list) {
    json out = json::array();
    for (const Action& a : list) {
      out.push_back(json{{"id", a.id}, {"where", a.where}, {"text", a.text}, {"clause", a.clause}});
      if (!a.document.empty()) out.back()["document"] = a.document;
    }
    return out;
  };
  json fallbacks_json = json::array();
  for (const FallbackOption& f : o.fallbacks)
    fallbacks_json.push_back(json{{"route", f.route}, {"org", f.org}, {"when", f.when}, {"clause", f.clause}});
  json warnings_json = json::array();
  for (const Warning& w : o.warnings) warnings_json.push_back(json{{"code", w.code}, {"text", w.text}, {"clauses", w.clauses}});
  json clauses = json::array(), clause_texts = json::array();
  for (const Clause* c : o.clauses) {
    clauses.push_back(c->id);
    clause_texts.push_back(json{{"id", c->id}, {"title", c->title.at(lang)}, {"text", c->text.at(lang)}});
  }

  // If it gets stuck: each item with its own clause in the source's words (the
  // routing's `clauses` stay those it relies on).
  json if_stuck = json::array();
  for (const HelpItem& h : compute_stuck_help(ctx)) {
    json item{{"id", h.id}, {"text", h.text}, {"clause", h.clause}, {"general_advice", h.general_advice}};
    if (const Clause* c = p.find_clause(h.clause))
      item["clause_text"] = json{{"id", c->id}, {"title", c->title.at(lang)}, {"text", c->text.at(lang)}};
    if_stuck.push_back(std::move(item));
  }

  return json{{"route", o.route},
              {"variant", ctx.outcome.variant},
              {"receiving", json{{"route", o.route},
                                 {"org", o.org},
                                 {"started_by", route_started_by(ctx, o.route, o.deadlines)},
                                 {"clause", route_clause(p, o.route)}}},
              {"alternatives", o.alternatives},
              {"alternative_options", alternative_options},
              {"fallbacks", fallbacks_json},
              {"deadlines", deadlines_json},
              {"steps", actions_json(o.steps)},
              {"notes", actions_json(o.notes)},
              {"warnings", warnings_json},
              {"clauses", clauses},
              {"clause_texts", clause_texts},
              {"if_stuck", if_stuck},
              {"cases", ctx.cases}};
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

Result Engine::evaluate(const Answers& answers, Date today, const std::string& lang_in) const {
  const std::string lang = is_supported_language(lang_in) ? lang_in : default_language();
  const Evaluation e = walk_answers(answers);
  if (e.error) return Result{false, error_body(*e.error, lang)};

  json body{{"status", e.at->is_outcome() ? "outcome" : "question"}};
  if (!e.at->is_outcome()) {
    body["question"] = question_json(policy_, flow_, *e.at, lang);
    if (e.at->compare) body["question"]["compare"] = compare_options(policy_, flow_, *e.at, e.used, today, lang);
  } else {
    OutcomeContext ctx{policy_, *e.at, e.used, member_cases(e.used), today, lang, e.situation};
    body.update(outcome_json(ctx));
  }
  body["answered"] = answered_json(policy_, e.steps, lang);
  body["policy"] = policy_json(policy_, today, lang);
  // Said at once, on the question after the graduation date (or from the first
  // screen once every date has passed), not only on the outcome.
  const Answers& known = e.at->is_outcome() ? e.used : answers;
  if (auto misfit = cohort_misfit(policy_, known, today))
    body["cohort_misfit"] = json{{"reason", *misfit}, {"text", cohort_misfit_text(policy_, *misfit, known, lang)}};
  body["today"] = format_iso_date(today);
  body["lang"] = lang;
  return Result{true, std::move(body)};
}

Result Engine::evaluate_json(std::string_view answers_json, Date today, const std::string& lang) const {
  AnswersParse parsed = parse_answers(answers_json);
  if (parsed.error) return Result{false, error_body(*parsed.error, lang)};
  return evaluate(parsed.answers, today, lang);
}

json error_body(const Error& e, const std::string& lang_in) {
  const std::string lang = is_supported_language(lang_in) ? lang_in : default_language();
  std::map<std::string, std::string> params = e.params;
  params["field"] = e.field == "$" ? message(lang, "field.whole_input") : e.field;
  // A member reads the question's name, not its field id ("毕业日期", not graduation_date).
  params["question"] = question_name(e.field, lang);
  if (auto other = e.params.find("other_field"); other != e.params.end())
    params["other_question"] = question_name(other->second, lang);
  params["date_spellings"] = message(lang, "date.spellings");
  std::string text = message(lang, "error." + e.code + (e.detail.empty() ? "" : "." + e.detail), params);
  json body{{"code", e.code}, {"field", e.field}};
  // An error in a base file of a layered policy says which file (unless its own words name it).
  if (auto file = e.params.find("policy"); file != e.params.end()) {
    if (text.find(file->second + ".json") == std::string::npos) text += message(lang, "error.in_file", params);
    body["policy"] = file->second;
  }
  // Which base file a front end should fetch beside the policy, and offer again.
  if (e.code == "policy_missing_base") body["missing"] = e.params.at("got");
  body["message"] = text;
  return json{{"error", body}};
}

}  // namespace xueshe
