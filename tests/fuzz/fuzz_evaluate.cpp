// libFuzzer target: arbitrary bytes as the answers JSON, through evaluate, with
// an as-of date and language taken from the first bytes.
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "result_check.hpp"
#include "xueshe/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const xueshe::Engine engine(*xueshe::load_policy(xueshe::builtin_policy_text()).policy);
  if (size < 2) return 0;
  const xueshe::Lang lang = (data[0] & 1) ? xueshe::Lang::en : xueshe::Lang::zh_CN;
  // As-of dates spread over 2021-2024, around every date of the 2022 policy.
  const xueshe::Date today = xueshe::Date{date::sys_days{date::year{2021} / 1 / 1} + date::days{data[1] * 6}};
  std::string_view answers(reinterpret_cast<const char*>(data + 2), size - 2);

  xueshe::Result r = engine.evaluate_json(answers, today, lang);
  std::string problem = xueshe::fuzzing::check_result(r.body, r.ok);
  // The same input always gives the same bytes.
  if (problem.empty() && xueshe::to_json_text(engine.evaluate_json(answers, today, lang).body) != xueshe::to_json_text(r.body))
    problem = "not deterministic";
  if (!problem.empty()) {
    std::fprintf(stderr, "property violated: %s\n%s\n", problem.c_str(), xueshe::to_json_text(r.body).c_str());
    std::abort();
  }
  return 0;
}
