#include "calendar_input.hpp"

#include <algorithm>
#include <string_view>

namespace xueshe {
namespace {

using nlohmann::json;

bool is_token(const std::string& s, const char* extra) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [extra](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || std::string_view(extra).find(c) != std::string_view::npos;
  });
}

// Reads members and keeps the first problem; after one, every read returns an
// empty value and the caller stops at its next check.
class Reader {
 public:
  std::optional<Error> error;

  const json* member(const json& obj, const std::string& path, const std::string& key, json::value_t type) {
    if (error) return nullptr;
    if (obj.is_object()) {
      auto it = obj.find(key);
      if (it != obj.end() && it->type() == type) return &*it;
    }
    fail(at(path, key));
    return nullptr;
  }

  std::string text(const json& obj, const std::string& path, const std::string& key) {
    const json* v = member(obj, path, key, json::value_t::string);
    return v ? v->get<std::string>() : std::string();
  }

  Date day(const json& obj, const std::string& path, const std::string& key) {
    std::string s = text(obj, path, key);
    if (error) return Date{};
    if (auto d = parse_iso_date(s)) return *d;
    fail(at(path, key));
    return Date{};
  }

  void fail(std::string field) {
    if (!error) error = Error{"calendar_bad_result", std::move(field), {}};
  }

  static std::string at(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string item(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }
};

const json empty_object = json::object();

// The array `key` of `obj`, its items each checked as an object.
template <class F>
void each_object(Reader& r, const json& obj, const std::string& key, F&& read_item) {
  const json* list = r.member(obj, "", key, json::value_t::array);
  if (!list) return;
  for (std::size_t i = 0; i < list->size() && !r.error; ++i) {
    const json& entry = (*list)[i];
    if (!entry.is_object()) return r.fail(Reader::item(key, i));
    read_item(entry, Reader::item(key, i));
  }
}

}  // namespace

bool is_member_status_note(const std::string& step_id) {
  // steps.cpp: "you are a Party member …", "you are 28 or over but hold a league post …"
  return step_id == "party.transfers" || step_id == "age.post_keeps";
}

CalendarInputRead read_calendar_input(const json& result) {
  Reader r;
  const std::string status = r.text(result, "", "status");
  if (r.error) return {std::nullopt, r.error};
  if (status == "question") {
    const json* q = r.member(result, "", "question", json::value_t::object);
    const std::string id = q ? r.text(*q, "question", "id") : std::string();
    if (r.error) return {std::nullopt, r.error};
    return {std::nullopt, Error{"calendar_needs_outcome", id, {}}};
  }
  if (status != "outcome") return {std::nullopt, Error{"calendar_bad_result", "status", {}}};

  CalendarInput in;
  const json* policy = r.member(result, "", "policy", json::value_t::object);
  const json& p = policy ? *policy : empty_object;
  in.policy_id = r.text(p, "policy", "id");
  if (!r.error && !is_token(in.policy_id, "-")) r.fail("policy.id");
  in.policy_hash = r.text(p, "policy", "hash");
  in.policy_title = r.text(p, "policy", "title");
  in.today = r.day(result, "", "today");
  in.route = r.text(result, "", "route");
  if (!r.error && !is_token(in.route, "_")) r.fail("route");
  const json* receiving = r.member(result, "", "receiving", json::value_t::object);
  const json& rec = receiving ? *receiving : empty_object;
  in.org = r.text(rec, "receiving", "org");
  in.started_by = r.text(rec, "receiving", "started_by");

  each_object(r, result, "deadlines", [&](const json& d, const std::string& path) {
    CalendarDeadline out;
    out.kind = r.text(d, path, "kind");
    if (!r.error && !is_token(out.kind, "_")) r.fail(Reader::at(path, "kind"));
    out.label = r.text(d, path, "label");
    out.date = r.day(d, path, "date");
    out.clause = r.text(d, path, "clause");
    out.what = r.text(d, path, "what");
    in.deadlines.push_back(std::move(out));
  });
  each_object(r, result, "steps", [&](const json& s, const std::string& path) {
    const std::string id = r.text(s, path, "id");
    CalendarStep step{r.text(s, path, "where"), r.text(s, path, "text"), r.text(s, path, "clause")};
    if (!is_member_status_note(id)) in.steps.push_back(std::move(step));
  });
  each_object(r, result, "clause_texts", [&](const json& c, const std::string& path) {
    in.clauses.push_back(CalendarClause{r.text(c, path, "id"), r.text(c, path, "title"), r.text(c, path, "text")});
  });
  if (r.error) return {std::nullopt, r.error};

  if (in.deadlines.empty()) return {std::nullopt, Error{"calendar_no_deadlines", "deadlines", {}}};
  for (std::size_t i = 0; i < in.deadlines.size(); ++i) {
    const std::string& clause = in.deadlines[i].clause;
    if (std::none_of(in.clauses.begin(), in.clauses.end(), [&](const CalendarClause& c) { return c.id == clause; }))
      return {std::nullopt, Error{"calendar_bad_result", Reader::at(Reader::item("deadlines", i), "clause"), {}}};
  }
  return {std::move(in), std::nullopt};
}

}  // namespace xueshe
