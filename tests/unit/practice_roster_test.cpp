// The made-up roster the staff page practises on while it waits for a file: it
// must be a roster like a real one (every path, complete, each birth date its
// own), or the practice would leave the real roster's code cold.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "test_policies.hpp"
#include "xueshe/decision_table.hpp"
#include "xueshe/practice_roster.hpp"
#include "xueshe/roster.hpp"

using namespace xueshe;

TEST_CASE("practice roster: every path in turn, complete, without an error, each row its own birth date") {
  for (const auto& text : policy_texts()) {
    for (const Lang lang : {Lang::zh_CN, Lang::en}) {
      Engine engine(must_load(text));
      const Date today = engine.policy().notice_date;
      const DecisionTable table = decision_table(engine, today, lang);
      const std::size_t paths = table.rows.size();
      REQUIRE(paths > 1);
      const std::size_t rows = 3 * paths + 1;
      RosterOptions options;
      options.today = today;
      options.lang = lang;
      const std::string text = practice_roster_csv(engine, lang, rows);  // the run's cells are views into it
      const RosterRun run = evaluate_roster(engine, text, options);
      INFO(engine.policy().id << " " << (lang == Lang::en ? "en" : "zh-CN"));
      REQUIRE_FALSE(run.error);
      REQUIRE(run.rows.size() == rows);
      for (const RosterColumn& c : run.columns) CHECK_FALSE(c.id.empty());  // every header read as its column
      std::set<std::string> births;
      std::size_t birth_cells = 0;
      std::size_t birth = SIZE_MAX;
      for (std::size_t c = 0; c < run.columns.size(); ++c)
        if (run.columns[c].id == "birth_date") birth = c;
      REQUIRE(birth != SIZE_MAX);
      for (std::size_t i = 0; i < rows; ++i) {
        const RosterRow& row = run.rows[i];
        INFO("row " << i + 1);
        REQUIRE_FALSE(row.has_error(run.outcomes));
        CHECK(run.outcomes[static_cast<std::size_t>(row.outcome)].route == table.rows[i % paths].route);
        CHECK(row.duplicate < 0);
        const std::string_view cell = run.csv.field(run.csv.records[row.record], birth);
        if (!cell.empty()) {
          ++birth_cells;
          births.insert(std::string(cell));
        }
      }
      // Row i born i % 2000 days before its path's date (the age rule
      // allowing): nearly every row of the first 2,000 a birth date of its own.
      CHECK(birth_cells > 2 * paths);
      CHECK(births.size() * 10 > std::min<std::size_t>(birth_cells, 2000) * 9);
    }
  }
}
