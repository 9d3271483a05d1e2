#include "xueshe/routes.hpp"

#include <algorithm>

namespace xueshe {

const std::vector<std::string>& notice_routes() {
  static const std::vector<std::string> routes = {
      "employer_org",          "employer_township_org", "youth_home_org",
      "new_school_org",        "special_unit_pool",     "community_mobile_branch",
      "retain_at_school",      "overseas_study_branch", "dispatching_unit_org",
      "hometown_township_org", "delayed_graduation_org", "age_out", "not_covered"};
  return routes;
}

std::vector<std::string> route_order(const Policy& policy) {
  std::vector<std::string> out;
  for (const std::string& r : notice_routes())
    if (policy.routes.count(r)) out.push_back(r);
  for (const auto& [id, entry] : policy.routes)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

bool route_is_transfer(const Policy& policy, const std::string& route) {
  const RouteEntry* entry = policy.route(route);
  return entry && entry->transfers;
}

}  // namespace xueshe
