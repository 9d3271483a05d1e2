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
