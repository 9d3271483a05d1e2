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
  std::string hash;
};

}  // namespace xueshe
