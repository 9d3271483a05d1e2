#include <iostream>

#include "commands.hpp"
#include "xueshe/limits.hpp"

namespace xueshe::cli {

int run_evaluate(const CommonOptions& options, bool pretty) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  std::string input = read_limited(std::cin, answers_json_limits().max_bytes);
  Result r = s.engine->evaluate_json(input, s.today, s.lang);
  print_json(r.body, pretty);
  return r.ok ? 0 : 2;
}

}  // namespace xueshe::cli
