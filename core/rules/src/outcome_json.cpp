// An outcome as a result carries it (route, receiving, deadlines, steps,
// warnings, clause texts, if_stuck): what Engine::evaluate adds at an outcome
// and the side-by-side choice (option_compare.cpp) shows parts of. Only what
// links Engine::evaluate links this; the page's question module
// (Engine::evaluate_questions) does not.
#include "outcome_json.hpp"

#include "xueshe/messages.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/route_text.hpp"
#include "stuck_help.hpp"
#include "json_object.hpp"

namespace xueshe {

using nlohmann::json;

// A clause with its notice's words, for a front end to show beside what cites it.
json clause_json(const Clause& c, Lang lang) {
  return JsonObject().add("id", c.id).add("title", c.title.at(lang)).add("text", c.text.at(lang)).done();
}

namespace {

// The heading above the receiving organization: "transfer it to" only where
// it leaves the school; kept where it stays (at school, delayed graduation);
// neither where nothing is transferred (leaving at the age limit, a notice
// that is silent).
std::string receiving_heading(const Policy& p, const std::string& route) {
  const RouteEntry* entry = p.route(route);
  if (entry && entry->transfers) return "ui.receiving";
  if (entry && route != "age_out") return "ui.receiving_kept";
  return "ui.receiving_none";
}

}  // namespace

json outcome_json(const OutcomeContext& ctx) {
  const Policy& p = ctx.policy;
  Lang lang = ctx.lang;
  const AssembledOutcome o = assemble_outcome(ctx);

  json alternative_options = json::array();
  for (const auto& alt : o.alternatives)
    alternative_options.push_back(JsonObject()
        .add("route", alt)
        .add("org", route_org(ctx, alt))
        .add("clause", route_clause(p, alt))
        .done());
  json deadlines_json = json::array();
  for (const Deadline& d : o.deadlines) {
    deadlines_json.push_back(JsonObject()
        .add("kind", name(d.kind))
        .add("label", d.label)
        .add("date", format_iso_date(d.date))
        .add("clause", d.clause)
        .add("days_left", d.days_left)
        .add("state", name(d.state))
        .add("what", d.what)
        .done());
    if (!d.note.empty()) deadlines_json.back()["note"] = d.note;
  }
  auto actions_json = [](const std::vector<Action>& list) {
    json out = json::array();
    for (const Action& a : list) {
      out.push_back(JsonObject()
          .add("id", a.id)
          .add("where", name(a.where))
          .add("text", a.text)
          .add("clause", a.clause)
          .done());
      if (!a.document.empty()) out.back()["document"] = a.document;
    }
    return out;
  };
  json fallbacks_json = json::array();
  for (const FallbackOption& f : o.fallbacks)
    fallbacks_json.push_back(JsonObject()
        .add("route", f.route)
        .add("org", f.org)
        .add("when", f.when)
        .add("clause", f.clause)
        .done());
  json warnings_json = json::array();
  for (const Warning& w : o.warnings) warnings_json.push_back(JsonObject()
      .add("code", w.code)
      .add("text", w.text)
      .add("clauses", w.clauses)
      .done());
  json clauses = json::array(), clause_texts = json::array();
  for (const Clause* c : o.clauses) {
    clauses.push_back(c->id);
    clause_texts.push_back(clause_json(*c, lang));
  }

  // If it gets stuck: each item with its own clause in the source's words (the
  // routing's `clauses` stay those it relies on).
  json if_stuck = json::array();
  for (const HelpItem& h : compute_stuck_help(ctx)) {
    json item = JsonObject()
        .add("id", h.id)
        .add("text", h.text)
        .add("clause", h.clause)
        .add("general_advice", h.general_advice)
        .done();
    if (const Clause* c = p.find_clause(h.clause)) item["clause_text"] = clause_json(*c, lang);
    if_stuck.push_back(std::move(item));
  }

  return JsonObject()
      .add("route", o.route)
      .add("variant", ctx.outcome.variant)
      .add("receiving", JsonObject()
                            .add("route", o.route)
                            .add("org", o.org)
                            .add("started_by", route_started_by(ctx, o.route, o.deadlines))
                            .add("clause", route_clause(p, o.route))
                            .add("heading", message(lang, receiving_heading(p, o.route)))
                            .done())
      .add("alternatives", o.alternatives)
      .add("alternative_options", alternative_options)
      .add("fallbacks", fallbacks_json)
      .add("deadlines", deadlines_json)
      .add("steps", actions_json(o.steps))
      .add("notes", actions_json(o.notes))
      .add("warnings", warnings_json)
      .add("clauses", clauses)
      .add("clause_texts", clause_texts)
      .add("if_stuck", if_stuck)
      .add("cases", ctx.cases)
      .done();
}

}  // namespace xueshe
