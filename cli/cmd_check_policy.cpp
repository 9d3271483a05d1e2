#include "commands.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/limits.hpp"

namespace xueshe::cli {

int run_check_policy(const std::string& file, const std::string& lang) {
  CommonOptions o;
  o.policy_file = file;
  o.lang = lang;
  Setup s = setup(o);
  if (!s.engine) return 2;
  const Policy& p = s.engine->policy();
  nlohmann::json staff = nlohmann::json::array();
  for (const StaffDate& d : p.staff_dates)
    staff.push_back({{"date", format_iso_date(d.date)}, {"clause", d.clause}, {"what", d.what.at(s.lang)}});
  print_json({{"ok", true},
              {"id", p.id},
              {"hash", p.hash},
              {"cohort", p.cohort},
              {"last_verified", format_iso_date(p.last_verified)},
              {"clauses", p.clauses.size()},
              {"deadline_rules", p.deadlines.size()},
              {"staff_dates", staff},
              {"paths", enumerate_paths(s.engine->flow(), sample_dates(p)).size()},
              {"unreachable_nodes", unreachable_nodes(s.engine->flow())}},
             true);
  return unreachable_nodes(s.engine->flow()).empty() ? 0 : 2;
}

}  // namespace xueshe::cli
