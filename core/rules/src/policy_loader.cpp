// Reads a policy chain strictly (policy_layers.cpp merges it): unknown keys,
// duplicate keys, wrong types, impossible dates, dates in the wrong order,
// references to clauses, routes, rules or periods that do not exist, and keys
// the engine would not act on are errors naming the JSON path (and the file,
// when the value comes from a base).
#include <cstdint>
#include <set>

#include "xueshe/cases.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/json_at_path.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/policy.hpp"
#include "policy_text.hpp"
#include "xueshe/strict_json.hpp"
#include "policy_reader.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using policy_reading::contains;
using policy_reading::join;

const std::vector<std::string> kFileKeys = {"format", "id", "layer", "extends", "title", "school", "cohort",
                                            "notice_date", "last_verified", "region", "ask_whom", "clauses",
                                            "national", "rules", "routes", "periods", "destinations", "situations",
                                            "wording", "deadlines", "staff_dates", "targets", "unverified",
                                            "usual_graduation_date"};
const std::vector<std::string> kNationalRules = {"age_out", "age_out_procedure", "party_members_transfer",
                                                 "why_transfer", "external_systems", "guangdong_registration",
                                                 "system_committees"};
const std::vector<std::string> kNoticeRules = {"edit_until_accepted", "second_transfer", "classified_as_military",
                                               "higher_notice_prevails", "youth_home_alternative"};
const std::vector<std::string> kPolicyDeadlineKinds = {"apply_by", "complete_by", "all_complete_by", "review_window",
                                                       "form_by"};
// A window's first day means something only for these kinds.
const std::vector<std::string> kKindsWithOpens = {"apply_by", "review_window", "form_by"};
const std::vector<std::string> kPersonalKinds = {"apply_by", "retention_ends", "new_org_created_by", "before_departure",
                                                 "transfer_by", "retained_until"};
const std::vector<std::string> kMemberDates = {"graduation_date", "enrollment_date", "departure_date"};
const std::vector<std::string> kUnits = {"days", "months", "years"};
const std::vector<std::string> kRegions = {"beijing", "guangdong", "fujian", "other"};
const std::vector<std::string> kExternalRegions = {"beijing", "guangdong", "fujian"};
const std::vector<std::string> kAgeCounting = {"graduation_month", "graduation_day"};
const std::vector<std::string> kWhere = {"system", "offline", "info"};
const std::vector<std::string> kDocuments = {"application"};
const std::vector<std::string> kVariants = {"org_pending", "org_exists", "member_transfers", "classified",
                                            "military", "exceptional", "not_covered"};
// Routes the engine itself needs, defined by the national root.
const std::vector<std::string> kEngineRoutes = {"age_out", "not_covered"};

// Per destination: its keys (required first, then optional) and which of them name routes.
struct DestinationShape {
  const char* id;
  std::vector<std::string> required, optional, route_keys;
};
const std::vector<DestinationShape>& destination_shapes() {
  static const std::vector<DestinationShape> shapes = {
      {"employed", {"clause", "with_org", "without_org"}, {"youth_home", "classified"},
       {"with_org", "without_org", "youth_home", "classified"}},
      {"further_study", {"clause", "route", "mode"}, {"no_residence_org"}, {"route"}},
      {"military", {"clause", "route"}, {}, {"route"}},
      {"unsettled", {"clause", "community", "bases"}, {"retain", "retention"}, {"community", "retain"}},
      {"study_abroad", {"clause", "route"}, {}, {"route"}},
      {"work_abroad", {"clause", "mode"}, {"route", "official", "private", "office", "no_office"},
       {"route", "official", "private", "office", "no_office"}},
      {"delayed_graduation", {"clause", "route"}, {}, {"route"}},
  };
  return shapes;
}

const DestinationShape* destination_shape(const std::string& id) {
  for (const auto& s : destination_shapes())
    if (id == s.id) return &s;
  return nullptr;
}

class Loader : public policy_reading::PolicyReader {
 public:
  explicit Loader(const LayeredPolicy& chain) : chain_(chain) {}

  bool load(Policy& p) {
    if (!layers(p)) return false;
    const json& m = chain_.merged;
    if (!keys(m, "", {"title", "last_verified", "national", "rules", "routes", "ask_whom"},
              {"school", "cohort", "notice_date", "region", "periods", "destinations", "situations", "wording",
               "deadlines", "staff_dates", "targets", "usual_graduation_date"}))
      return false;
    const PolicyLayerInfo& leaf = chain_.layers.front();
    p.id = leaf.id;
    p.layer = leaf.layer;
    if (!localized(m["title"], "title", p.title) || !date(m["last_verified"], "last_verified", p.last_verified))
      return false;
    p.school = p.title;
    if (m.contains("school") && !localized(m["school"], "school", p.school)) return false;
    if (m.contains("cohort") && !integer(m["cohort"], "cohort", 1990, 2199, p.cohort)) return false;
    if (m.contains("usual_graduation_date") && !usual_graduation_date(m["usual_graduation_date"], p)) return false;
    p.notice_date = p.last_verified;
    if (m.contains("notice_date")) {
      if (!date(m["notice_date"], "notice_date", p.notice_date)) return false;
      if (p.last_verified < p.notice_date)
        return fail_with("policy_date_order", "last_verified", "earlier", format_iso_date(p.notice_date));
    }
    if (m.contains("region")) {
      if (!string(m["region"], "region", p.region)) return false;
      if (!contains(kRegions, p.region))
        return not_one_of("region", p.region, kRegions);
    }
    const json& ask = m["ask_whom"];
    if (!keys(ask, "ask_whom", {"text", "clause"}) || !localized(ask["text"], "ask_whom.text", p.ask_whom) ||
        !clause_ref(ask["clause"], "ask_whom.clause", p.ask_whom_clause))
      return false;
    return national(m["national"], p) && rules(m["rules"], p) && periods(m, p) && routes(m["routes"], p) &&
           destinations(m, p) && situations(m, p) && wording(m, p) && dated(m, p) && references(p);
  }

  // Adds, to an error about a value a base file set, which file that is.
  void name_the_file() {
    if (!error || error->params.count("policy")) return;
    const std::string layer = layer_that_set(chain_.provenance, error->field);
    if (!layer.empty() && layer != chain_.layers.front().id) error->params["policy"] = layer;
  }

 private:
  const LayeredPolicy& chain_;
  std::set<std::string> used_periods_;
  std::set<std::string> used_routes_;

  // Each file's own keys and clauses (ids unique along the whole chain); the
  // national root's clauses apart, the others leaf first.
  bool layers(Policy& p) {
    std::vector<std::vector<Clause>> own(chain_.layers.size());
    for (size_t i = chain_.layers.size(); i-- > 0;) {
      const PolicyLayerInfo& layer = chain_.layers[i];
      const bool leaf = i == 0;
      if (!layer_file(layer, leaf, own[i], p)) {
        if (!leaf && error) error->params["policy"] = layer.id;
        return false;
      }
    }
    for (size_t i = 0; i < chain_.layers.size(); ++i) {
      const PolicyLayerInfo& layer = chain_.layers[i];
      for (const Clause& c : own[i]) p.clause_layer[c.id] = layer.id;
      if (layer.layer == "national") {
        p.national.id = layer.id;
        p.national.title = p.layers[i].title;
        p.national.last_verified = p.layers[i].last_verified;
        p.national.hash = layer.hash;
        p.national.clauses = own[i];
      } else {
        p.clauses.insert(p.clauses.end(), own[i].begin(), own[i].end());
      }
    }
    p.hash = chain_hash(p.layers);
    p.provenance = chain_.provenance;
    return true;
  }

  bool layer_file(const PolicyLayerInfo& layer, bool leaf, std::vector<Clause>& own, Policy& p) {
    const json& doc = layer.document;
    if (!keys(doc, "", {"format", "id", "layer", "title", "last_verified", "clauses"}, kFileKeys)) return false;
    if (doc.contains("national") != (layer.layer == "national"))
      return doc.contains("national") ? fail_with("policy_unknown_key", "national", "allowed", "(national layer only)")
                                      : fail("policy_missing_key", "national");
    // A cohort's usual date is a school's notice's to state.
    if (doc.contains("usual_graduation_date") && layer.layer != "school")
      return fail_with("policy_unknown_key", "usual_graduation_date", "allowed", "(school layer only)");
    PolicyLayerSummary summary{layer.id, layer.layer, layer.hash, {}, {}};
    if (!localized(doc["title"], "title", summary.title) ||
        !date(doc["last_verified"], "last_verified", summary.last_verified) || !clauses(doc["clauses"], own))
      return false;
    if (doc.contains("unverified") &&
        !unverified(doc, leaf ? "" : layer.id, leaf ? p.unverified : p.unverified_bases))
      return false;
    p.layers.insert(p.layers.begin(), summary);  // read root first: the leaf ends up first
    return true;
  }

  // The draft marker: unique JSON paths that exist in that very file.
  bool unverified(const json& doc, const std::string& layer_id, std::vector<std::string>& out) {
    const json& list = doc["unverified"];
    if (!list.is_array()) return fail_with("policy_wrong_type", "unverified", "expected", "array");
    std::set<std::string> seen;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = json_path_index("unverified", i);
      if (!list[i].is_string()) return fail_with("policy_wrong_type", at, "expected", "string");
      const std::string& path = list[i].get_ref<const std::string&>();
      if (!json_at_path(doc, path)) return fail_with("policy_unknown_path", at, "got", path);
      if (!seen.insert(path).second) return fail_with("policy_duplicate_value", at, "got", path);
      out.push_back(layer_id.empty() ? path : layer_id + ": " + path);
    }
    return true;
  }

  bool national(const json& v, Policy& p) {
    NationalLayer& n = p.national;
    if (!keys(v, "national", {"age_limit", "age_counted_at", "external_regions"}, {"situations", "if_stuck"}))
      return false;
    if (v.contains("if_stuck") && !if_stuck(v["if_stuck"], n)) return false;
    if (!cited(v["age_limit"], "national.age_limit", n.age_limit,
               [this](const json& x, const std::string& path, int& out) { return integer(x, path, 14, 60, out); }))
      return false;
    if (!cited(v["age_counted_at"], "national.age_counted_at", n.age_counted_at,
               [this](const json& x, const std::string& path, std::string& out) {
                 if (!string(x, path, out)) return false;
                 return contains(kAgeCounting, out) ||
                        not_one_of(path, out, kAgeCounting);
               }))
      return false;
    return cited(v["external_regions"], "national.external_regions", n.external_regions,
                 [this](const json& x, const std::string& path, std::vector<std::string>& out) {
                   return string_list(x, path, kExternalRegions, out, true);
                 });
  }

  bool rules(const json& v, Policy& p) {
    std::vector<std::string> all = kNationalRules;
    all.insert(all.end(), kNoticeRules.begin(), kNoticeRules.end());
    if (!keys(v, "rules", kNationalRules, kNoticeRules)) return false;
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string clause;
      if (!clause_ref(it.value(), json_path_key("rules", it.key()), clause)) return false;
      if (contains(kNationalRules, it.key())) p.national.rule_clauses[it.key()] = clause;
      else p.rule_clauses[it.key()] = clause;
    }
    return true;
  }

  bool period_value(const json& v, const std::string& path, int& value, std::string& unit) {
    if (!integer(v["value"], path + ".value", 0, 3650, value) || !string(v["unit"], path + ".unit", unit)) return false;
    if (!contains(kUnits, unit)) return not_one_of(path + ".unit", unit, kUnits);
    return true;
  }

  bool periods(const json& m, Policy& p) {
    if (!m.contains("periods")) return true;
    const json& all = m["periods"];
    if (!all.is_object()) return fail_with("policy_wrong_type", "periods", "expected", "object");
    for (auto it = all.begin(); it != all.end(); ++it) {
      const std::string path = json_path_key("periods", it.key());
      if (!token(it.key(), path)) return false;
      Period period;
      if (!keys(it.value(), path, {"value", "unit", "clause"}, {"cap"}) ||
          !period_value(it.value(), path, period.value, period.unit) ||
          !clause_ref(it.value()["clause"], path + ".clause", period.clause))
        return false;
      if (it.value().contains("cap")) {
        const json& c = it.value()["cap"];
        Period::Cap cap;
        if (!keys(c, path + ".cap", {"value", "unit", "when"}) || !period_value(c, path + ".cap", cap.value, cap.unit) ||
            !localized(c["when"], path + ".cap.when", cap.when))
          return false;
        // Compared from a month's last day, where month arithmetic clamps.
        const Date from{date::year{2001}, date::month{1}, date::day{31}};
        if (add_period(from, cap.value, cap.unit) <= add_period(from, period.value, period.unit))
          return fail_with("policy_cap_not_longer", path + ".cap.value", "period", std::to_string(period.value) + " " + period.unit);
        period.cap = cap;
      }
      p.periods[it.key()] = period;
    }
    return true;
  }

  // The cohort's usual graduation date: cited like every value (only a notice
  // that states one may set it), and in the cohort's year.
  bool usual_graduation_date(const json& v, Policy& p) {
    const std::string path = "usual_graduation_date";
    Cited<Date> usual;
    if (!cited(v, path, usual, [this](const json& x, const std::string& at, Date& out) { return date(x, at, out); }))
      return false;
    if (p.cohort == 0) return fail_with("policy_missing_key", "cohort", "for", path);
    if (static_cast<int>(usual.value.year()) != p.cohort)
      return fail("policy_date_outside_cohort", json_path_key(path, "value"),
                  {{"got", format_iso_date(usual.value)}, {"cohort", std::to_string(p.cohort)}});
    p.usual_graduation_date = usual;
    return true;
  }

  // Identifiers a policy names things by (routes, periods, situations, steps).
  bool token(const std::string& id, const std::string& path) {
    bool ok = !id.empty() && id.size() <= 64;
    for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    return ok || fail_with("policy_bad_name", path, "got", id);
  }

  bool text_with_placeholders(const json& v, const std::string& path, Localized& out) {
    if (!localized(v, path, out)) return false;
    for (const auto& [lang, text] : out) {
      std::vector<std::string> found;
      std::string bad = unknown_placeholder(text, found);
      if (!bad.empty()) return fail_with("policy_unknown_placeholder", json_path_key(path, lang), "got", bad);
      for (const std::string& name : found)
        if (name.rfind("period:", 0) == 0) used_periods_.insert(name.substr(7));
    }
    return true;
  }

  bool condition(const json& v, const std::string& path, std::string& out, const Policy& p) {
    if (!string(v, path, out)) return false;
    const std::size_t colon = out.find(':');
    const std::string kind = out.substr(0, colon), arg = colon == std::string::npos ? "" : out.substr(colon + 1);
    if (kind == "variant" && contains(kVariants, arg)) return true;
    if (kind == "alternative") {
      alternatives_named_.push_back({arg, path});
      return true;
    }
    if (kind == "answer") {
      const std::size_t eq = arg.find('=');
      const Field* f = find_field(arg.substr(0, eq));
      const std::string value = eq == std::string::npos ? "" : arg.substr(eq + 1);
      if (f && f->kind == FieldKind::boolean && (value == "true" || value == "false")) return true;
      if (f && f->kind == FieldKind::choice && contains(f->values, value)) return true;
    }
    (void)p;
    return fail_with("policy_unknown_condition", path, "got", out);
  }

  bool routes(const json& v, Policy& p) {
    if (!v.is_object()) return fail_with("policy_wrong_type", "routes", "expected", "object");
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string path = json_path_key("routes", it.key());
      if (!token(it.key(), path)) return false;
      const json& r = it.value();
      // A layer that only changes some keys of a route no base defines: there is nothing to change.
      if (r.is_object() && !r.contains("org") && !defined_in_a_base(it.key()))
        return fail_with("policy_unknown_route", path, "got", it.key());
      RouteEntry e;
      e.id = it.key();
      // not_covered stands for the notice's silence: no clause says it; it cites whom to ask.
      const bool silent = e.id == "not_covered";
      std::vector<std::string> required{"transfers", "org", "started_by", "steps"};
      if (!silent) required.insert(required.begin(), "clause");
      if (!keys(r, path, required, {"ask_region", "fallback", "deadline"}) ||
          (!silent && !clause_ref(r["clause"], path + ".clause", e.clause)) ||
          !boolean(r["transfers"], path + ".transfers", e.transfers) ||
          !text_with_placeholders(r["org"], path + ".org", e.org) ||
          !text_with_placeholders(r["started_by"], path + ".started_by", e.started_by))
        return false;
      e.ask_region = e.transfers;
      if (r.contains("ask_region") && !boolean(r["ask_region"], path + ".ask_region", e.ask_region)) return false;
      if (r.contains("fallback")) {
        const json& f = r["fallback"];
        const std::string fp = path + ".fallback";
        Fallback fb;
        if (!keys(f, fp, {"route", "when"}, {"clause"}) || !string(f["route"], fp + ".route", fb.route) ||
            !text_with_placeholders(f["when"], fp + ".when", fb.when))
          return false;
        if (f.contains("clause") && !clause_ref(f["clause"], fp + ".clause", fb.clause)) return false;
        e.fallback = fb;
      }
      const json& steps = r["steps"];
      if (!steps.is_array()) return fail_with("policy_wrong_type", path + ".steps", "expected", "array");
      std::set<std::string> step_ids;
      for (size_t i = 0; i < steps.size(); ++i) {
        const std::string sp = json_path_index(path + ".steps", i);
        RouteStep s;
        std::string where;
        if (!keys(steps[i], sp, {"id", "where", "text"}, {"clause", "rule", "if", "document"}) ||
            !string(steps[i]["id"], sp + ".id", s.id) || !token(s.id, sp + ".id") ||
            !string(steps[i]["where"], sp + ".where", where) ||
            !text_with_placeholders(steps[i]["text"], sp + ".text", s.text))
          return false;
        if (!step_ids.insert(s.id).second) return fail_with("policy_duplicate_value", sp + ".id", "got", s.id);
        if (!contains(kWhere, where))
          return not_one_of(sp + ".where", where, kWhere);
        s.where = *step_where_named(where);
        if (steps[i].contains("clause") && steps[i].contains("rule"))
          return fail_with("policy_unknown_key", sp + ".rule", "allowed", "clause | rule");
        if (steps[i].contains("clause") && !clause_ref(steps[i]["clause"], sp + ".clause", s.clause)) return false;
        if (steps[i].contains("rule")) {
          if (!string(steps[i]["rule"], sp + ".rule", s.rule)) return false;
          rules_named_.push_back({s.rule, sp + ".rule"});
        }
        if (steps[i].contains("if") && !condition(steps[i]["if"], sp + ".if", s.condition, p)) return false;
        if (steps[i].contains("document")) {
          if (!string(steps[i]["document"], sp + ".document", s.document)) return false;
          if (!contains(kDocuments, s.document))
            return not_one_of(sp + ".document", s.document, kDocuments);
        }
        e.steps.push_back(std::move(s));
      }
      if (r.contains("deadline")) {
        const json& d = r["deadline"];
        const std::string dp = path + ".deadline";
        PersonalDeadline pd;
        std::string kind;
        if (!keys(d, dp, {"kind", "from", "what"}, {"period", "if", "clause"}) ||
            !string(d["kind"], dp + ".kind", kind) || !string(d["from"], dp + ".from", pd.from) ||
            !text_with_placeholders(d["what"], dp + ".what", pd.what))
          return false;
        if (!contains(kPersonalKinds, kind))
          return not_one_of(dp + ".kind", kind, kPersonalKinds);
        pd.kind = *deadline_kind_named(kind);
        if (!contains(kMemberDates, pd.from))
          return not_one_of(dp + ".from", pd.from, kMemberDates);
        if (d.contains("period")) {
          if (!string(d["period"], dp + ".period", pd.period)) return false;
          if (!p.periods.count(pd.period)) return fail_with("policy_unknown_period", dp + ".period", "got", pd.period);
          used_periods_.insert(pd.period);
        }
        if (d.contains("if") && !condition(d["if"], dp + ".if", pd.condition, p)) return false;
        if (d.contains("clause") && !clause_ref(d["clause"], dp + ".clause", pd.clause)) return false;
        e.deadline = pd;
      }
      p.routes[e.id] = std::move(e);
    }
    for (const std::string& r : kEngineRoutes)
      if (!p.routes.count(r)) return fail("policy_missing_key", json_path_key("routes", r));
    // Fallbacks name routes of the table, and a chain of them ends.
    for (const auto& [id, e] : p.routes) {
      if (!e.fallback) continue;
      const std::string path = json_path_key("routes", id) + ".fallback.route";
      std::set<std::string> seen{id};
      for (const RouteEntry* at = &e; at->fallback;) {
        auto next = p.routes.find(at->fallback->route);
        if (next == p.routes.end()) return fail_with("policy_unknown_route", path, "got", at->fallback->route);
        if (!seen.insert(next->first).second) return fail_with("policy_fallback_loop", path, "got", next->first);
        at = &next->second;
      }
    }
    return true;
  }

  bool defined_in_a_base(const std::string& route) const {
    for (size_t i = 1; i < chain_.layers.size(); ++i) {
      const json& doc = chain_.layers[i].document;
      if (doc.contains("routes") && doc["routes"].is_object() && doc["routes"].contains(route)) return true;
    }
    return false;
  }

  bool route_ref(const json& v, const std::string& path, std::string& out, const Policy& p) {
    if (!string(v, path, out)) return false;
    if (!p.routes.count(out)) return fail_with("policy_unknown_route", path, "got", out);
    used_routes_.insert(out);
    for (const RouteEntry* at = &p.routes.at(out); at->fallback; at = &p.routes.at(at->fallback->route))
      used_routes_.insert(at->fallback->route);
    return true;
  }

  bool destinations(const json& m, Policy& p) {
    if (!m.contains("destinations")) return true;
    const json& all = m["destinations"];
    if (!all.is_object()) return fail_with("policy_wrong_type", "destinations", "expected", "object");
    for (auto it = all.begin(); it != all.end(); ++it) {
      const std::string path = json_path_key("destinations", it.key());
      const DestinationShape* shape = destination_shape(it.key());
      if (!shape) {
        std::vector<std::string> names;
        for (const auto& s : destination_shapes()) names.push_back(s.id);
        return fail_with("policy_unknown_key", path, "allowed", join(names));
      }
      const json& d = it.value();
      if (!keys(d, path, shape->required, shape->optional)) return false;
      DestinationRules rules;
      if (!clause_ref(d["clause"], path + ".clause", rules.clause)) return false;
      for (const std::string& k : shape->route_keys)
        if (d.contains(k) && !route_ref(d[k], json_path_key(path, k), rules.routes[k], p)) return false;
      if (!destination_details(it.key(), d, path, rules, p)) return false;
      p.destinations[it.key()] = std::move(rules);
    }
    return true;
  }

  bool one_of(const json& d, const std::string& path, const std::string& key, const std::vector<std::string>& allowed,
              std::string& out) {
    if (!string(d[key], json_path_key(path, key), out)) return false;
    return contains(allowed, out) ||
           not_one_of(json_path_key(path, key), out, allowed);
  }

  bool requires_period(const std::string& name, const std::string& path, const Policy& p) {
    used_periods_.insert(name);
    return p.periods.count(name) || fail_with("policy_missing_key", json_path_key("periods", name), "for", path);
  }

  bool destination_details(const std::string& id, const json& d, const std::string& path, DestinationRules& r,
                           const Policy& p) {
    if (id == "further_study") {
      if (!one_of(d, path, "mode", {"new_school_creates", "member_transfers"}, r.mode)) return false;
      if (d.contains("no_residence_org") &&
          !clause_ref(d["no_residence_org"], path + ".no_residence_org", r.no_residence_org_clause))
        return false;
      return requires_period(r.mode == "new_school_creates" ? "new_org" : "transfer_window", path + ".mode", p);
    }
    if (id == "work_abroad") {
      if (!one_of(d, path, "mode", {"official_private", "office_in_china", "one"}, r.mode)) return false;
      const std::vector<std::string> need = r.mode == "official_private"  ? std::vector<std::string>{"official", "private"}
                                            : r.mode == "office_in_china" ? std::vector<std::string>{"office", "no_office"}
                                                                          : std::vector<std::string>{"route"};
      for (const std::string& k : need)
        if (!d.contains(k)) return fail_with("policy_missing_key", json_path_key(path, k), "for", path + ".mode");
      for (const char* k : {"route", "official", "private", "office", "no_office"})
        if (d.contains(k) && !contains(need, k))
          return fail_with("policy_unknown_key", json_path_key(path, k), "allowed", join(need));
      return true;
    }
    if (id == "unsettled") {
      const std::string bp = path + ".bases";
      if (!keys(d["bases"], bp, {"value", "clause"}, {"preferred_first"}) ||
          !string_list(d["bases"]["value"], bp + ".value", find_field("community_basis")->values, r.bases.value, false) ||
          !clause_ref(d["bases"]["clause"], bp + ".clause", r.bases.clause))
        return false;
      if (d["bases"].contains("preferred_first") &&
          !boolean(d["bases"]["preferred_first"], bp + ".preferred_first", r.bases_preferred_first))
        return false;
      if (d.contains("retain") != d.contains("retention"))
        return fail("policy_missing_key", path + (d.contains("retain") ? ".retention" : ".retain"));
      if (d.contains("retention")) {
        if (!one_of(d, path, "retention", {"allowed", "exceptional"}, r.retention)) return false;
        return requires_period("retention", path + ".retention", p);
      }
      return true;
    }
    return true;
  }

  bool if_stuck(const json& list, NationalLayer& n) {
    if (!list.is_array()) return fail_with("policy_wrong_type", "national.if_stuck", "expected", "array");
    std::set<std::string> ids;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = json_path_index("national.if_stuck", i);
      StuckHelp h;
      if (!keys(list[i], path, {"id", "when", "text", "clause"}, {"general_advice"}) ||
          !string(list[i]["id"], path + ".id", h.id) || !token(h.id, path + ".id") ||
          !string(list[i]["when"], path + ".when", h.when) ||
          !text_with_placeholders(list[i]["text"], path + ".text", h.text) ||
          !clause_ref(list[i]["clause"], path + ".clause", h.clause) ||
          (list[i].contains("general_advice") &&
           !boolean(list[i]["general_advice"], path + ".general_advice", h.general_advice)))
        return false;
      if (!ids.insert(h.id).second) return fail_with("policy_duplicate_value", path + ".id", "got", h.id);
      if (h.when != "transfers" && h.when != "retention" && h.when != "any")
        return fail("policy_unknown_value", path + ".when", {{"got", h.when}, {"allowed", "transfers, retention, any"}});
      n.if_stuck.push_back(std::move(h));
    }
    return true;
  }

  // A notice's named situations first, then the national layer's (西部计划, …)
  // that the notice does not name itself: a school's own filing wins.
  bool situations(const json& m, Policy& p) {
    if (m.contains("situations") && !situation_list(m["situations"], "situations", false, p)) return false;
    const json& national = m["national"];
    return !national.contains("situations") || situation_list(national["situations"], "national.situations", true, p);
  }

  bool situation_list(const json& list, const std::string& at, bool national, Policy& p) {
    if (!list.is_array()) return fail_with("policy_wrong_type", at, "expected", "array");
    std::set<std::string> ids;
    const std::size_t notice_own = p.situations.size();
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string path = json_path_index(at, i);
      Situation s;
      if (!keys(list[i], path, {"id", "label", "destination", "clause"}, {"general_advice"}) ||
          !string(list[i]["id"], path + ".id", s.id) || !token(s.id, path + ".id") ||
          !localized(list[i]["label"], path + ".label", s.label) ||
          !string(list[i]["destination"], path + ".destination", s.destination) ||
          !clause_ref(list[i]["clause"], path + ".clause", s.clause) ||
          (list[i].contains("general_advice") &&
           !boolean(list[i]["general_advice"], path + ".general_advice", s.general_advice)))
        return false;
      if (contains(find_field("destination")->values, s.id) || !ids.insert(s.id).second)
        return fail_with("policy_duplicate_value", path + ".id", "got", s.id);
      // The national layer files a situation under any destination; where the
      // notice does not cover it, the member learns the notice is silent.
      if (national ? !contains(find_field("destination")->values, s.destination) : !p.destinations.count(s.destination)) {
        std::vector<std::string> covered;
        if (national) covered = find_field("destination")->values;
        else for (const auto& [d, r] : p.destinations) covered.push_back(d);
        return not_one_of(path + ".destination", s.destination, covered);
      }
      s.national = national;
      bool named_by_notice = false;
      for (std::size_t j = 0; j < notice_own; ++j) named_by_notice = named_by_notice || p.situations[j].id == s.id;
      if (!named_by_notice) p.situations.push_back(std::move(s));
    }
    return true;
  }

  bool wording(const json& m, Policy& p) {
    if (!m.contains("wording")) return true;
    const json& all = m["wording"];
    if (!all.is_object()) return fail_with("policy_wrong_type", "wording", "expected", "object");
    for (auto it = all.begin(); it != all.end(); ++it) {
      const std::string path = json_path_key("wording", it.key());
      const bool kind_ok = it.key().rfind("question.", 0) == 0 || it.key().rfind("option.", 0) == 0;
      if (!kind_ok || !catalog(default_language()).contains(it.key()))
        return fail_with("policy_unknown_key", path, "allowed", "question.*, option.*");
      Localized text;
      if (!text_with_placeholders(it.value(), path, text)) return false;
      p.wording[it.key()] = std::move(text);
    }
    return true;
  }

  bool deadline(const json& v, const std::string& path, DeadlineRule& d) {
    if (!keys(v, path, {"kind", "date", "clause", "applies_to", "what"}, {"opens", "not_for", "label"})) return false;
    std::string kind;
    if (!string(v["kind"], path + ".kind", kind)) return false;
    if (!contains(kPolicyDeadlineKinds, kind))
      return not_one_of(path + ".kind", kind, kPolicyDeadlineKinds);
    d.kind = *deadline_kind_named(kind);
    if (!date(v["date"], path + ".date", d.date) || !clause_ref(v["clause"], path + ".clause", d.clause) ||
        !string_list(v["applies_to"], path + ".applies_to", known_cases(), d.applies_to, false) ||
        !localized(v["what"], path + ".what", d.what))
      return false;
    if (v.contains("label") && !localized(v["label"], path + ".label", d.label)) return false;
    if (v.contains("not_for") && !string_list(v["not_for"], path + ".not_for", known_cases(), d.not_for, false))
      return false;
    if (v.contains("opens")) {
      if (!contains(kKindsWithOpens, kind))
        return fail("policy_opens_meaningless", path + ".opens", {{"kind", kind}, {"allowed", join(kKindsWithOpens)}});
      Date opens;
      if (!date(v["opens"], path + ".opens", opens)) return false;
      if (opens > d.date) return fail_with("policy_date_order", path + ".opens", "later", format_iso_date(d.date));
      d.opens = opens;
    } else if (d.kind == DeadlineKind::review_window) {
      return fail("policy_missing_key", path + ".opens");
    }
    return true;
  }

  bool dated(const json& m, Policy& p) {
    if (m.contains("deadlines")) {
      const json& dl = m["deadlines"];
      if (!dl.is_array()) return fail_with("policy_wrong_type", "deadlines", "expected", "array");
      for (size_t i = 0; i < dl.size(); ++i) {
        DeadlineRule d;
        if (!deadline(dl[i], json_path_index("deadlines", i), d)) return false;
        p.deadlines.push_back(std::move(d));
      }
    }
    if (m.contains("staff_dates")) {
      const json& sd = m["staff_dates"];
      if (!sd.is_array()) return fail_with("policy_wrong_type", "staff_dates", "expected", "array");
      for (size_t i = 0; i < sd.size(); ++i) {
        std::string path = json_path_index("staff_dates", i);
        StaffDate s;
        if (!keys(sd[i], path, {"date", "clause", "what"}) || !date(sd[i]["date"], path + ".date", s.date) ||
            !clause_ref(sd[i]["clause"], path + ".clause", s.clause) || !localized(sd[i]["what"], path + ".what", s.what))
          return false;
        p.staff_dates.push_back(std::move(s));
      }
    }
    if (m.contains("targets")) {
      const json& tl = m["targets"];
      if (!tl.is_array()) return fail_with("policy_wrong_type", "targets", "expected", "array");
      for (size_t i = 0; i < tl.size(); ++i) {
        std::string path = json_path_index("targets", i);
        Target t;
        if (!keys(tl[i], path, {"percent", "clause", "what"}, {"date"}) ||
            !integer(tl[i]["percent"], path + ".percent", 1, 100, t.percent) ||
            !clause_ref(tl[i]["clause"], path + ".clause", t.clause) || !localized(tl[i]["what"], path + ".what", t.what))
          return false;
        if (tl[i].contains("date")) {
          Date d;
          if (!date(tl[i]["date"], path + ".date", d)) return false;
          t.date = d;
        }
        p.targets.push_back(std::move(t));
      }
    }
    return true;
  }

  // What could only be checked once everything is read: named rules and
  // alternatives exist, every period and every route of the leaf is used.
  bool references(const Policy& p) {
    for (const auto& [rule, path] : rules_named_)
      if (!p.rule_clauses.count(rule) && !p.national.rule_clauses.count(rule))
        return fail_with("policy_unknown_rule", path, "got", rule);
    for (const auto& [route, path] : alternatives_named_)
      if (!p.routes.count(route)) return fail_with("policy_unknown_route", path, "got", route);
    for (const std::string& r : kEngineRoutes) used_routes_.insert(r);
    used_periods_.insert("review");  // the receiver's review time: a step of every transfer (steps.cpp)
    if (p.destinations.count("employed") && p.destinations.at("employed").routes.count("youth_home") &&
        !p.rule_clauses.count("youth_home_alternative"))
      return fail_with("policy_missing_key", "rules.youth_home_alternative", "for", "destinations.employed.youth_home");
    const json& leaf = chain_.layers.front().document;
    if (leaf.contains("periods") && leaf["periods"].is_object())
      for (auto it = leaf["periods"].begin(); it != leaf["periods"].end(); ++it)
        if (!it.value().is_null() && !used_periods_.count(it.key()))
          return fail("policy_unused", json_path_key("periods", it.key()));
    if (leaf.contains("routes") && leaf["routes"].is_object())
      for (auto it = leaf["routes"].begin(); it != leaf["routes"].end(); ++it)
        if (!it.value().is_null() && !used_routes_.count(it.key()) && p.destinations.size() > 0)
          return fail("policy_unused", json_path_key("routes", it.key()));
    return true;
  }

  std::vector<std::pair<std::string, std::string>> rules_named_, alternatives_named_;
};

}  // namespace

Date add_period(Date from, int value, const std::string& unit) {
  if (unit == "days") return Date{date::sys_days{from} + date::days{value}};
  return add_months_clamped(from, unit == "years" ? 12 * value : value);
}

const Clause* Policy::find_clause(const std::string& clause_id) const {
  for (const auto* list : {&clauses, &national.clauses})
    for (const Clause& c : *list)
      if (c.id == clause_id) return &c;
  return nullptr;
}

const RouteEntry* Policy::route(const std::string& id) const {
  auto it = routes.find(id);
  return it == routes.end() ? nullptr : &it->second;
}

const Period* Policy::period(const std::string& name) const {
  auto it = periods.find(name);
  return it == periods.end() ? nullptr : &it->second;
}

const DestinationRules* Policy::destination(const std::string& id) const {
  auto it = destinations.find(id);
  return it == destinations.end() ? nullptr : &it->second;
}

Date Policy::latest_date() const {
  Date latest = notice_date;
  bool dated = false;
  auto later = [&](const Date& d) {
    dated = true;
    if (d > latest) latest = d;
  };
  for (const auto& d : deadlines) later(d.date);
  for (const auto& s : staff_dates) later(s.date);
  for (const auto& t : targets)
    if (t.date) later(*t.date);
  // A notice for a cohort that names no date of its own serves that cohort's year.
  if (!dated && cohort != 0) later(Date{date::year{cohort}, date::month{12}, date::day{31}});
  return latest;
}

PolicyLoad load_policy(std::string_view text, const PolicyTexts& texts) {
  PolicyLoad out;
  PolicyTexts all = [&texts](const std::string& id) -> std::optional<std::string> {
    if (texts)
      if (auto t = texts(id)) return t;
    return builtin_policy_file(id);
  };
  LayeredPolicy chain = resolve_policy_layers(text, all);
  if (chain.error) {
    out.error = chain.error;
    return out;
  }
  Loader loader(chain);
  Policy p;
  if (!loader.load(p)) {
    loader.name_the_file();
    out.error = loader.error;
    return out;
  }
  out.policy = std::move(p);
  return out;
}

}  // namespace xueshe
