// Reads a policy file strictly: unknown keys, duplicate keys, wrong types,
// impossible dates, dates in the wrong order and references to clauses that do
// not exist are errors naming the JSON path.
#include <cstdint>
#include <set>

#include "xueshe/cases.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/routes.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

const char* const kFormat = "xueshe-policy/1";
const std::vector<std::string> kLanguages = {"zh-CN", "en"};
const std::vector<std::string> kRuleNames = {"edit_until_accepted", "second_transfer",
                                             "classified_as_military", "higher_notice_prevails"};
const std::vector<std::string> kPolicyDeadlineKinds = {"apply_by", "complete_by", "all_complete_by"};
const std::vector<std::string> kBases = {"residence", "hukou", "origin"};

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

class Loader {
 public:
  std::optional<Error> error;

  bool fail(const std::string& code, const std::string& path, std::map<std::string, std::string> params = {}) {
    if (!error) error = Error{code, path.empty() ? "$" : path, std::move(params)};
    return false;
  }

  // The object has exactly the required keys plus any of the optional ones.
  bool keys(const json& obj, const std::string& path, const std::vector<std::string>& required,
            const std::vector<std::string>& optional = {}) {
    if (!obj.is_object()) return fail("policy_wrong_type", path, {{"expected", "object"}});
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (!contains(required, it.key()) && !contains(optional, it.key()))
        return fail("policy_unknown_key", json_path_key(path, it.key()),
                    {{"allowed", join(required) + (optional.empty() ? "" : ", " + join(optional))}});
    for (const auto& k : required)
      if (!obj.contains(k)) return fail("policy_missing_key", json_path_key(path, k));
    return true;
  }

  bool string(const json& v, const std::string& path, std::string& out) {
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
      return fail("policy_wrong_type", path, {{"expected", "string"}});
    out = v.get<std::string>();
    return true;
  }

  bool integer(const json& v, const std::string& path, int lo, int hi, int& out) {
    if (!v.is_number_integer()) return fail("policy_wrong_type", path, {{"expected", "integer"}});
    auto n = v.get<std::int64_t>();
    if (n < lo || n > hi)
      return fail("policy_out_of_range", path, {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
    out = static_cast<int>(n);
    return true;
  }

  bool boolean(const json& v, const std::string& path, bool& out) {
    if (!v.is_boolean()) return fail("policy_wrong_type", path, {{"expected", "bool"}});
    out = v.get<bool>();
    return true;
  }

  bool date(const json& v, const std::string& path, Date& out) {
    if (!v.is_string()) return fail("policy_wrong_type", path, {{"expected", "date"}});
    auto d = parse_iso_date(v.get_ref<const std::string&>());
    if (!d) return fail("policy_invalid_date", path, {{"got", v.get<std::string>()}});
    out = *d;
    return true;
  }

  bool localized(const json& v, const std::string& path, Localized& out) {
    if (!keys(v, path, kLanguages)) return false;
    for (const auto& lang : kLanguages)
      if (!string(v[lang], json_path_key(path, lang), out[lang])) return false;
    return true;
  }

  bool clause_ref(const json& v, const std::string& path, std::string& out) {
    if (!string(v, path, out)) return false;
    if (!clause_ids_.count(out)) return fail("policy_unknown_clause", path, {{"clause", out}});
    return true;
  }

  template <typename T, typename ReadValue>
  bool cited(const json& v, const std::string& path, Cited<T>& out, ReadValue read_value) {
    if (!keys(v, path, {"value", "clause"})) return false;
    return read_value(v["value"], json_path_key(path, "value"), out.value) &&
           clause_ref(v["clause"], json_path_key(path, "clause"), out.clause);
  }

  bool string_list(const json& v, const std::string& path, const std::vector<std::string>& allowed,
                   std::vector<std::string>& out, bool allow_empty) {
    if (!v.is_array()) return fail("policy_wrong_type", path, {{"expected", "array"}});
    if (v.empty() && !allow_empty) return fail("policy_empty_list", path);
    for (size_t i = 0; i < v.size(); ++i) {
      std::string p = json_path_index(path, i), s;
      if (!string(v[i], p, s)) return false;
      if (!contains(allowed, s)) return fail("policy_unknown_value", p, {{"got", s}, {"allowed", join(allowed)}});
      if (contains(out, s)) return fail("policy_duplicate_value", p, {{"got", s}});
      out.push_back(s);
    }
    return true;
  }

  bool clauses(const json& v, Policy& p) {
    if (!v.is_array() || v.empty()) return fail("policy_wrong_type", "clauses", {{"expected", "array"}});
    for (size_t i = 0; i < v.size(); ++i) {
      std::string path = json_path_index("clauses", i);
      Clause c;
      if (!keys(v[i], path, {"id", "title", "text"}) || !string(v[i]["id"], path + ".id", c.id) ||
          !localized(v[i]["title"], path + ".title", c.title) ||
          !localized(v[i]["text"], path + ".text", c.text))
        return false;
      if (!clause_ids_.insert(c.id).second) return fail("policy_duplicate_value", path + ".id", {{"got", c.id}});
      p.clauses.push_back(std::move(c));
    }
    return true;
  }

  bool named_clauses(const json& v, const std::string& path, const std::vector<std::string>& names,
                     std::map<std::string, std::string>& out) {
    if (!keys(v, path, names)) return false;
    for (const auto& n : names)
      if (!clause_ref(v[n], json_path_key(path, n), out[n])) return false;
    return true;
  }

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
              {"receiving_review_days"}))
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
    if (!clauses(root["clauses"], p)) return false;

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
    return true;
  }

 private:
  std::set<std::string> clause_ids_;
};

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 0xF];
  return out;
}

}  // namespace

const Clause* Policy::find_clause(const std::string& clause_id) const {
  for (const Clause& c : clauses)
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
  StrictJson parsed = parse_strict_json(text, policy_json_limits());
  if (parsed.error) {
    // Same JSON checks as for answers, but the message must say it is the policy file.
    out.error = parsed.error;
    out.error->code = "policy_" + out.error->code;
    return out;
  }
  Loader loader;
  Policy p;
  if (!loader.load(parsed.value, p)) {
    out.error = loader.error;
    return out;
  }
  p.hash = fnv1a_hex(text);
  out.policy = std::move(p);
  return out;
}

}  // namespace xueshe
