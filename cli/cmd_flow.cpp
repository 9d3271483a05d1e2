#include <iostream>

#include "commands.hpp"
#include "xueshe/flow_export.hpp"

namespace xueshe::cli {

int run_flow(const CommonOptions& options, const std::string& format) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  if (format == "dot")
    std::cout << flow_to_dot(s.engine->flow(), s.lang);
  else
    print_json(flow_to_json(s.engine->flow()), true);
  return 0;
}

int run_paths(const CommonOptions& options) {
  Setup s = setup(options);
  if (!s.engine) return 2;
  for (const auto& line : evaluate_all_paths(*s.engine, s.today, s.lang)) print_json(line, false);
  return 0;
}

}  // namespace xueshe::cli
