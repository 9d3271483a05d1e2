#include <iostream>

#include "commands.hpp"
#include "xueshe/calendar.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/member_outcome.hpp"
#include "xueshe/takeaway_error.hpp"

namespace xueshe::cli {

// --format json: the result JSON (SPEC §3). --format ics: the outcome's
// calendar file, exactly its bytes; a question, an outcome without dates or
// bad input is an error object as for json (exit 2). The file is made from the
// typed outcome (evaluate_member), not from the result JSON.
int run_evaluate(const CommonOptions& options, bool pretty, const std::string& format) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  std::string input = read_limited(std::cin, answers_json_limits().max_bytes);
  if (format != "ics") {
    Result r = s.engine->evaluate_json(input, s.today, s.lang);
    print_json(r.body, pretty);
    return r.ok ? 0 : 2;
  }
  AnswersParse parsed = parse_answers(input);
  MemberEvaluation member = parsed.error ? MemberEvaluation{std::nullopt, parsed.error}
                                         : evaluate_member(*s.engine, parsed.answers, s.today, s.lang);
  if (member.error) {
    print_json(error_body(*member.error, s.lang), pretty);
    return 2;
  }
  CalendarBuild calendar = outcome_calendar(*member.member);
  if (calendar.error) {
    print_json(takeaway_error_body(*calendar.error, s.lang), pretty);
    return 2;
  }
  std::cout << calendar.file->ics;
  return 0;
}

}  // namespace xueshe::cli
