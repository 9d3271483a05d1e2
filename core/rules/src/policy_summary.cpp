#include "xueshe/policy_summary.hpp"

#include "xueshe/flow_export.hpp"

namespace xueshe {

nlohmann::json policy_summary(const Engine& engine, const std::string& lang) {
  using nlohmann::json;
  const Policy& p = engine.policy();
  json clauses = json::array(), rules = json::array(), staff = json::array();
  for (const Clause& c : p.clauses) clauses.push_back({{"id", c.id}, {"title", c.title.at(lang)}, {"text", c.text.at(lang)}});
  for (const DeadlineRule& r : p.deadlines) {
    json rule{{"kind", r.kind}, {"date", format_iso_date(r.date)}, {"clause", r.clause}, {"applies_to", r.applies_to},
              {"not_for", r.not_for}, {"what", r.what.at(lang)}};
    if (r.opens) rule["opens"] = format_iso_date(*r.opens);
    rules.push_back(rule);
  }
  for (const StaffDate& d : p.staff_dates)
    staff.push_back({{"date", format_iso_date(d.date)}, {"clause", d.clause}, {"what", d.what.at(lang)}});
  return json{{"id", p.id},
              {"hash", p.hash},
              {"title", p.title.at(lang)},
              {"school", p.school.at(lang)},
              {"cohort", p.cohort},
              {"notice_date", format_iso_date(p.notice_date)},
              {"last_verified", format_iso_date(p.last_verified)},
              {"latest_date", format_iso_date(p.latest_date())},
              {"ask_whom", p.ask_whom.at(lang)},
              {"clauses", clauses},
              {"deadline_rules", rules},
              {"staff_dates", staff},
              {"unverified", p.unverified},
              {"paths", enumerate_paths(engine.flow(), sample_dates(p)).size()},
              {"unreachable_nodes", unreachable_nodes(engine.flow())}};
}

}  // namespace xueshe
