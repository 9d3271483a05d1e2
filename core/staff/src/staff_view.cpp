// The staff page's view of a roster row and of the decision table (see staff_view.hpp).
#include "xueshe/staff_view.hpp"

#include <algorithm>
#include <utility>

#include "xueshe/dates.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/roster_columns.hpp"
#include "xueshe/routes.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

std::string route_name(const std::string& route, Lang lang) {
  return message(lang, "roster.route." + route);
}

json route_names(const std::vector<std::string>& routes, Lang lang) {
  json out = json::array();
  for (const std::string& r : routes) out.push_back(route_name(r, lang));
  return out;
}

// The usual answer of the questions where one answer is the common case
// ("" : every answer is unusual, the question being asked only then).
const std::vector<std::pair<std::string, std::string>>& usual_answers() {
  static const std::vector<std::pair<std::string, std::string>> usual{
      {"party_member", "false"},        {"holds_league_post", ""}, {"self_employed", "false"},
      {"employer_classified", "false"}, {"civil_servant", "false"}, {"receiving_region", "other"}};
  return usual;
}

std::string localized(const Localized& texts, Lang lang) {
  auto it = texts.find(std::string(code(lang)));
  if (it != texts.end()) return it->second;
  it = texts.find("zh-CN");
  return it != texts.end() ? it->second : std::string();
}

}  // namespace

json staff_policy_view(const Policy& p, const std::vector<std::string>& unverified, Lang lang) {
  json out{{"id", p.id},
           {"title", localized(p.title, lang)},
           {"school", localized(p.school, lang)},
           {"cohort", p.cohort},
           {"notice_date", format_iso_date(p.notice_date)},
           {"last_verified", format_iso_date(p.last_verified)},
           {"hash", p.hash},
           {"unverified", unverified}};
  if (!unverified.empty())
    out["banner"] = message(lang, "warning.policy_unverified", {{"id", p.id}, {"n", std::to_string(unverified.size())}});
  return out;
}

std::optional<Error> roster_columns_from_json(const std::string& text, std::map<std::size_t, std::string>& out) {
  if (text.empty()) return std::nullopt;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return Error{"malformed_json", "columns", {{"offset", "0"}}};
  if (!j.is_array()) return Error{"wrong_type", "columns", {{"expected", "array"}, {"got", j.type_name()}}};
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (j[i].is_null()) continue;
    if (!j[i].is_string())
      return Error{"wrong_type", "columns[" + std::to_string(i) + "]", {{"expected", "string"}, {"got", j[i].type_name()}}};
    out[i] = j[i].get<std::string>();
  }
  return std::nullopt;
}

json roster_header_view(const RosterRun& run, const Policy& policy, const std::map<std::size_t, std::string>& columns) {
  if (run.csv.records.empty() || run.csv.records.front().problem_kind != CsvProblem::none) return nullptr;
  const RosterVocabulary vocabulary(policy);
  json list = json::array();
  const CsvRecord& header = run.csv.records.front();
  for (std::size_t i = 0; i < header.count; ++i) {
    const std::string h(run.csv.field(header, i));
    auto chosen = columns.find(i);
    const std::string id = chosen != columns.end() ? chosen->second : vocabulary.column_for_header(trim_cell(h));
    list.push_back(json{{"header", h}, {"column", id.empty() ? json(nullptr) : json(id)}});
  }
  return list;
}

json roster_check_view(const RosterRun& run, const Policy& policy, std::size_t unverified,
                       const std::map<std::size_t, std::string>& columns) {
  if (run.error) {
    json body = roster_error_body(*run.error, run.lang);
    if (json header = roster_header_view(run, policy, columns); !header.is_null()) body["columns"] = header;
    body["column_choices"] = roster_column_choices(run.lang);
    return body;
  }
  json summary = roster_summary(run, policy);
  summary["policy"]["unverified"] = unverified;
  return json{{"summary", summary}, {"route_order", route_order(policy)}, {"column_choices", roster_column_choices(run.lang)}};
}

RosterFilter roster_filter_from_json(const std::string& text) {
  RosterFilter out;
  if (text.empty()) return out;
  const json f = json::parse(text, nullptr, false);
  if (!f.is_object()) return out;
  auto str = [&f](const char* key) {
    auto it = f.find(key);
    return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto flag = [&f](const char* key) {
    auto it = f.find(key);
    return it != f.end() && it->is_boolean() && it->get<bool>();
  };
  out.route = str("route");
  out.state = str("state");
  out.text = std::string(trim_cell(str("text")));
  out.errors = flag("errors");
  out.duplicates = flag("duplicates");
  return out;
}

std::vector<std::uint32_t> roster_select(const RosterRun& run, const RosterFilter& filter) {
  std::vector<std::uint32_t> selected;
  std::size_t sid = SIZE_MAX, name = SIZE_MAX;
  for (std::size_t i = 0; i < run.columns.size(); ++i) {
    if (run.columns[i].id == "student_id") sid = i;
    if (run.columns[i].id == "name") name = i;
  }
  const auto& outcomes = run.outcomes;
  for (std::size_t r = 0; r < run.rows.size(); ++r) {
    const RosterRow& row = run.rows[r];
    const RosterOutcome* o = row.outcome >= 0 ? &outcomes[static_cast<std::size_t>(row.outcome)] : nullptr;
    const bool ok = o && o->ok;
    if (filter.errors && !row.has_error(outcomes)) continue;
    if (filter.duplicates && row.duplicate < 0) continue;
    if (!filter.route.empty() && (!ok || o->route != filter.route)) continue;
    if (!filter.state.empty() && (!ok || (o->urgent_state ? xueshe::name(*o->urgent_state) : "none") != filter.state)) continue;
    if (!filter.text.empty()) {
      const CsvRecord& rec = run.csv.records[row.record];
      auto has = [&](std::size_t col) {
        return col < rec.count && run.csv.field(rec, col).find(filter.text) != std::string_view::npos;
      };
      if (!has(sid) && !has(name)) continue;
    }
    selected.push_back(static_cast<std::uint32_t>(r));
  }
  return selected;
}

int decision_path_rarity(const std::vector<std::pair<std::string, AnswerValue>>& answers) {
  int rarity = 0;
  for (const auto& [field, value] : answers)
    for (const auto& [f, usual] : usual_answers())
      if (f == field && answer_token(value) != usual) ++rarity;
  return rarity;
}

json roster_row_view(const RosterRun& run, std::size_t r) {
  Lang lang = run.lang;
  const RosterRow& row = run.rows[r];
  const CsvRecord& rec = run.csv.records[row.record];
  json cells = json::array();
  for (std::size_t i = 0; i < run.columns.size(); ++i)
    cells.push_back(i < rec.count ? std::string(run.csv.field(rec, i)) : std::string());
  auto column_of = [&run](const std::string& field) -> json {
    for (const RosterColumn& c : run.columns)
      if (!field.empty() && c.id == field) return c.header;
    return nullptr;
  };
  json errors = json::array();
  for (const RosterRowError& e : run.errors(row))
    errors.push_back(json{{"code", e.code}, {"field", e.field}, {"column", column_of(e.field)}, {"message", e.message}});
  json out{{"line", row.line}, {"cells", cells}};
  const RosterOutcome* o = row.outcome >= 0 ? &run.outcomes[static_cast<std::size_t>(row.outcome)] : nullptr;
  if (o && !o->ok)
    errors.push_back(json{{"code", o->error_code},
                          {"field", o->error_field},
                          {"column", column_of(o->error_field)},
                          {"message", o->error_message}});
  if (o && o->ok) {
    json deadlines = json::array();
    for (const RosterDeadline& d : o->deadlines)
      deadlines.push_back(json{{"kind", name(d.kind)},
                               {"kind_name", message(lang, catalog_key(d.kind))},
                               {"date", format_iso_date(d.date)},
                               {"clause", d.clause},
                               {"state", name(d.state)}});
    json warnings = json::array();
    for (std::size_t i = 0; i < o->warning_codes.size(); ++i) {
      const std::string& staff = i < o->warning_staff_texts.size() ? o->warning_staff_texts[i] : std::string();
      const std::string& member = i < o->warning_texts.size() ? o->warning_texts[i] : std::string();
      warnings.push_back(json{{"code", o->warning_codes[i]}, {"text", staff.empty() ? member : staff}});
    }
    out["route"] = o->route;
    out["route_name"] = route_name(o->route, lang);
    out["org"] = o->org;
    out["alternatives"] = route_names(o->alternatives, lang);
    out["deadlines"] = deadlines;
    out["urgent_state"] = o->urgent_state ? name(*o->urgent_state) : "";
    out["urgent_date"] = o->urgent_date ? format_iso_date(*o->urgent_date) : std::string();
    out["warnings"] = warnings;
    out["clauses"] = o->clauses;
  }
  if (row.duplicate >= 0) {
    const RosterDuplicate& d = run.duplicates[static_cast<std::size_t>(row.duplicate)];
    out["duplicate"] = json{{"student_id", d.student_id}, {"lines", d.lines}};
  }
  out["errors"] = errors;
  return out;
}

json roster_column_choices(Lang lang) {
  json out = json::array();
  for (const std::string& id : roster_column_ids()) out.push_back(json{{"id", id}, {"name", roster_column_name(id, lang)}});
  return out;
}

json decision_table_view(const Engine& engine, Date today, Lang lang) {
  const DecisionTable t = decision_table(engine, today, lang);
  json names = json::object();
  for (const std::string& f : t.fields) names[f] = roster_column_name(f, lang);

  // Groups in the policy's route order (a route it does not list, such as
  // leaving at the age limit or a destination the notice is silent on, after).
  std::vector<std::string> order = route_order(engine.policy());
  for (const TableRow& r : t.rows)
    if (std::find(order.begin(), order.end(), r.route) == order.end()) order.push_back(r.route);
  std::vector<const TableRow*> sorted;
  for (const TableRow& r : t.rows) sorted.push_back(&r);
  auto rank = [&order](const TableRow* r) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), r->route) - order.begin());
  };
  std::stable_sort(sorted.begin(), sorted.end(), [&](const TableRow* a, const TableRow* b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return decision_path_rarity(a->answers) < decision_path_rarity(b->answers);
  });

  json groups = json::array();
  for (const TableRow* r : sorted) {
    if (groups.empty() || groups.back()["route"] != r->route) {
      groups.push_back(json{{"route", r->route},
                            {"name", r->route.empty() ? json(nullptr) : json(route_name(r->route, lang))},
                            {"org", r->org},
                            {"rows", json::array()}});
    }
    json answers = json::array();
    for (const auto& [field, value] : r->answers)
      answers.push_back(json{{"field", field}, {"name", names.value(field, field)}, {"word", roster_value_word(field, value, lang)}});
    json deadlines = json::array();
    for (const TableDeadline& d : r->deadlines)
      deadlines.push_back(json{{"kind_name", message(lang, catalog_key(d.kind))}, {"date", format_iso_date(d.date)}, {"clause", d.clause}});
    json warnings = json::array();
    for (const std::string& w : r->warnings) warnings.push_back(message(lang, "roster.warning_name." + w));
    json row{{"number", r->number},
             {"answers", answers},
             {"org", r->org},
             {"alternatives", route_names(r->alternatives, lang)},
             {"deadlines", deadlines},
             {"clauses", r->clauses},
             {"warnings", warnings}};
    if (!r->error.empty()) row["error"] = r->error;
    groups.back()["rows"].push_back(row);
  }
  return json{{"count", t.rows.size()}, {"fields", t.fields}, {"field_names", names}, {"groups", groups}};
}

}  // namespace xueshe
