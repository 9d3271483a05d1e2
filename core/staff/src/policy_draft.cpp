// Drafting next year's policy, and reading files that carry the draft marker.
#include "xueshe/policy_draft.hpp"

#include <algorithm>
#include <set>

#include "xueshe/engine.hpp"
#include "xueshe/error_body.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

const char* const kMarker = "unverified";

bool has_digit(const std::string& s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// The last key of a path: "clauses[3].text.zh-CN" -> "zh-CN".
std::string last_key(const std::string& path) {
  std::size_t dot = path.rfind('.');
  std::string tail = dot == std::string::npos ? path : path.substr(dot + 1);
  return tail.find('[') == std::string::npos ? tail : "";
}

bool is_clause_title(const std::string& path) {
  return path.rfind("clauses[", 0) == 0 && path.find("].title.") != std::string::npos;
}

Date shift_years(const Date& d, int years) {
  const date::year y{static_cast<int>(d.year()) + years};
  Date moved{y, d.month(), d.day()};
  if (!moved.ok()) moved = Date{y, d.month(), (y / d.month() / date::last).day()};  // 29 Feb -> 28 Feb
  return moved;
}

class Drafter {
 public:
  explicit Drafter(int years) : years_(years) {}

  std::vector<std::string> unverified;
  std::optional<Error> error;
  int cohort = 0;

  void walk(ordered_json& v, const std::string& path) {
    if (error) return;
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it) walk(it.value(), json_path_key(path, it.key()));
    } else if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], json_path_index(path, i));
    } else if (v.is_string()) {
      // last_verified is not moved: the draft sets it to the new notice date.
      if (path == "id" || path == "format" || path == "last_verified") return;
      if (auto d = parse_iso_date(v.get_ref<const std::string&>())) {
        Date moved = shift_years(*d, years_);
        if (!year_in_range(moved)) {
          error = Error{"draft_date_range", path, {{"cohort", std::to_string(cohort)}}};
          return;
        }
        v = format_iso_date(moved);
        unverified.push_back(path);
      } else {
        // A text that names a number or a date may name last year's; a
        // clause's title only numbers the clause.
        const std::string key = last_key(path);
        if ((key == "zh-CN" || key == "en") && has_digit(v.get_ref<const std::string&>()) && !is_clause_title(path))
          unverified.push_back(path);
      }
    } else if (v.is_number_integer() && path != "cohort") {
      unverified.push_back(path);
    }
  }

 private:
  int years_;
};

}  // namespace

DraftAwareLoad load_policy_or_draft(std::string_view text, const PolicyTexts& bases) {
  DraftAwareLoad out;
  PolicyLoad load = load_policy(text, bases);
  if (load.error) {
    out.error = std::move(load.error);
    return out;
  }
  out.policy = std::move(load.policy);
  out.unverified = out.policy->unverified;
  out.document = ordered_json::parse(text, nullptr, false);
  out.document.erase(kMarker);
  return out;
}

PolicyDraft draft_policy(std::string_view source, int cohort, const PolicyTexts& bases) {
  PolicyDraft out;
  DraftAwareLoad from = load_policy_or_draft(source, bases);
  if (from.error) {
    out.error = from.error;
    return out;
  }
  if (cohort < 1990 || cohort > 2199) {
    out.error = Error{"draft_cohort", "cohort", {{"got", std::to_string(cohort)}, {"min", "1990"}, {"max", "2199"}}};
    return out;
  }
  const Policy& old = *from.policy;
  ordered_json doc = from.document;
  Drafter drafter(cohort - old.cohort);
  drafter.cohort = cohort;
  drafter.walk(doc, "");
  if (drafter.error) {
    out.error = drafter.error;
    return out;
  }

  // Which notice this is: the cohort in the id, the cohort itself; and nobody
  // has checked the draft yet, so last_verified is the earliest date the
  // loader allows (the notice date), listed as unverified like the rest.
  const std::string old_cohort = std::to_string(old.cohort), new_cohort = std::to_string(cohort);
  std::string id = old.id;
  const std::size_t at = id.rfind(old_cohort);
  if (at != std::string::npos) id.replace(at, old_cohort.size(), new_cohort);
  else id += "-" + new_cohort;
  doc["id"] = id;
  doc["cohort"] = cohort;
  doc["last_verified"] = doc["notice_date"];

  std::vector<std::string> unverified = drafter.unverified;
  // last_verified is listed where the file has it: right after notice_date.
  auto notice = std::find(unverified.begin(), unverified.end(), "notice_date");
  unverified.insert(notice == unverified.end() ? notice : notice + 1, "last_verified");
  for (const std::string& p : from.unverified)
    if (std::find(unverified.begin(), unverified.end(), p) == unverified.end()) unverified.push_back(p);

  // The marker goes right after last_verified, where a reader looks for it.
  ordered_json draft = ordered_json::object();
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    draft[it.key()] = it.value();
    if (it.key() == "last_verified") draft[kMarker] = unverified;
  }
  if (!draft.contains(kMarker)) draft[kMarker] = unverified;
  out.text = draft.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";

  DraftAwareLoad check = load_policy_or_draft(out.text, bases);
  if (check.error) {
    out.error = check.error;
    out.text.clear();
    return out;
  }
  out.unverified = std::move(unverified);
  return out;
}

// The policy tools' own errors, or — an error of the policy itself — the engine's.
json policy_tool_error_body(const Error& e, Lang lang) {
  const Lang l = carried_or_default(lang);
  return error_body(e, l, catalog(l).contains("policytool.error." + e.code) ? "policytool.error" : "error");
}

}  // namespace xueshe
