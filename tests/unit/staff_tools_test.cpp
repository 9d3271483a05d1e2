// The decision table, next year's draft policy with its "unverified" marker,
// and the diff between two policies.
#include <catch2/catch.hpp>

#include "test_policies.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/policy_diff.hpp"
#include "xueshe/policy_draft.hpp"
#include "xueshe/roster.hpp"

using namespace xueshe;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

std::string builtin() { return std::string(builtin_policy_text()); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("decision table: one row per path — with its answers — route — deadlines — clauses and warnings") {
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    const DecisionTable t = decision_table(engine, engine.policy().notice_date, Lang::zh_CN);
    const auto paths = evaluate_all_paths(engine, engine.policy().notice_date, Lang::zh_CN);
    REQUIRE(t.rows.size() == paths.size());
    CHECK(t.fields.front() == "destination");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const TableRow& r = t.rows[i];
      INFO(engine.policy().id << " path " << r.number);
      CHECK(r.number == i + 1);
      CHECK(r.error.empty());
      CHECK(r.route == paths[i]["result"]["route"]);
      CHECK(r.clauses == paths[i]["result"]["clauses"].get<std::vector<std::string>>());
      CHECK(r.deadlines.size() == paths[i]["result"]["deadlines"].size());
      for (const auto& [field, value] : r.answers) CHECK(paths[i]["answers"].contains(field));
      for (const TableDeadline& d : r.deadlines) {  // every kind has its column in rosters and tables
        const auto& kinds = roster_deadline_kinds();
        CHECK(std::find(kinds.begin(), kinds.end(), d.kind) != kinds.end());
      }
    }
  }
  Engine engine(must_load(builtin()));
  json j = decision_table_json(decision_table(engine, day("2022-07-01"), Lang::en));
  CHECK(j["rows"].size() == 382);
  CHECK(j["rows"][0]["answers"]["destination"] == "employed");
}

TEST_CASE("json_at_path reads the loader's own paths") {
  ordered_json doc = ordered_json::parse(R"({"a":{"b":[10,{"c":"x"}],"x.y":1,"zh-CN":"中"}})");
  CHECK(*json_at_path(doc, "a.b[0]") == 10);
  CHECK(*json_at_path(doc, "a.b[1].c") == "x");
  CHECK(*json_at_path(doc, "a[\"x.y\"]") == 1);
  CHECK(*json_at_path(doc, "a.zh-CN") == "中");
  for (const char* bad : {"", "a.b[2]", "a.c", "a.b.c", "a..b", "a[", "a.b[x]", "a[\"x.y\""}) CHECK(json_at_path(doc, bad) == nullptr);
}

TEST_CASE("policy draft: hxci-2022 to 2026 loads — with 2026's dates — marked unverified") {
  PolicyDraft d = draft_policy(builtin(), 2026);
  REQUIRE_FALSE(d.error);
  DraftAwareLoad load = load_policy_or_draft(d.text);
  REQUIRE_FALSE(load.error);
  const Policy& p = *load.policy;
  CHECK(p.id == "hxci-2026");
  CHECK(p.cohort == 2026);
  CHECK(format_iso_date(p.notice_date) == "2026-05-16");
  CHECK(p.last_verified == p.notice_date);
  std::vector<std::string> dates;
  for (const DeadlineRule& r : p.deadlines) dates.push_back(format_iso_date(r.date));
  CHECK(dates == std::vector<std::string>{"2026-08-31", "2026-08-31", "2026-10-01", "2026-10-31"});
  CHECK(format_iso_date(*p.deadlines[0].opens) == "2026-05-16");
  for (const StaffDate& s : p.staff_dates) CHECK(format_iso_date(s.date) == "2026-05-30");
  // The marker lists every moved date, every number, every text with a number, and last_verified.
  const auto& u = load.unverified;
  auto listed = [&u](const std::string& path) { return std::find(u.begin(), u.end(), path) != u.end(); };
  for (const char* path : {"notice_date", "last_verified", "deadlines[0].opens", "deadlines[0].date", "deadlines[3].date",
                           "staff_dates[1].date", "periods.retention.value", "clauses[13].text.zh-CN",
                           "deadlines[2].what.zh-CN", "title.zh-CN"})
    CHECK(listed(path));
  CHECK_FALSE(listed("cohort"));
  CHECK_FALSE(listed("id"));
  CHECK_FALSE(listed("clauses[1].title.zh-CN"));  // a clause title only numbers the clause
  CHECK(d.unverified == u);
  for (const std::string& path : u) CHECK(json_at_path(load.document, path) != nullptr);
  // The notice's words are never rewritten.
  CHECK(p.find_clause("三.2③")->text.at("zh-CN") == "已就业与待就业同学于2022年8月31日前完成转接；");
  // Without the marker it is an ordinary policy file.
  CHECK(load_policy(load.document.dump()).policy.has_value());
  // The loader itself knows the marker: a draft loads anywhere, carrying its list.
  PolicyLoad direct = load_policy(d.text);
  REQUIRE(direct.policy);
  CHECK(direct.policy->unverified == u);
}

TEST_CASE("policy draft: 29 February becomes 28 February in a common year - ranges are checked") {
  // staff_dates[0] (三.1) is the first "2022-05-30" in the built-in file.
  const std::string leap = replaced(builtin(), "\"date\": \"2022-05-30\"", "\"date\": \"2024-02-29\"");
  PolicyDraft d = draft_policy(leap, 2023);  // 2024-02-29 moves one year on
  REQUIRE_FALSE(d.error);
  CHECK(format_iso_date(load_policy_or_draft(d.text).policy->staff_dates[0].date) == "2025-02-28");
  PolicyDraft back = draft_policy(leap, 2018);  // four years back: a leap year again
  CHECK(format_iso_date(load_policy_or_draft(back.text).policy->staff_dates[0].date) == "2020-02-29");

  CHECK(draft_policy(builtin(), 2200).error->code == "draft_cohort");
  CHECK(draft_policy(builtin(), 1989).error->code == "draft_cohort");
  const std::string late = replaced(builtin(), "\"date\": \"2022-05-30\"", "\"date\": \"2023-01-15\"");
  PolicyDraft out_of_range = draft_policy(late, 2199);
  REQUIRE(out_of_range.error);
  CHECK(out_of_range.error->code == "draft_date_range");
  CHECK(out_of_range.error->field == "staff_dates[0].date");
  CHECK(draft_policy("{", 2026).error->code == "policy_malformed_json");
}

TEST_CASE("policy draft of another school's policy — and of a draft") {
  PolicyDraft d = draft_policy(policy_texts()[2], 2026);
  REQUIRE_FALSE(d.error);
  DraftAwareLoad load = load_policy_or_draft(d.text);
  REQUIRE(load.policy);
  CHECK(load.policy->id == "example-2026-0m");
  CHECK(format_iso_date(load.policy->deadlines[0].date) == "2026-08-20");
  PolicyDraft again = draft_policy(d.text, 2027);
  REQUIRE_FALSE(again.error);
  CHECK(load_policy_or_draft(again.text).policy->id == "example-2027-0m");
}

TEST_CASE("the unverified marker is checked: a list of existing — distinct paths") {
  const std::string base = builtin();
  auto with_marker = [&base](const std::string& marker) {
    return replaced(base, "\"last_verified\": \"2026-11-27\",", "\"last_verified\": \"2026-11-27\", \"unverified\": " + marker + ",");
  };
  DraftAwareLoad ok = load_policy_or_draft(with_marker("[\"deadlines[1].date\"]"));
  REQUIRE(ok.policy);
  CHECK(ok.unverified == std::vector<std::string>{"deadlines[1].date"});
  CHECK(load_policy_or_draft(with_marker("[]")).unverified.empty());
  auto error = [&](const std::string& marker) { return *load_policy_or_draft(with_marker(marker)).error; };
  CHECK(error("\"x\"").code == "policy_wrong_type");
  CHECK(error("\"x\"").field == "unverified");
  CHECK(error("[1]").code == "policy_wrong_type");
  CHECK(error("[1]").field == "unverified[0]");
  CHECK(error("[\"deadlines[9].date\"]").code == "policy_unknown_path");
  CHECK(error("[\"cohort\", \"cohort\"]").code == "policy_duplicate_value");
  CHECK(error("[\"cohort\", \"cohort\"]").field == "unverified[1]");
  json body = policy_tool_error_body(error("[\"nope\"]"), Lang::zh_CN);
  CHECK(body["error"]["message"] == "政策文件中“unverified[0]”的路径“nope”在文件里不存在。");
  // The engine shows a draft's state: a banner text for front ends and a warning on each outcome.
  Engine draft(*ok.policy);
  Result r = draft.evaluate_json(R"({"destination":"delayed_graduation","graduation_date":"2022-06-30"})",
                                 *parse_iso_date("2022-06-01"), Lang::en);
  REQUIRE(r.ok);
  CHECK(r.body["policy"]["unverified"] == 1);
  CHECK(r.body["policy"]["unverified_text"].get<std::string>().find("1 values have not been checked") != std::string::npos);
  bool warned = false;
  for (const auto& w : r.body["warnings"]) warned = warned || w["code"] == "policy_unverified";
  CHECK(warned);
  Engine finished(*load_policy(base).policy);
  CHECK(finished.evaluate_json(R"({})", *parse_iso_date("2022-06-01"), Lang::en).body["policy"]["unverified_text"] == "");
  CHECK(policy_tool_error_body(Error{"policy_unknown_key", "x", {{"allowed", "a"}}}, Lang::en)["error"]["code"] ==
        "policy_unknown_key");  // the loader's own errors keep their messages
}

TEST_CASE("policy diff: hxci-2022 against its 2026 draft lists the dates and the paths that change") {
  PolicyDraft d = draft_policy(builtin(), 2026);
  PolicyDiff diff = diff_policies(builtin(), d.text, Lang::zh_CN);
  REQUIRE_FALSE(diff.error);
  const json& j = diff.diff;
  CHECK(j["a"]["id"] == "hxci-2022");
  CHECK(j["b"]["id"] == "hxci-2026");
  CHECK(j["b"]["unverified"] == d.unverified.size());
  CHECK(j["years_shifted"] == 4);
  CHECK(j["clauses"].empty());
  auto value = [&j](const std::string& path) {
    for (const auto& v : j["values"])
      if (v["path"] == path) return v;
    return json();
  };
  CHECK(value("deadlines[1].date") == json{{"path", "deadlines[1].date"}, {"a", "2022-08-31"}, {"b", "2026-08-31"}});
  CHECK(value("notice_date")["b"] == "2026-05-16");
  CHECK(value("cohort")["b"] == 2026);
  CHECK(value("unverified").is_null());  // the marker is not a value of the policy
  const json& paths = j["paths"];
  CHECK(paths["total"] == 382);
  CHECK(paths["only_in_b"] == 0);
  // Paths with dates change (their dates move by four years, and only that);
  // delayed graduation and leaving at 28 have no dates and do not change.
  CHECK(paths["changed"].get<int>() + paths["unchanged"].get<int>() == 382);
  CHECK(paths["changed"].get<int>() > 250);
  CHECK(paths["dates_moved_only"] == paths["changed"]);
  const json& first = paths["changes"][0];
  CHECK(first["deadlines_removed"][0]["date"].get<std::string>().rfind("2022-", 0) == 0);
  CHECK(first["deadlines_added"][0]["date"].get<std::string>().rfind("2026-", 0) == 0);
}

TEST_CASE("policy diff: a checked draft against the draft shows the real changes") {
  PolicyDraft d = draft_policy(builtin(), 2026);
  // The new notice moved 三.2③ to 15 September and reworded it.
  std::string edited = replaced(d.text, "\"date\": \"2026-08-31\",\n      \"clause\": \"三.2③\"",
                                "\"date\": \"2026-09-15\",\n      \"clause\": \"三.2③\"");
  edited = replaced(edited, "已就业与待就业同学于2022年8月31日前完成转接；", "已就业与待就业同学于2026年9月15日前完成转接；");
  PolicyDiff diff = diff_policies(d.text, edited, Lang::en);
  REQUIRE_FALSE(diff.error);
  const json& j = diff.diff;
  REQUIRE(j["clauses"].size() == 1);
  CHECK(j["clauses"][0]["id"] == "三.2③");
  CHECK(j["clauses"][0]["change"] == "changed");
  CHECK(j["clauses"][0]["parts"] == json::array({"text.zh-CN"}));
  REQUIRE(j["values"].size() == 1);
  CHECK(j["values"][0]["path"] == "deadlines[1].date");
  CHECK(j["years_shifted"] == 0);
  CHECK(j["paths"]["dates_moved_only"] == 0);
  const json& c = j["paths"]["changes"][0];
  CHECK(c["deadlines_removed"] == json::array({{{"kind", "complete_by"}, {"date", "2026-08-31"}, {"clause", "三.2③"}}}));
  CHECK(c["deadlines_added"] == json::array({{{"kind", "complete_by"}, {"date", "2026-09-15"}, {"clause", "三.2③"}}}));
}

TEST_CASE("policy diff: a school with other options shows paths only one side has — and errors name the file") {
  PolicyDiff diff = diff_policies(policy_texts()[2], policy_texts()[1], Lang::zh_CN);  // 0 months -> 12 months' retention
  REQUIRE_FALSE(diff.error);
  CHECK(diff.diff["paths"]["only_in_b"].get<int>() > 0);
  bool retain = false;
  for (const auto& p : diff.diff["paths"]["only_in_b_paths"]) retain = retain || p["outcome_node"] == "outcome.retain_at_school";
  CHECK(retain);
  PolicyDiff bad = diff_policies(builtin(), "{}", Lang::zh_CN);
  REQUIRE(bad.error);
  CHECK(bad.which == "b");
}
