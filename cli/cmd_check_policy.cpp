#include "commands.hpp"
#include "xueshe/policy_summary.hpp"

namespace xueshe::cli {

int run_check_policy(const std::string& file, const std::string& lang) {
  CommonOptions o;
  o.policy_file = file;
  o.lang = lang;
  Setup s = setup(o);
  if (!s.engine) return 2;
  nlohmann::json summary = policy_summary(*s.engine, s.lang);
  const bool whole = summary["unreachable_nodes"].empty();
  summary["ok"] = whole;
  print_json(summary, true);
  return whole ? 0 : 2;
}

}  // namespace xueshe::cli
