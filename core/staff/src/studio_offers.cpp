// The policy studio's offers (see studio_offers.hpp).
#include "xueshe/studio_offers.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "notice_text.hpp"
#include "xueshe/json_at_path.hpp"
#include "xueshe/notice_deadline_words.hpp"
#include "xueshe/notice_names.hpp"
#include "xueshe/policy_studio.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// A destination's keys that are not the route its members go to.
const std::set<std::string> kNotSlots{"clause", "mode", "retention", "bases", "no_residence_org", "classified"};

// A policy file's value as the form holds it: a text {"zh-CN": …, "en": …} as its Chinese words.
ordered_json plain(const json& v) {
  if (v.is_object() && v.contains("zh-CN") && v["zh-CN"].is_string()) return v["zh-CN"];
  if (v.is_object()) {
    ordered_json out = ordered_json::object();
    for (auto it = v.begin(); it != v.end(); ++it) out[it.key()] = plain(*it);
    return out;
  }
  if (v.is_array()) {
    ordered_json out = ordered_json::array();
    for (const auto& x : v) out.push_back(plain(x));
    return out;
  }
  return ordered_json::parse(v.dump());
}

std::string str(const ordered_json& o, const char* key) {
  if (!o.is_object()) return {};
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Offers {
 public:
  Offers(const ordered_json& studio, const ordered_json& values, const PolicyTexts& bases, Lang lang)
      : form_(studio["policy"]), clauses_(studio["clauses"]), values_(values), lang_(lang),
        chain_(studio_base_layers(str(studio, "base"), bases)) {
    if (clauses_.is_array()) named_ = notice_named_things(clauses_);
    for (const NamedInNotice& n : named_)
      if (n.path.rfind("destinations.", 0) == 0 && n.value.is_string()) {
        const std::string d = n.path.substr(13, n.path.size() - 13 - 7);
        covered_.push_back({d, n.value.get<std::string>()});
      }
  }

  ordered_json run() {
    school();
    named();
    removed_destinations();
    periods();
    routes();
    deadlines();
    ordered_json steps = ordered_json::object();
    for (const std::string& r : route_ids()) {
      ordered_json list = steps_for(r);
      if (!list.empty()) steps[r] = std::move(list);
    }
    return ordered_json{{"offers", out_}, {"steps", steps}};
  }

 private:
  // The form has a value there (a null too: the author removed the base's).
  bool form_has(const std::string& path) const {
    const ordered_json* v = json_at_path(form_, path);
    return v && (v->is_null() || !(v->is_string() && v->get<std::string>().empty()));
  }
  const json* base_at(const std::string& path) const {
    return chain_.merged.is_object() ? json_at_path(chain_.merged, path) : nullptr;
  }
  const ordered_json* clause(const std::string& id) const {
    if (clauses_.is_array())
      for (const auto& c : clauses_)
        if (str(c, "id") == id) return &c;
    return nullptr;
  }
  std::string clause_text(const std::string& id) const {
    const ordered_json* c = clause(id);
    if (!c) return {};
    return str(*c, "text").empty() ? str(*c, "title") : str(*c, "text");
  }
  std::string clause_of(const std::string& dest) const {
    for (const auto& [d, c] : covered_)
      if (d == dest) return c;
    return {};
  }

  // One offer of values: `set` [{path, value}], the paths unverified once taken.
  void offer(const std::string& part, const std::string& path, const std::string& clause, const std::string& words,
             const std::string& from, ordered_json set, ordered_json unverified) {
    out_.push_back(ordered_json{{"part", part}, {"path", path}, {"field", studio_field_words(path, lang_)}, {"clause", clause},
                                {"words", words}, {"from", from}, {"set", std::move(set)}, {"unverified", std::move(unverified)}});
  }
  static ordered_json one(const std::string& path, ordered_json value) {
    return ordered_json::array({ordered_json{{"path", path}, {"value", std::move(value)}}});
  }

  // The signature line "共青团X委员会": X is the school.
  void school() {
    if (form_has("school")) return;
    const ordered_json* c = clause("落款");
    if (!c) return;
    const std::string text = str(*c, "title") + "\n" + str(*c, "text");
    const std::string lead = "共青团", tail = "委员会";
    const std::size_t a = text.find(lead);
    if (a == std::string::npos) return;
    const std::size_t b = text.find(tail, a + lead.size());
    const std::size_t line_end = text.find('\n', a);
    if (b == std::string::npos || b == a + lead.size() || (line_end != std::string::npos && b > line_end)) return;
    const std::string name = text.substr(a + lead.size(), b - a - lead.size());
    offer("identity", "school", "落款", text.substr(a, b + tail.size() - a), "notice", one("school", name), {"school"});
  }

  // What the notice's words name where the base says something else.
  void named() {
    for (const NamedInNotice& n : named_) {
      if (form_has(n.path)) continue;
      const json* b = base_at(n.path);
      if (!b || b->is_null() || plain(*b) == n.value) continue;
      const bool rule = n.path.rfind("rules.", 0) == 0;
      const std::string cl = n.value.is_string() ? n.value.get<std::string>() : str(n.value, "clause");
      const ordered_json* c = clause(cl);
      const std::string words = rule ? n.sentence : c ? str(*c, "title") : std::string();
      offer(rule ? "rules" : "destinations", n.path, cl, words, "notice", one(n.path, n.value), {n.path});
    }
  }

  // The layer below the nearest removal (null) of `path` that gives it: its id and value.
  std::optional<std::pair<std::string, json>> below_removal(const std::string& path) const {
    bool removed = false;
    for (const PolicyLayerInfo& l : chain_.layers) {
      const json* v = json_at_path(l.document, path);
      if (!v) continue;
      if (v->is_null()) removed = true;
      else if (removed) return std::make_pair(l.id, *v);
      else return std::nullopt;
    }
    return std::nullopt;
  }

  // A destination the notice covers and the base chain removed: its slots as the layer below had them.
  void removed_destinations() {
    for (const auto& [d, cl] : covered_) {
      const std::string p = "destinations." + d;
      if (const json* b = base_at(p); b && !b->is_null()) continue;
      const auto below = below_removal(p);
      if (!below || !below->second.is_object()) continue;
      ordered_json set = ordered_json::array(), unverified = ordered_json::array();
      for (auto it = below->second.begin(); it != below->second.end(); ++it) {
        const std::string q = p + "." + it.key();
        if (it.key() == "clause" || form_has(q)) continue;
        set.push_back(ordered_json{{"path", q}, {"value", plain(*it)}});
        unverified.push_back(q);
        restored_[d][it.key()] = plain(*it);
      }
      const ordered_json* c = clause(cl);
      if (!set.empty()) offer("destinations", p, cl, c ? str(*c, "title") : std::string(), below->first, set, unverified);
    }
  }

  void periods() {
    std::set<std::string> done;
    if (!values_.is_array()) return;
    for (const auto& v : values_) {
      if (str(v, "kind") != "period" || !v.contains("value") || !v["value"].is_object()) continue;
      const std::string cl = str(v, "clause"), words = str(v, "words"), text = clause_text(cl);
      const std::size_t at = text.find(words);
      if (words.empty() || at == std::string::npos) continue;
      const std::string sentence = notice::sentence_at(text, at);
      std::string name;
      if (cl == clause_of("unsettled") && sentence.find("保留") != std::string::npos) name = "retention";
      else if (cl == clause_of("further_study")) name = sentence.find("创建") != std::string::npos ? "new_org" : "transfer_window";
      if (name.empty() || !done.insert(name).second) continue;
      const std::string p = "periods." + name;
      if (form_has(p + ".value")) continue;
      ordered_json want{{"value", v["value"].value("value", ordered_json())}, {"unit", v["value"].value("unit", ordered_json())}, {"clause", cl}};
      if (v.contains("cap") && v["cap"].is_object()) want["cap"] = {{"value", v["cap"].value("value", ordered_json())}, {"unit", v["cap"].value("unit", ordered_json())}};
      if (const json* b = base_at(p); b && plain(*b) == want) continue;
      ordered_json set = ordered_json::array();
      for (auto it = want.begin(); it != want.end(); ++it)
        if (it.key() == "cap")
          for (auto c = it->begin(); c != it->end(); ++c) set.push_back(ordered_json{{"path", p + ".cap." + c.key()}, {"value", *c}});
        else set.push_back(ordered_json{{"path", p + "." + it.key()}, {"value", *it}});
      offer("periods", p, cl, words, "notice", set, {p + ".value"});
    }
  }

  // The routes a covered destination sends its members to: the form's slots over the restored ones over the base's.
  std::vector<std::string> slots_of(const std::string& d) const {
    std::map<std::string, std::string> slots;
    auto take = [&](const auto& o) {
      if (!o.is_object()) return;
      for (auto it = o.begin(); it != o.end(); ++it)
        if (!kNotSlots.count(it.key()) && it->is_string() && !it->template get<std::string>().empty()) slots[it.key()] = it->template get<std::string>();
    };
    if (const json* b = base_at("destinations." + d)) take(*b);
    if (auto r = restored_.find(d); r != restored_.end()) take(r->second);
    if (const ordered_json* f = json_at_path(form_, "destinations." + d)) take(*f);
    std::vector<std::string> out;
    for (const auto& [k, r] : slots)
      if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    return out;
  }
  bool route_known(const std::string& r) const { return base_at("routes." + r) || json_at_path(form_, "routes." + r); }

  void routes() {
    std::set<std::string> done;
    for (const auto& [d, cl] : covered_) {
      const ordered_json* c = clause(cl);
      const std::string words = c ? str(*c, "title") : std::string();
      for (const std::string& r : slots_of(d)) {
        if (!route_known(r) || !done.insert(r).second) continue;
        const std::string p = "routes." + r;
        const json* b = base_at(p + ".clause");
        if (!form_has(p + ".clause") && !(b && b->is_string() && b->get<std::string>() == cl))
          offer("routes", p + ".clause", cl, words, "notice", one(p + ".clause", cl), {p + ".clause"});
        // A key of the route a layer removed (null), as the layer below had it.
        std::set<std::string> keys;
        for (const PolicyLayerInfo& l : chain_.layers)
          if (const json* route = json_at_path(l.document, p); route && route->is_object())
            for (auto it = route->begin(); it != route->end(); ++it) keys.insert(it.key());
        for (const std::string& k : keys) {
          const std::string q = p + "." + k;
          if (const json* now = base_at(q); (now && !now->is_null()) || form_has(q)) continue;
          if (const auto below = below_removal(q)) offer("routes", q, cl, words, below->first, one(q, plain(below->second)), {q});
        }
      }
    }
  }

  void deadlines() {
    if (!values_.is_array()) return;
    const ordered_json* have = json_at_path(form_, "deadlines");
    std::set<std::pair<std::string, std::string>> offered;  // date, clause: one offer each
    for (const auto& v : values_) {
      if (str(v, "kind") != "date" || !v.contains("value") || !v["value"].is_string()) continue;
      const std::string cl = str(v, "clause"), date = v["value"].get<std::string>();
      if (date.rfind("--", 0) == 0) continue;  // no year: nothing to propose until the author gives one
      const auto said = deadline_in_words(clause_text(cl), str(v, "words"));
      if (!said) continue;
      bool there = false;
      if (have && have->is_array())
        for (const auto& d : *have) there = there || (str(d, "date") == date && str(d, "clause") == cl);
      if (there || !offered.insert({date, cl}).second) continue;
      ordered_json item{{"kind", said->kind}, {"date", date}};
      if (!str(v, "opens").empty()) item["opens"] = str(v, "opens");
      item["clause"] = cl;
      item["what"] = said->what;
      ordered_json unverified{"date", "kind"};
      if (!said->applies_to.empty()) {
        item["applies_to"] = said->applies_to;
        unverified.push_back("applies_to");
      }
      out_.push_back(ordered_json{{"part", "dates"}, {"path", "deadlines"}, {"field", studio_field_words("deadlines", lang_)}, {"clause", cl},
                                  {"words", str(v, "words")}, {"from", "notice"}, {"add", "deadlines"}, {"item", item}, {"unverified", unverified}});
    }
  }

  std::vector<std::string> route_ids() const {
    std::vector<std::string> out;
    auto add = [&out](const auto& o) {
      if (o.is_object())
        for (auto it = o.begin(); it != o.end(); ++it)
          if (std::find(out.begin(), out.end(), it.key()) == out.end()) out.push_back(it.key());
    };
    if (const ordered_json* f = json_at_path(form_, "routes")) add(*f);
    if (const json* b = base_at("routes")) add(*b);
    return out;
  }

  // The steps a route's list can take: a named rule's, the base layers' own; none the form's list has already.
  ordered_json steps_for(const std::string& r) const {
    std::set<std::string> ids, rules;
    if (const ordered_json* f = json_at_path(form_, "routes." + r + ".steps"); f && f->is_array())
      for (const auto& s : *f) {
        ids.insert(str(s, "id"));
        rules.insert(str(s, "rule"));
      }
    ordered_json out = ordered_json::array();
    for (const NamedInNotice& n : named_) {
      if (n.path.rfind("rules.", 0) != 0 || n.sentence.empty()) continue;
      const std::string rule = n.path.substr(6);
      if (rules.count(rule)) continue;
      ordered_json step{{"id", rule}, {"where", "info"}, {"text", n.sentence}, {"rule", rule}};
      // The format's variant for the members this rule is about.
      if (rule == "classified_as_military") step["if"] = "variant:classified";
      out.push_back(ordered_json{{"key", "rule:" + rule}, {"from", n.value}, {"step", step}});
    }
    std::set<std::string> offered;
    for (const PolicyLayerInfo& l : chain_.layers) {
      const json* list = json_at_path(l.document, "routes." + r + ".steps");
      if (!list || !list->is_array()) continue;
      for (const auto& s : *list) {
        const std::string id = s.is_object() && s.contains("id") && s["id"].is_string() ? s["id"].get<std::string>() : std::string();
        if (id.empty() || ids.count(id) || !offered.insert(id).second) continue;
        out.push_back(ordered_json{{"key", l.id + ":" + id}, {"from", l.id}, {"step", plain(s)}});
      }
    }
    return out;
  }

  const ordered_json& form_;
  const ordered_json& clauses_;
  const ordered_json& values_;
  const Lang lang_;
  const LayeredPolicy chain_;
  std::vector<NamedInNotice> named_;
  std::vector<std::pair<std::string, std::string>> covered_;  // destination, its notice clause
  std::map<std::string, ordered_json> restored_;               // destination -> the slots a removed one is offered back
  ordered_json out_ = ordered_json::array();
};

}  // namespace

ordered_json studio_offers(std::string_view studio_json, std::string_view values_json, const PolicyTexts& bases,
                           Lang lang) {
  const ordered_json s = ordered_json::parse(studio_json, nullptr, false);
  const ordered_json values = ordered_json::parse(values_json, nullptr, false);
  if (!s.is_object() || !s.contains("policy") || !s["policy"].is_object() || !s.contains("clauses") || !s["clauses"].is_array())
    return ordered_json{{"offers", ordered_json::array()}, {"steps", ordered_json::object()}};
  return Offers(s, values.is_array() ? values : ordered_json::array(), bases, lang).run();
}

}  // namespace xueshe
