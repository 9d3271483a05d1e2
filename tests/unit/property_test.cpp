// Properties over generated answers: every path of every policy at several
// as-of dates, plus seeded random perturbations of them. Deadlines never fall
// before the dates they derive from, days_left agrees with state, the same
// answers always give the same bytes, and zh-CN and en agree on everything but
// the words.
#include <catch2/catch.hpp>
#include <random>

#include "support/result_check.hpp"
#include "test_policies.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/flow_export.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

// Everything in a result that does not depend on the language.
json structure(const json& r) {
  if (r.contains("error")) return json{{"error", r["error"]["code"]}, {"field", r["error"]["field"]}};
  json s{{"status", r["status"]}};
  if (r["status"] == "question") {
    s["question"] = r["question"]["id"];
    json values = json::array();
    for (const auto& o : r["question"]["options"]) values.push_back(o["value"]);
    s["options"] = values;
    return s;
  }
  s["route"] = r["route"];
  s["alternatives"] = r["alternatives"];
  s["clauses"] = r["clauses"];
  json deadlines = json::array(), warnings = json::array(), steps = json::array();
  for (const auto& d : r["deadlines"]) deadlines.push_back({d["kind"], d["date"], d["clause"], d["days_left"], d["state"]});
  for (const auto& w : r["warnings"]) warnings.push_back({w["code"], w["clauses"]});
  for (const auto& st : r["steps"]) steps.push_back({st["id"], st["where"], st["clause"]});
  s["deadlines"] = deadlines;
  s["warnings"] = warnings;
  s["steps"] = steps;
  return s;
}

void check_derived_dates(const json& r, const Answers& a) {
  if (r.value("status", "") != "outcome") return;
  for (const auto& d : r["deadlines"]) {
    const Date date = *parse_iso_date(d["date"].get<std::string>());
    const std::string kind = d["kind"];
    if (kind == "retention_ends") CHECK(date >= *a.date("graduation_date"));
    if (kind == "new_org_created_by") CHECK(date >= *a.date("enrollment_date"));
    if (kind == "before_departure") CHECK(date == *a.date("departure_date"));
  }
}

// Evaluates in both languages and checks every property; returns the zh-CN result.
json evaluate_checked(const Engine& engine, const Answers& a, Date today) {
  Result zh = engine.evaluate(a, today, Lang::zh_CN);
  Result en = engine.evaluate(a, today, Lang::en);
  INFO(to_json_text(zh.body));
  CHECK(fuzzing::check_result(zh.body, zh.ok) == "");
  CHECK(fuzzing::check_result(en.body, en.ok) == "");
  CHECK(structure(zh.body) == structure(en.body));
  CHECK(to_json_text(engine.evaluate(a, today, Lang::zh_CN).body) == to_json_text(zh.body));
  check_derived_dates(zh.body, a);
  return zh.body;
}

Answers answers_of(const Path& path) {
  Answers a;
  for (const Step& s : path.steps)
    if (!s.implied) a.values[s.field] = s.value;
  return a;
}

}  // namespace

TEST_CASE("properties hold on every path of every policy at every as-of date") {
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const Policy& p = engine.policy();
    const date::year y{p.cohort};
    const std::vector<Date> todays{p.notice_date, Date{y, date::month{8}, date::day{31}},
                                   Date{y, date::month{9}, date::day{1}}, Date{y + date::years{1}, date::month{6}, date::day{1}}};
    int outcomes = 0;
    for (const Path& path : enumerate_paths(engine.flow(), sample_dates(p)))
      for (const Date& today : todays) {
        json r = evaluate_checked(engine, answers_of(path), today);
        outcomes += r.value("status", "") == "outcome";
      }
    INFO(p.id);
    CHECK(outcomes > 200);
  }
}

TEST_CASE("properties hold on random perturbations of every path") {
  std::mt19937 rng(20221016);  // fixed seed: the same cases every run
  auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  auto random_date = [&]() {
    return Date{date::sys_days{date::year{1985} / 1 / 1} + date::days{static_cast<int>(pick(365 * 45))}};
  };
  const auto& fields = answer_fields();
  std::map<std::string, int> statuses;
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const auto paths = enumerate_paths(engine.flow(), sample_dates(engine.policy()));
    for (int i = 0; i < 700; ++i) {
      Answers a = answers_of(paths[pick(paths.size())]);
      for (std::size_t m = 0, n = 1 + pick(3); m < n; ++m) {
        const Field& f = fields[pick(fields.size())];
        switch (pick(3)) {
          case 0: a.values.erase(f.id); break;
          case 1:
            if (f.kind == FieldKind::boolean) a.values[f.id] = pick(2) == 1;
            else if (f.kind == FieldKind::date) a.values[f.id] = random_date();
            else a.values[f.id] = f.values[pick(f.values.size())];
            break;
          default:
            if (auto d = a.date(f.id)) a.values[f.id] = Date{date::sys_days{*d} + date::days{static_cast<int>(pick(800)) - 400}};
        }
      }
      const Date today = random_date();
      json r = evaluate_checked(engine, a, today);
      statuses[r.contains("error") ? "error:" + r["error"]["code"].get<std::string>() : r["status"].get<std::string>()]++;
    }
  }
  // The perturbations reach every kind of result.
  CHECK(statuses["outcome"] > 100);
  CHECK(statuses["question"] > 100);
  CHECK(statuses["error:date_order"] + statuses["error:implausible_date"] + statuses["error:value_not_offered"] > 10);
}
