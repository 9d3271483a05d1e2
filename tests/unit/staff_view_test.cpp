// The staff page's view (staff_view.hpp): a row's errors with the reason the
// cell is needed, warnings said to staff, and the decision table grouped by
// route with the usual paths first and every id in words.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "test_policies.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/roster.hpp"
#include "xueshe/routes.hpp"
#include "xueshe/staff_view.hpp"

using namespace xueshe;
using nlohmann::json;

namespace {

const Engine& hxci() {
  static const Engine engine(must_load(std::string(builtin_policy_text())));
  return engine;
}

RosterRun check(const std::string& text, Lang lang = Lang::zh_CN) {
  RosterOptions o;
  o.today = *parse_iso_date("2022-07-01");
  o.lang = lang;
  return evaluate_roster(hxci(), text, o);
}

const char* kHeader = "学号,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,接收地区\r\n";

}  // namespace

TEST_CASE("an empty cell's error says why the row needs it") {
  const std::string text = std::string(kHeader) +
                           "1,已就业,2022-06-30,1990-01-01,否,,否,否,否,是,其他\r\n"  // 28 or older: the league post
                           "2,已就业,2022-06-30,2000-01-01,否,,否,否,否,,其他\r\n"    // the employer's org
                           "3,,2022-06-30,2000-01-01,否,,,,,,\r\n";                     // no destination at all
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    RosterRun run = check(text, lang);
    REQUIRE_FALSE(run.error);
    REQUIRE(run.rows.size() == 3);
    std::vector<std::string> messages;
    for (std::size_t r = 0; r < 3; ++r) {
      const json row = roster_row_view(run, r);
      REQUIRE(row["errors"].size() == 1);
      messages.push_back(row["errors"][0]["message"].get<std::string>());
      CHECK(messages.back().find("你") == std::string::npos);
    }
    if (lang == Lang::zh_CN) {
      CHECK(messages[0] == "毕业当月 28 岁及以上，需要知道“是否担任团内职务”（这一格是空的）。");
      CHECK(messages[1].find("，需要知道“单位是否有团组织”（这一格是空的）。") != std::string::npos);
      CHECK(messages[1].rfind("“", 0) == 0);  // the answer that led there, by its column
      CHECK(messages[2] == "每一行都需要知道“去向”（这一格是空的）。");
    } else {
      CHECK(messages[0] == "28 or older in the graduation month, so “是否担任团内职务” is needed (the cell is empty).");
      CHECK(messages[2] == "Every row needs “去向” (the cell is empty).");
    }
  }
}

TEST_CASE("a row's warnings are said to staff — its route and dates by name") {
  const std::string text = std::string(kHeader) + "1,已就业,2022-06-30,1990-01-01,否,否,否,否,否,是,其他\r\n";
  RosterRun run = check(text);  // its cells are views into text
  REQUIRE_FALSE(run.error);
  const json row = roster_row_view(run, 0);
  REQUIRE(row["route"] == "age_out");
  CHECK(row["route_name"] == message(Lang::zh_CN, "roster.route.age_out"));
  REQUIRE(row["warnings"].size() == 1);
  CHECK(row["warnings"][0]["code"] == "age_out_no_transfer");
  CHECK(row["warnings"][0]["text"] == message(Lang::zh_CN, "roster.warning.age_out_no_transfer", {{"limit", "28"}}));
  CHECK(row["warnings"][0]["text"].get<std::string>().find("你") == std::string::npos);
}

TEST_CASE("every staff warning text has the member text's placeholders and no 你") {
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    const json& cat = catalog(lang);
    for (auto it = cat.begin(); it != cat.end(); ++it) {
      const std::string key = it.key();
      if (key.rfind("warning.", 0) != 0) continue;
      const std::string staff = "roster.warning." + key.substr(8);
      INFO(lang << " " << staff);
      REQUIRE(cat.contains(staff));
      if (lang == Lang::zh_CN) CHECK(cat[staff].get<std::string>().find("你") == std::string::npos);
      // Every placeholder of the staff text is one the member text is filled with.
      const std::string text = cat[staff].get<std::string>(), member = it.value().get<std::string>();
      for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const std::string name = text.substr(open, text.find('}', open) - open + 1);
        CHECK(member.find(name) != std::string::npos);
      }
    }
  }
}

TEST_CASE("the decision table view: grouped by route in the policy's order — the usual paths first — no ids as text") {
  const Date today = *parse_iso_date("2022-07-01");
  const DecisionTable table = decision_table(hxci(), today, Lang::zh_CN);
  const json view = decision_table_view(hxci(), today, Lang::zh_CN);
  CHECK(view["count"] == table.rows.size());
  const std::vector<std::string> order = route_order(hxci().policy());
  std::set<std::size_t> numbers;
  std::set<std::string> seen;
  std::size_t last_rank = 0;
  for (const json& g : view["groups"]) {
    const std::string route = g["route"].get<std::string>();
    CHECK(seen.insert(route).second);  // one group per route
    const auto at = std::find(order.begin(), order.end(), route);
    if (at != order.end()) {
      const auto rank = static_cast<std::size_t>(at - order.begin());
      CHECK(rank >= last_rank);
      last_rank = rank;
    }
    CHECK(g["name"] == message(Lang::zh_CN, "roster.route." + route));
    int previous = -1;
    for (const json& r : g["rows"]) {
      numbers.insert(r["number"].get<std::size_t>());
      const TableRow& row = table.rows[r["number"].get<std::size_t>() - 1];
      CHECK(row.route == route);
      const int rarity = decision_path_rarity(row.answers);
      CHECK(rarity >= previous);
      previous = rarity;
      const std::string words = r.dump();
      for (const std::string& w : row.warnings) CHECK(words.find("\"" + w + "\"") == std::string::npos);
      for (const json& a : r["answers"]) CHECK(a["word"].get<std::string>().find('_') == std::string::npos);
      for (const json& w : r["warnings"]) CHECK(w.get<std::string>().rfind("roster.", 0) != 0);
    }
  }
  CHECK(numbers.size() == table.rows.size());
  // The first path is the usual one: no Party member, under the age limit, region other.
  const json& first = view["groups"][0]["rows"][0];
  CHECK(decision_path_rarity(table.rows[first["number"].get<std::size_t>() - 1].answers) == 0);
}

TEST_CASE("the policy header: the policy's names in the page's language and a draft's banner") {
  const Policy& p = hxci().policy();
  const json finished = staff_policy_view(p, {}, Lang::en);
  CHECK(finished["id"] == p.id);
  CHECK(finished["cohort"] == p.cohort);
  CHECK(finished["hash"] == p.hash);
  CHECK(finished["notice_date"] == format_iso_date(p.notice_date));
  CHECK(finished["title"] == p.title.at("en"));
  CHECK(finished["unverified"] == json::array());
  CHECK_FALSE(finished.contains("banner"));
  const json draft = staff_policy_view(p, {"routes.x.org", "deadlines.y"}, Lang::zh_CN);
  CHECK(draft["title"] == p.title.at("zh-CN"));
  CHECK(draft["unverified"].size() == 2);
  CHECK(draft["banner"] == message(Lang::zh_CN, "warning.policy_unverified", {{"id", p.id}, {"n", "2"}}));
}

TEST_CASE("the column mapping from the page: ids by column index - null as the header says - errors name the entry") {
  std::map<std::size_t, std::string> columns;
  CHECK_FALSE(roster_columns_from_json("", columns));
  CHECK(columns.empty());
  CHECK_FALSE(roster_columns_from_json(R"([null, "destination", ""])", columns));
  CHECK(columns == std::map<std::size_t, std::string>{{1, "destination"}, {2, ""}});
  std::map<std::size_t, std::string> bad;
  CHECK(roster_columns_from_json("[", bad)->code == "malformed_json");
  CHECK(roster_columns_from_json("{}", bad)->field == "columns");
  const std::optional<Error> number = roster_columns_from_json(R"(["name", 3])", bad);
  REQUIRE(number);
  CHECK(number->code == "wrong_type");
  CHECK(number->field == "columns[1]");
}

TEST_CASE("a roster rejected whole still shows what each header is taken for") {
  const std::string text = "学号,方向,毕业日期\r\n1,已就业,2022-06-30\r\n";  // no 去向 column
  RosterRun run = check(text);
  REQUIRE(run.error);
  const json view = roster_check_view(run, hxci().policy(), 0, {});
  CHECK(view["error"]["code"] == "roster_no_destination_column");
  REQUIRE(view["columns"].size() == 3);
  CHECK(view["columns"][0] == json{{"header", "学号"}, {"column", "student_id"}});
  CHECK(view["columns"][1] == json{{"header", "方向"}, {"column", nullptr}});
  CHECK(view["columns"][2]["column"] == "graduation_date");
  CHECK(view["column_choices"] == roster_column_choices(Lang::zh_CN));
  // The mapping the page sent is what the view says the column is.
  const json mapped = roster_header_view(run, hxci().policy(), {{1, "destination"}, {0, ""}});
  CHECK(mapped[1]["column"] == "destination");
  CHECK(mapped[0]["column"] == nullptr);
  // No header that could be read: no columns.
  RosterRun empty = check("");
  REQUIRE(empty.error);
  CHECK(roster_header_view(empty, hxci().policy(), {}).is_null());
  CHECK_FALSE(roster_check_view(empty, hxci().policy(), 0, {}).contains("columns"));
}

TEST_CASE("a checked roster's view: its summary with the draft's unverified count - the route order") {
  const std::string text = std::string(kHeader) + "1,已就业,2022-06-30,2000-01-01,否,,否,否,否,是,其他\r\n";
  RosterRun run = check(text);
  REQUIRE_FALSE(run.error);
  const json view = roster_check_view(run, hxci().policy(), 3, {});
  json summary = roster_summary(run, hxci().policy());
  summary["policy"]["unverified"] = 3;
  CHECK(view["summary"] == summary);
  CHECK(view["route_order"] == route_order(hxci().policy()));
  CHECK(view["column_choices"] == roster_column_choices(Lang::zh_CN));
  CHECK_FALSE(view.contains("error"));
}

TEST_CASE("the page's filter: each part narrows - text in the student number or name") {
  const std::string text =
      "学号,姓名,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,接收地区\r\n"
      "2022001,张三,已就业,2022-06-30,2000-01-01,否,,否,否,否,是,其他\r\n"   // 0: employer, fine
      "2022002,李四,延迟毕业,,2000-01-01,否,,,,,,\r\n"                          // 1: delayed graduation
      "2022001,王五,已就业,2022-06-30,2000-01-01,否,,否,否,否,,其他\r\n"       // 2: duplicate number, an error
      "2022004,张四,已就业,2022-06-30,2000-01-01,否,,否,否,否,是,其他\r\n";    // 3: employer, fine
  RosterRun run = check(text);
  REQUIRE_FALSE(run.error);
  REQUIRE(run.rows.size() == 4);
  auto select = [&run](const std::string& filter) { return roster_select(run, roster_filter_from_json(filter)); };
  using Rows = std::vector<std::uint32_t>;
  CHECK(select("") == Rows{0, 1, 2, 3});
  CHECK(select("not json") == Rows{0, 1, 2, 3});
  CHECK(select(R"({"route": 5, "errors": "yes"})") == Rows{0, 1, 2, 3});  // other types filter nothing
  const std::string employer = run.outcomes[static_cast<std::size_t>(run.rows[0].outcome)].route;
  CHECK(select(R"({"route": ")" + employer + R"("})") == Rows{0, 3});
  CHECK(select(R"({"errors": true})") == Rows{2});
  CHECK(select(R"({"duplicates": true})") == Rows{0, 2});
  CHECK(select(R"({"text": " 张 "})") == Rows{0, 3});       // trimmed, in the name
  CHECK(select(R"({"text": "2022004"})") == Rows{3});        // in the student number
  CHECK(select(R"({"text": "张", "duplicates": true})") == Rows{0});
  const auto urgent = run.outcomes[static_cast<std::size_t>(run.rows[0].outcome)].urgent_state;
  const std::string state(urgent ? name(*urgent) : "none");
  CHECK(select(R"({"state": ")" + state + R"(", "route": ")" + employer + R"("})") ==
        Rows{0, 3});
  CHECK(select(R"({"state": "no such state"})").empty());
}
