#include "result_check.hpp"

#include <cstdio>
#include <cstdlib>

#include <set>

#include "xueshe/dates.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/deadlines.hpp"
#include "xueshe/routes.hpp"

namespace xueshe::fuzzing {
namespace {

bool nonempty_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

std::string check_outcome(const nlohmann::json& b) {
  std::set<std::string> routes(notice_routes().begin(), notice_routes().end());
  routes.insert("age_out");
  if (!b.contains("route") || !b["route"].is_string() || !routes.count(b["route"].get<std::string>()))
    return "outcome without a known route";
  if (!b.contains("alternatives") || !b["alternatives"].is_array()) return "outcome without alternatives";
  for (const auto& a : b["alternatives"])
    if (!a.is_string() || !routes.count(a.get<std::string>())) return "unknown alternative route";
  if (!b.contains("clauses") || !b["clauses"].is_array() || b["clauses"].empty()) return "outcome cites no clause";
  if (!b.contains("steps") || !b["steps"].is_array() || b["steps"].empty()) return "outcome has no step";
  if (!b.contains("warnings") || !b["warnings"].is_array()) return "outcome without warnings";
  if (!b.contains("deadlines") || !b["deadlines"].is_array()) return "outcome without deadlines";
  if (b["deadlines"].empty() && b["warnings"].empty()) return "no deadline and no warning saying why";
  static const std::set<std::string> kinds = {"apply_by", "complete_by", "all_complete_by", "retention_ends",
                                              "new_org_created_by", "before_departure"};
  auto today = parse_iso_date(b.value("today", ""));
  if (!today) return "outcome without a valid today";
  for (const auto& d : b["deadlines"]) {
    if (!d.is_object() || !nonempty_string(d, "kind") || !kinds.count(d["kind"].get<std::string>()))
      return "deadline of unknown kind";
    if (!nonempty_string(d, "clause")) return "deadline without a clause";
    auto date = parse_iso_date(d.value("date", ""));
    if (!date) return "deadline without a valid date";
    if (!d.contains("days_left") || !d["days_left"].is_number_integer()) return "deadline without days_left";
    const int days = d["days_left"].get<int>();
    if (days != days_between(*today, *date)) return "days_left does not match the date";
    if (d.value("state", "") != name(deadline_state(days))) return "state does not match days_left";
  }
  return "";
}

std::string check_question(const nlohmann::json& b) {
  if (!b.contains("question") || !b["question"].is_object()) return "question status without a question";
  const auto& q = b["question"];
  if (!nonempty_string(q, "id") || !find_field(q["id"].get<std::string>())) return "question for an unknown field";
  if (!nonempty_string(q, "text")) return "question without text";
  const std::string kind = q.value("kind", "");
  if (kind != "choice" && kind != "bool" && kind != "date") return "question of unknown kind";
  if (!q.contains("options") || !q["options"].is_array()) return "question without options";
  if (kind != "date" && q["options"].empty()) return "choice without options";
  return "";
}

}  // namespace

std::string check_result(const nlohmann::json& body, bool ok) {
  if (!body.is_object()) return "result is not an object";
  const bool has_error = body.contains("error");
  const bool has_status = body.contains("status");
  if (has_error == has_status) return has_error ? "both an error and a status" : "neither an error nor a status";
  if (has_error) {
    if (ok) return "error body but ok";
    if (body.size() != 1) return "error object with other members";
    const auto& e = body["error"];
    if (!e.is_object() || !nonempty_string(e, "code") || !nonempty_string(e, "message") || !nonempty_string(e, "field"))
      return "error without code, message or field";
    return "";
  }
  if (!ok) return "status body but not ok";
  const std::string status = body["status"].is_string() ? body["status"].get<std::string>() : "";
  if (status == "question") return check_question(body);
  if (status == "outcome") return check_outcome(body);
  return "unknown status";
}

void violated(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "property violated: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

}  // namespace xueshe::fuzzing
