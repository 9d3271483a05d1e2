#include "xueshe/policy_diff.hpp"

#include <algorithm>
#include <set>

#include "xueshe/engine.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/policy_draft.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

json plain(const ordered_json& v) {
  return json::parse(v.dump(-1, ' ', false, ordered_json::error_handler_t::replace), nullptr, false);
}

bool has_structured(const ordered_json& list) {
  for (const auto& v : list)
    if (v.is_structured()) return true;
  return false;
}

// Values by JSON path; objects by key, arrays of objects by index, anything
// else (dates, numbers, texts, lists of words) compared whole.
void diff_values(const ordered_json* a, const ordered_json* b, const std::string& path, json& out) {
  if (a && b && a->is_object() && b->is_object()) {
    for (auto it = a->begin(); it != a->end(); ++it) {
      if (path.empty() && it.key() == "clauses") continue;  // compared by id, below
      auto other = b->find(it.key());
      diff_values(&it.value(), other == b->end() ? nullptr : &*other, json_path_key(path, it.key()), out);
    }
    for (auto it = b->begin(); it != b->end(); ++it)
      if (!a->contains(it.key()) && !(path.empty() && it.key() == "clauses"))
        diff_values(nullptr, &it.value(), json_path_key(path, it.key()), out);
    return;
  }
  if (a && b && a->is_array() && b->is_array() && (has_structured(*a) || has_structured(*b))) {
    for (std::size_t i = 0; i < std::max(a->size(), b->size()); ++i)
      diff_values(i < a->size() ? &(*a)[i] : nullptr, i < b->size() ? &(*b)[i] : nullptr, json_path_index(path, i), out);
    return;
  }
  if (a && b && *a == *b) return;
  out.push_back(json{{"path", path}, {"a", a ? plain(*a) : json(nullptr)}, {"b", b ? plain(*b) : json(nullptr)}});
}

json diff_clauses(const Policy& a, const Policy& b, Lang lang) {
  json out = json::array();
  auto find = [](const Policy& p, const std::string& id) -> const Clause* {
    for (const Clause& c : p.clauses)
      if (c.id == id) return &c;
    return nullptr;
  };
  for (const Clause& ca : a.clauses) {
    const Clause* cb = find(b, ca.id);
    if (!cb) {
      out.push_back(json{{"id", ca.id}, {"change", "removed"}, {"a", ca.text.at(lang)}, {"b", nullptr}});
      continue;
    }
    json parts = json::array();
    for (const auto& [lang_id, text] : ca.title)
      if (cb->title.at(lang_id) != text) parts.push_back("title." + lang_id);
    for (const auto& [lang_id, text] : ca.text)
      if (cb->text.at(lang_id) != text) parts.push_back("text." + lang_id);
    if (!parts.empty())
      out.push_back(json{{"id", ca.id}, {"change", "changed"}, {"parts", parts}, {"a", ca.text.at(lang)}, {"b", cb->text.at(lang)}});
  }
  for (const Clause& cb : b.clauses)
    if (!find(a, cb.id)) out.push_back(json{{"id", cb.id}, {"change", "added"}, {"a", nullptr}, {"b", cb.text.at(lang)}});
  return out;
}

Date shift_years(const Date& d, int years) {
  const date::year y{static_cast<int>(d.year()) + years};
  Date moved{y, d.month(), d.day()};
  if (!moved.ok()) moved = Date{y, d.month(), (y / d.month() / date::last).day()};
  return moved;
}

json answers_json(const std::vector<Step>& steps) {
  json out = json::object();
  for (const Step& s : steps) {
    if (s.implied) continue;
    if (auto* b = std::get_if<bool>(&s.value)) out[s.field] = *b;
    else out[s.field] = answer_token(s.value);
  }
  return out;
}

// A path's identity across policies: its outcome node and its non-date answers.
std::string path_key(const Path& p) {
  std::string key = p.outcome ? p.outcome->id : "";
  for (const Step& s : p.steps)
    if (!std::holds_alternative<Date>(s.value)) key += "|" + s.field + "=" + answer_token(s.value);
  return key;
}

json minus(const json& a, const json& b) {
  json out = json::array();
  for (const auto& v : a)
    if (std::find(b.begin(), b.end(), v) == b.end()) out.push_back(v);
  return out;
}

json deadline_triples(const json& result) {
  json out = json::array();
  for (const auto& d : result["deadlines"])
    out.push_back(json{{"kind", d["kind"]}, {"date", d["date"]}, {"clause", d["clause"]}});
  return out;
}

// Whether B's deadlines are A's moved by `years`, one for one (same kind and clause).
bool moved_by(const json& removed, const json& added, int years) {
  if (years == 0 || removed.size() != added.size()) return false;
  for (const auto& r : removed) {
    const std::string moved = format_iso_date(shift_years(*parse_iso_date(r["date"].get<std::string>()), years));
    bool found = false;
    for (const auto& a : added)
      found = found || (a["kind"] == r["kind"] && a["clause"] == r["clause"] && a["date"] == moved);
    if (!found) return false;
  }
  return true;
}

// What differs between one path's outcomes; empty when nothing does.
json compare(const Result& ra, const Result& rb, int years) {
  json change = json::object();
  if (!ra.ok || ra.body["status"] != "outcome") {
    change["a_result"] = ra.body;
    return change;
  }
  if (!rb.ok) {
    change["b_error"] = rb.body["error"];
    return change;
  }
  if (rb.body["status"] != "outcome") {
    change["b_question"] = rb.body["question"]["id"];
    return change;
  }
  const json &a = ra.body, &b = rb.body;
  if (a["route"] != b["route"]) change["route"] = json::array({a["route"], b["route"]});
  if (a["alternatives"] != b["alternatives"]) change["alternatives"] = json::array({a["alternatives"], b["alternatives"]});
  json da = deadline_triples(a), db = deadline_triples(b);
  json removed = minus(da, db), added = minus(db, da);
  if (!removed.empty()) change["deadlines_removed"] = removed;
  if (!added.empty()) change["deadlines_added"] = added;
  json cr = minus(a["clauses"], b["clauses"]), ca = minus(b["clauses"], a["clauses"]);
  if (!cr.empty()) change["clauses_removed"] = cr;
  if (!ca.empty()) change["clauses_added"] = ca;
  // Only the dates moved, and exactly with the cohort: said so, so a reader can set these aside.
  const bool moved_only = change.size() == 2 && change.contains("deadlines_removed") &&
                          change.contains("deadlines_added") && moved_by(removed, added, years);
  change["dates_moved_only"] = moved_only;
  return change;
}

json policy_info(const DraftAwareLoad& l) {
  const Policy& p = *l.policy;
  return json{{"id", p.id}, {"hash", p.hash}, {"cohort", p.cohort}, {"unverified", l.unverified.size()}};
}

}  // namespace

PolicyDiff diff_policies(std::string_view a_text, std::string_view b_text, Lang lang,
                         const PolicyTexts& a_bases, const PolicyTexts& b_bases) {
  PolicyDiff out;
  DraftAwareLoad a = load_policy_or_draft(a_text, a_bases);
  if (a.error) {
    out.error = a.error;
    out.which = "a";
    return out;
  }
  DraftAwareLoad b = load_policy_or_draft(b_text, b_bases);
  if (b.error) {
    out.error = b.error;
    out.which = "b";
    return out;
  }
  const Engine ea(*a.policy), eb(*b.policy);
  const Policy &pa = ea.policy(), &pb = eb.policy();
  const int years = pb.cohort - pa.cohort;

  json values = json::array();
  diff_values(&a.document, &b.document, "", values);

  std::set<std::string> keys_a;
  json changes = json::array();
  std::size_t moved_only = 0;
  const std::vector<Path> paths_a = enumerate_paths(ea.flow(), sample_dates(pa));
  for (std::size_t i = 0; i < paths_a.size(); ++i) {
    const Path& p = paths_a[i];
    keys_a.insert(path_key(p));
    Answers in_a, in_b;
    for (const Step& s : p.steps) {
      in_a.values[s.field] = s.value;
      const Date* d = std::get_if<Date>(&s.value);
      in_b.values[s.field] = d ? AnswerValue(shift_years(*d, years)) : s.value;
    }
    json change = compare(ea.evaluate(in_a, pa.notice_date, lang), eb.evaluate(in_b, pb.notice_date, lang), years);
    if (change.size() == 1 && change.contains("dates_moved_only")) continue;  // nothing differs
    if (change.value("dates_moved_only", false)) ++moved_only;
    change["number"] = i + 1;
    change["outcome_node"] = p.outcome ? p.outcome->id : "";
    change["answers"] = answers_json(p.steps);
    changes.push_back(std::move(change));
  }
  json only_b = json::array();
  for (const Path& p : enumerate_paths(eb.flow(), sample_dates(pb)))
    if (!keys_a.count(path_key(p)))
      only_b.push_back(json{{"outcome_node", p.outcome ? p.outcome->id : ""}, {"answers", answers_json(p.steps)}});

  out.diff = json{{"a", policy_info(a)},
                  {"b", policy_info(b)},
                  {"years_shifted", years},
                  {"clauses", diff_clauses(pa, pb, carried_or_default(lang))},
                  {"values", values},
                  {"paths", json{{"total", paths_a.size()},
                                 {"changed", changes.size()},
                                 {"unchanged", paths_a.size() - changes.size()},
                                 {"dates_moved_only", moved_only},
                                 {"only_in_b", only_b.size()},
                                 {"changes", changes},
                                 {"only_in_b_paths", only_b}}}};
  return out;
}

}  // namespace xueshe
