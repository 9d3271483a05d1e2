#include "xueshe/option_compare.hpp"

#include <algorithm>

#include "xueshe/cases.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/stuck_help.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

// The outcome an option leads to: questions after it that only say where
// exactly (the community's basis, the receiving region) are left unanswered.
const Node* outcome_after(const Flow& flow, const std::string& id) {
  const Node* n = flow.find(id);
  for (size_t guard = 0; n && !n->is_outcome() && !n->edges.empty() && guard <= flow.nodes.size(); ++guard)
    n = flow.find(n->edges.front().to);
  return n && n->is_outcome() ? n : nullptr;
}

// What happens after this option: the help for when the retention ends, or
// for moving on from a transfer (the second transfer).
const char* next_help(const Policy& p, const std::string& route) {
  const RouteEntry* entry = p.route(route);
  if (!entry) return "";
  return entry->transfers ? "later_move" : "retention_ends";
}

}  // namespace

json compare_options(const Policy& p, const Flow& flow, const Node& q, const Answers& used, Date today,
                     const std::string& lang) {
  json out = json::array();
  for (const Edge& e : q.edges) {
    const Node* o = outcome_after(flow, e.to);
    if (!o) continue;
    Answers with = used;
    with.values[q.field] = e.when;
    const OutcomeContext ctx{p, *o, with, member_cases(with), today, lang, nullptr};
    const AssembledOutcome a = assemble_outcome(ctx);
    json until = json::array();
    for (const Deadline& d : a.deadlines)
      until.push_back(json{{"kind", d.kind}, {"label", d.label}, {"date", format_iso_date(d.date)}, {"clause", d.clause},
                           {"state", d.state}});
    json next = json::array();
    for (const HelpItem& h : compute_stuck_help(ctx))
      if (h.id == next_help(p, a.route))
        next.push_back(json{{"id", h.id}, {"text", h.text}, {"clause", h.clause}, {"general_advice", h.general_advice}});
    // The conflicts and cautions of this option alone (not the policy's own banners).
    json conflicts = json::array();
    for (const Warning& w : a.warnings)
      if (w.code == "retention_conflict" || w.code == "retention_exceptional")
        conflicts.push_back(json{{"code", w.code}, {"text", w.text}, {"clauses", w.clauses}});
    // Each clause relied on, in the notice's words, for the chips beside each line.
    json clause_texts = json::array();
    for (const Clause* c : a.clauses)
      clause_texts.push_back(json{{"id", c->id}, {"title", c->title.at(lang)}, {"text", c->text.at(lang)}});
    for (const json& n : next)
      if (const Clause* c = p.find_clause(n["clause"].get<std::string>()))
        clause_texts.push_back(json{{"id", c->id}, {"title", c->title.at(lang)}, {"text", c->text.at(lang)}});
    out.push_back(json{{"value", e.when},
                       {"route", a.route},
                       {"where", a.org},
                       {"clause", route_clause(p, a.route)},
                       {"until", until},
                       {"next", next},
                       {"conflicts", conflicts},
                       {"clause_texts", clause_texts}});
  }
  return out;
}

}  // namespace xueshe
