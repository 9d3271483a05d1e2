// libFuzzer target: arbitrary bytes as a roster CSV. The roster is refused as a
// whole with an error, or every row comes out — none dropped, in file order —
// and the annotated CSV reads back with one record per row plus the header.
// The shortcuts (memoized, direct evaluation) and checking in parts never change a byte. The same
// bytes read as GB18030 are UTF-8 text, or stop at a byte inside them.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "result_check.hpp"
#include "xueshe/csv.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/gb18030.hpp"
#include "xueshe/strict_json.hpp"
#include "xueshe/roster.hpp"

using xueshe::fuzzing::violated;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const xueshe::Engine engine(*xueshe::load_policy(xueshe::builtin_policy_text()).policy);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The bytes read as GB18030 (the staff module's decoder): UTF-8 text, or an error inside the bytes.
  std::size_t bad = SIZE_MAX;
  if (const auto gb = xueshe::whatwg_gb18030_to_utf8(text, bad)) {
    if (!xueshe::is_valid_utf8(*gb)) violated("GB18030 read as text that is not UTF-8", *gb);
  } else if (bad >= size) {
    violated("a GB18030 error past the end: " + std::to_string(bad));
  }
  xueshe::RosterOptions options;
  options.today = xueshe::Date{date::year{2022}, date::month{8}, date::day{20}};
  options.lang = xueshe::Lang::zh_CN;
  xueshe::RosterRun run = xueshe::evaluate_roster(engine, text, options);
  if (run.error) {
    if (run.error->code.empty() || run.error->field.empty()) violated("roster error without code or field");
    return 0;
  }
  std::size_t last_line = 0;
  for (const auto& row : run.rows) {
    if (row.line <= last_line) violated("rows out of file order");
    last_line = row.line;
    if (row.outcome < 0 && run.errors(row).empty()) violated("a row with neither an outcome nor an error");
  }
  if (run.rows.size() + 1 != run.csv.records.size() && !run.csv.records.empty())
    violated("rows dropped or invented: " + std::to_string(run.rows.size()) + " rows of " +
             std::to_string(run.csv.records.size()) + " records");
  const std::string out = xueshe::annotated_roster_csv(run);
  std::string_view body(out);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  xueshe::CsvTable back = xueshe::read_csv(body);
  if (back.records.size() != run.rows.size() + 1) violated("the annotated CSV does not read back row for row");

  xueshe::RosterOptions plain = options;
  plain.memoize = false;
  plain.direct = false;
  if (xueshe::annotated_roster_csv(xueshe::evaluate_roster(engine, text, plain)) != out)
    violated("the shortcuts changed the output");

  // In parts (a destination's rows at a time, as the CLI's threads take them), run last first: the same
  // output, summary and number of evaluations.
  xueshe::RosterOptions parts = options;
  parts.parts = 3;
  parts.min_part_rows = 1;
  parts.run_tasks = [](const std::vector<std::function<void()>>& tasks) {
    for (auto t = tasks.rbegin(); t != tasks.rend(); ++t) (*t)();
  };
  const xueshe::RosterRun split = xueshe::evaluate_roster(engine, text, parts);
  if (xueshe::annotated_roster_csv(split) != out) violated("checking in parts changed the output");
  if (xueshe::roster_summary(split, engine.policy()) != xueshe::roster_summary(run, engine.policy()))
    violated("checking in parts changed the summary");
  if (split.evaluations != run.evaluations) violated("a set of answers evaluated in two parts");
  return 0;
}
