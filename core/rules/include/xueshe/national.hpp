// The national layer: rules above any school notice (the League Constitution's
// age rule, Party members, the separate 北京/广东/福建 systems, 系统团委), from
// sources/national-rules.md. The root of every policy chain
// (policies/cn-league.json), with its own clause ids (团章.1, 智慧团建.京粤闽, …).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xueshe/clause.hpp"
#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"

namespace xueshe {

// Help for when a transfer gets stuck (the receiver cannot be found, does not
// answer, refuses; a later move; retention ending; not transferring at all),
// shown on routes that transfer ("transfers") or keep the relationship at the
// school for a while ("retention"). Each item cites its clause; where no notice
// or national rule says it, the clause is the tool's general advice and the
// item says so.
struct StuckHelp {
  std::string id;
  std::string when;  // transfers | retention | any (either)
  Localized text;    // may use {ask}, {org}, {system}
  std::string clause;
  bool general_advice = false;
};

struct NationalLayer {
  std::string id;
  Localized title;
  Date last_verified;
  std::vector<Clause> clauses;
  Cited<int> age_limit;                  // 28 (团章.1)
  Cited<std::string> age_counted_at;     // "graduation_month" | "graduation_day"
  // "age_out", "age_out_procedure", "party_members_transfer", "why_transfer",
  // "external_systems", "guangdong_registration", "system_committees"
  std::map<std::string, std::string> rule_clauses;
  Cited<std::vector<std::string>> external_regions;  // regions with their own league system
  std::vector<StuckHelp> if_stuck;
  std::string hash;
};

}  // namespace xueshe
