#include "option_compare.hpp"

#include "xueshe/cases.hpp"
#include "json_object.hpp"
#include "outcome_json.hpp"

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

// The items of `list` whose `key` is one of `wanted`.
json only(json& list, const char* key, std::initializer_list<const char*> wanted) {
  json out = json::array();
  for (json& item : list)
    for (const char* w : wanted)  // compared as strings: json's own == costs the page's module ≈ 1 KB
      if (const std::string* s = item[key].get_ptr<const std::string*>(); s && *s == w) out.push_back(std::move(item));
  return out;
}

}  // namespace

json compare_options(const Policy& p, const Flow& flow, const Node& q, const Answers& used, Date today,
                     Lang lang) {
  json out = json::array();
  for (const Edge& e : q.edges) {
    const Node* o = outcome_after(flow, e.to);
    if (!o) continue;
    Answers with = used;
    with.values[q.field] = e.when;
    // Parts of the outcome this option leads to, as evaluate gives it.
    json full = outcome_json(OutcomeContext{p, *o, with, member_cases(with), today, lang, nullptr});
    const RouteEntry* entry = p.route(full["route"]);
    out.push_back(JsonObject()
        .add("value", e.when)
        .add("route", full["route"])
        .add("where", full["receiving"]["org"])
        .add("clause", full["receiving"]["clause"])
        .add("until", full["deadlines"])
        // What happens next: the help for moving on from a transfer (the second
        // transfer), or for when the retention ends.
        .add("next", only(full["if_stuck"], "id", {!entry ? "" : entry->transfers ? "later_move" : "retention_ends"}))
        // The conflicts and cautions of this option alone (not the policy's own banners).
        .add("conflicts", only(full["warnings"], "code", {"retention_conflict", "retention_exceptional"}))
        .add("clause_texts", full["clause_texts"])
        .done());
  }
  return out;
}

}  // namespace xueshe
