// Internal: strict readers for the JSON policy formats (school policy, national
// layer). Every failure records an Error naming the JSON path; the first one wins.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hash.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe::policy_reading {

using nlohmann::json;

inline const std::vector<std::string> kLanguages = {"zh-CN", "en"};

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

inline std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

class PolicyReader {
 public:
  std::optional<Error> error;

  bool fail(const std::string& code, const std::string& path, std::map<std::string, std::string> params = {}) {
    if (!error) error = Error{code, path.empty() ? "$" : path, std::move(params)};
    return false;
  }

  // The two shapes most failures take, out of line (policy_reader.cpp): one named
  // value, or a value not among the allowed ones (policy_unknown_value).
  bool fail_with(const char* code, const std::string& path, const char* key, const std::string& value);
  bool not_one_of(const std::string& path, const std::string& got, const std::vector<std::string>& allowed);

  // The object has exactly the required keys plus any of the optional ones.
  bool keys(const json& obj, const std::string& path, const std::vector<std::string>& required,
            const std::vector<std::string>& optional = {}) {
    if (!obj.is_object()) return fail_with("policy_wrong_type", path, "expected", "object");
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (!contains(required, it.key()) && !contains(optional, it.key()))
        return fail_with("policy_unknown_key", json_path_key(path, it.key()), "allowed", join(required) + (optional.empty() ? "" : ", " + join(optional)));
    for (const auto& k : required)
      if (!obj.contains(k)) return fail("policy_missing_key", json_path_key(path, k));
    return true;
  }

  bool string(const json& v, const std::string& path, std::string& out) {
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
      return fail_with("policy_wrong_type", path, "expected", "string");
    out = v.get<std::string>();
    return true;
  }

  bool integer(const json& v, const std::string& path, int lo, int hi, int& out) {
    if (!v.is_number_integer()) return fail_with("policy_wrong_type", path, "expected", "integer");
    auto n = v.get<std::int64_t>();
    if (n < lo || n > hi)
      return fail("policy_out_of_range", path, {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
    out = static_cast<int>(n);
    return true;
  }

  bool boolean(const json& v, const std::string& path, bool& out) {
    if (!v.is_boolean()) return fail_with("policy_wrong_type", path, "expected", "bool");
    out = v.get<bool>();
    return true;
  }

  bool date(const json& v, const std::string& path, Date& out) {
    if (!v.is_string()) return fail_with("policy_wrong_type", path, "expected", "date");
    const std::string& text = v.get_ref<const std::string&>();
    auto d = parse_iso_date(text);
    if (!d && iso_date_out_of_range(text))
      return fail("policy_date_out_of_range", path, year_range_params(text));
    if (!d) return fail_with("policy_invalid_date", path, "got", text);
    out = *d;
    return true;
  }

  // A text in every language this binary shows; a language it does not carry
  // (the page's one-language modules) may be there and is not kept.
  bool localized(const json& v, const std::string& path, Localized& out) {
    std::vector<std::string> shown, others;
    for (const auto& lang : kLanguages) (carried_language(lang) ? shown : others).push_back(lang);
    if (!keys(v, path, shown, others)) return false;
    for (const auto& lang : shown)
      if (!string(v[lang], json_path_key(path, lang), out[lang])) return false;
    return true;
  }

  bool clause_ref(const json& v, const std::string& path, std::string& out) {
    if (!string(v, path, out)) return false;
    if (!clause_ids_.count(out)) return fail_with("policy_unknown_clause", path, "clause", out);
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
    if (!v.is_array()) return fail_with("policy_wrong_type", path, "expected", "array");
    if (v.empty() && !allow_empty) return fail("policy_empty_list", path);
    for (size_t i = 0; i < v.size(); ++i) {
      std::string p = json_path_index(path, i), s;
      if (!string(v[i], p, s)) return false;
      if (!contains(allowed, s)) return not_one_of(p, s, allowed);
      if (contains(out, s)) return fail_with("policy_duplicate_value", p, "got", s);
      out.push_back(s);
    }
    return true;
  }

  bool clauses(const json& v, std::vector<Clause>& out) {
    if (!v.is_array() || v.empty()) return fail_with("policy_wrong_type", "clauses", "expected", "array");
    for (size_t i = 0; i < v.size(); ++i) {
      std::string path = json_path_index("clauses", i);
      Clause c;
      if (!keys(v[i], path, {"id", "title", "text"}) || !string(v[i]["id"], path + ".id", c.id) ||
          !localized(v[i]["title"], path + ".title", c.title) ||
          !localized(v[i]["text"], path + ".text", c.text))
        return false;
      if (!clause_ids_.insert(c.id).second) return fail_with("policy_duplicate_value", path + ".id", "got", c.id);
      out.push_back(std::move(c));
    }
    return true;
  }



 protected:
  std::set<std::string> clause_ids_;
};

// The strict JSON checks every policy file gets (policy limits), with error
// codes that say it is the policy file ("policy_malformed_json", …).
StrictJson parse_policy_json(std::string_view text);

}  // namespace xueshe::policy_reading
