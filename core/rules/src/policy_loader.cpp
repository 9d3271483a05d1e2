// Reads a policy file strictly: unknown keys, duplicate keys, wrong types,
// impossible dates, dates in the wrong order and references to clauses that do
// not exist are errors naming the JSON path.
#include <cstdint>
#include <set>

#include "xueshe/cases.hpp"
#include "xueshe/json_at_path.hpp"
#include "xueshe/national.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/routes.hpp"
#include "xueshe/strict_json.hpp"
#include "policy_reader.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using policy_reading::contains;
using policy_reading::join;

const char* const kFormat = "xueshe-policy/1";
const std::vector<std::string> kRuleNames = {"edit_until_accepted", "second_transfer",
                                             "classified_as_military", "higher_notice_prevails"};
const std::vector<std::string> kPolicyDeadlineKinds = {"apply_by", "complete_by", "all_complete_by"};
const std::vector<std::string> kBases = {"residence", "hukou", "origin"};

class Loader : public policy_reading::PolicyReader {
 public:
  bool deadline(const json& v, const std::string& path, DeadlineRule& d) {
    if (!keys(v, path, {"kind", "date", "clause", "applies_to", "what"}, {"opens", "not_for"})) return false;
    if (!string(v["kind"], path + ".kind", d.kind)) return false;
    if (!contains(kPolicyDeadlineKinds, d.kind))
      return fail("policy_unknown_value", path + ".kind", {{"got", d.kind}, {"allowed", join(kPolicyDeadlineKinds)}});
    if (!date(v["date"], path + ".date", d.date) || !clause_ref(v["clause"], path + ".clause", d.clause) ||
        !string_list(v["applies_to"], path + ".applies_to", known_cases(), d.applies_to, false) ||
        !localized(v["what"], path + ".what", d.what))
      return false;
    if (v.contains("not_for") &&
        !string_list(v["not_for"], path + ".not_for", known_cases(), d.not_for, false))
      return false;
    if (v.contains("opens")) {
      Date opens;
      if (!date(v["opens"], path + ".opens", opens)) return false;
      if (opens > d.date)
        return fail("policy_date_order", path + ".opens", {{"later", format_iso_date(d.date)}});
      d.opens = opens;
    }
    return true;
  }

  bool load(const json& root, Policy& p) {
    if (!keys(root, "", {"format", "id", "title", "school", "cohort", "notice_date", "last_verified",
                         "ask_whom", "clauses", "routes", "rules", "unsettled", "further_study",
                         "employed", "deadlines", "staff_dates"},
              {"receiving_review_days", "unverified"}))
      return false;
    std::string format;
    if (!string(root["format"], "format", format)) return false;
    if (format != kFormat) return fail("policy_unknown_value", "format", {{"got", format}, {"allowed", kFormat}});
    if (!string(root["id"], "id", p.id) || !localized(root["title"], "title", p.title) ||
        !localized(root["school"], "school", p.school) ||
        !integer(root["cohort"], "cohort", 1990, 2199, p.cohort) ||
        !date(root["notice_date"], "notice_date", p.notice_date) ||
        !date(root["last_verified"], "last_verified", p.last_verified))
      return false;
    for (char c : p.id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
        return fail("policy_bad_id", "id", {{"got", p.id}});
    if (p.last_verified < p.notice_date)
      return fail("policy_date_order", "last_verified", {{"earlier", format_iso_date(p.notice_date)}});
    if (!clauses(root["clauses"], p.clauses)) return false;

    const json& ask = root["ask_whom"];
    if (!keys(ask, "ask_whom", {"text", "clause"}) || !localized(ask["text"], "ask_whom.text", p.ask_whom) ||
        !clause_ref(ask["clause"], "ask_whom.clause", p.ask_whom_clause))
      return false;

    if (!named_clauses(root["routes"], "routes", notice_routes(), p.route_clauses) ||
        !named_clauses(root["rules"], "rules", kRuleNames, p.rule_clauses))
      return false;

    const json& un = root["unsettled"];
    auto read_int = [this](int lo, int hi) {
      return [this, lo, hi](const json& v, const std::string& path, int& out) { return integer(v, path, lo, hi, out); };
    };
    auto read_bool = [this](const json& v, const std::string& path, bool& out) { return boolean(v, path, out); };
    if (!keys(un, "unsettled", {"retention_months", "community_bases", "youth_home_alternative"}) ||
        !cited(un["youth_home_alternative"], "unsettled.youth_home_alternative", p.community_youth_home_alternative,
               read_bool) ||
        !cited(un["retention_months"], "unsettled.retention_months", p.retention_months, read_int(0, 60)) ||
        !cited(un["community_bases"], "unsettled.community_bases", p.community_bases,
               [this](const json& v, const std::string& path, std::vector<std::string>& out) {
                 return string_list(v, path, kBases, out, false);
               }))
      return false;

    const json& fs = root["further_study"];
    if (!keys(fs, "further_study", {"new_org_within_months"}) ||
        !cited(fs["new_org_within_months"], "further_study.new_org_within_months", p.new_org_within_months,
               read_int(0, 24)))
      return false;

    const json& emp = root["employed"];
    if (!keys(emp, "employed", {"youth_home_alternative"}) ||
        !cited(emp["youth_home_alternative"], "employed.youth_home_alternative", p.youth_home_alternative, read_bool))
      return false;

    if (root.contains("receiving_review_days")) {
      Cited<int> review;
      if (!cited(root["receiving_review_days"], "receiving_review_days", review, read_int(1, 365))) return false;
      p.receiving_review_days = review;
    }

    const json& dl = root["deadlines"];
    if (!dl.is_array() || dl.empty()) return fail("policy_wrong_type", "deadlines", {{"expected", "array"}});
    for (size_t i = 0; i < dl.size(); ++i) {
      DeadlineRule d;
      if (!deadline(dl[i], json_path_index("deadlines", i), d)) return false;
      p.deadlines.push_back(std::move(d));
    }

    const json& sd = root["staff_dates"];
    if (!sd.is_array()) return fail("policy_wrong_type", "staff_dates", {{"expected", "array"}});
    for (size_t i = 0; i < sd.size(); ++i) {
      std::string path = json_path_index("staff_dates", i);
      StaffDate s;
      if (!keys(sd[i], path, {"date", "clause", "what"}) || !date(sd[i]["date"], path + ".date", s.date) ||
          !clause_ref(sd[i]["clause"], path + ".clause", s.clause) ||
          !localized(sd[i]["what"], path + ".what", s.what))
        return false;
      p.staff_dates.push_back(std::move(s));
    }
    return !root.contains("unverified") || unverified(root, p.unverified);
  }

  // The draft marker: unique JSON paths that exist in this very file.
  bool unverified(const json& root, std::vector<std::string>& out) {
    const json& list = root["unverified"];
    if (!list.is_array()) return fail("policy_wrong_type", "unverified", {{"expected", "array"}});
    std::set<std::string> seen;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = json_path_index("unverified", i);
      if (!list[i].is_string()) return fail("policy_wrong_type", at, {{"expected", "string"}});
      const std::string& path = list[i].get_ref<const std::string&>();
      if (!json_at_path(root, path)) return fail("policy_unknown_path", at, {{"got", path}});
      if (!seen.insert(path).second) return fail("policy_duplicate_value", at, {{"got", path}});
      out.push_back(path);
    }
    return true;
  }

};

}  // namespace

const Clause* Policy::find_clause(const std::string& clause_id) const {
  for (const auto* list : {&clauses, &national.clauses})
    for (const Clause& c : *list)
      if (c.id == clause_id) return &c;
  return nullptr;
}

Date Policy::latest_date() const {
  Date latest = notice_date;
  for (const auto& d : deadlines)
    if (d.date > latest) latest = d.date;
  for (const auto& s : staff_dates)
    if (s.date > latest) latest = s.date;
  return latest;
}

PolicyLoad load_policy(std::string_view text) {
  PolicyLoad out;
  StrictJson parsed = policy_reading::parse_policy_json(text);
  if (parsed.error) {
    out.error = parsed.error;
    return out;
  }
  Loader loader;
  Policy p;
  if (!loader.load(parsed.value, p)) {
    out.error = loader.error;
    return out;
  }
  p.hash = fnv1a_hex(text);

  // The national layer applies to every school policy; its clause ids are its own.
  NationalLoad national = load_national(builtin_national_text());
  if (!national.layer) {
    out.error = Error{"internal_national", national.error->field, {}};
    return out;
  }
  for (size_t i = 0; i < p.clauses.size(); ++i)
    for (const Clause& n : national.layer->clauses)
      if (p.clauses[i].id == n.id) {
        out.error = Error{"policy_conflicts_national", json_path_index("clauses", i) + ".id", {{"got", n.id}}};
        return out;
      }
  p.national = std::move(*national.layer);
  out.policy = std::move(p);
  return out;
}

}  // namespace xueshe
