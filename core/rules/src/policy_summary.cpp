#include "xueshe/policy_summary.hpp"

#include "xueshe/flow_export.hpp"

namespace xueshe {

nlohmann::json policy_summary(const Engine& engine, Lang lang) {
  using nlohmann::json;
  const Policy& p = engine.policy();
  json clauses = json::array(), rules = json::array(), staff = json::array();
  for (const Clause& c : p.clauses) clauses.push_back({{"id", c.id}, {"title", c.title.at(lang)}, {"text", c.text.at(lang)}});
  for (const DeadlineRule& r : p.deadlines) {
    json rule{{"kind", name(r.kind)}, {"date", format_iso_date(r.date)}, {"clause", r.clause}, {"applies_to", r.applies_to},
              {"not_for", r.not_for}, {"what", r.what.at(lang)}};
    if (r.opens) rule["opens"] = format_iso_date(*r.opens);
    rules.push_back(rule);
  }
  for (const StaffDate& d : p.staff_dates)
    staff.push_back({{"date", format_iso_date(d.date)}, {"clause", d.clause}, {"what", d.what.at(lang)}});
  // The chain, leaf first, and the file each effective value comes from.
  json layers = json::array(), from = json::array();
  for (const PolicyLayerSummary& l : p.layers)
    layers.push_back({{"id", l.id}, {"layer", l.layer}, {"title", l.title.at(lang)},
                      {"last_verified", format_iso_date(l.last_verified)}, {"hash", l.hash}});
  for (const auto& [path, layer] : p.provenance) from.push_back({{"path", path}, {"policy", layer}});
  // A layer that cites its own clause for a route whose steps it inherits makes
  // the base's words speak for its notice: list them for a person to read again.
  auto layer_of = [&p](const std::string& path) { return layer_that_set(p.provenance, path); };
  json reread = json::array();
  for (const auto& [id, route] : p.routes) {
    const std::string base = "routes." + id, clause_from = layer_of(base + ".clause");
    for (const char* part : {"steps", "org", "deadline"}) {
      const std::string words_from = layer_of(base + "." + part);
      if (!words_from.empty() && !clause_from.empty() && words_from != clause_from &&
          (std::string(part) != "deadline" || route.deadline))
        reread.push_back({{"path", base + "." + part}, {"words_from", words_from}, {"clause", route.clause},
                          {"clause_from", clause_from}});
    }
  }
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
              {"layers", layers},
              {"values_from", from},
              {"inherited_words_under_own_clause", reread},
              {"unverified", p.unverified},
              {"unverified_in_bases", p.unverified_bases},
              {"paths", enumerate_paths(engine.flow(), sample_dates(p)).size()},
              {"unreachable_nodes", unreachable_nodes(engine.flow())}};
}

}  // namespace xueshe
