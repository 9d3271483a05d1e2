#include <iostream>

#include "commands.hpp"
#include "xueshe/calendar.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/takeaway_error.hpp"

namespace xueshe::cli {

// --format json: the result JSON (SPEC §3). --format ics: the outcome's
// calendar file, exactly its bytes; a question, an outcome without dates or
// bad input is an error object as for json (exit 2).
int run_evaluate(const CommonOptions& options, bool pretty, const std::string& format) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  std::string input = read_limited(std::cin, answers_json_limits().max_bytes);
  Result r = s.engine->evaluate_json(input, s.today, s.lang);
  if (format != "ics" || !r.ok) {
    print_json(r.body, pretty);
    return r.ok ? 0 : 2;
  }
  CalendarBuild calendar = outcome_calendar(r.body, s.lang);
  if (calendar.error) {
    print_json(takeaway_error_body(*calendar.error, s.lang), pretty);
    return 2;
  }
  std::cout << calendar.file->ics;
  return 0;
}

}  // namespace xueshe::cli
