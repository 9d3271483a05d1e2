#include "xueshe/routes.hpp"

namespace xueshe {

const std::vector<std::string>& notice_routes() {
  static const std::vector<std::string> routes = {
      "employer_org",          "employer_township_org", "youth_home_org",
      "new_school_org",        "special_unit_pool",     "community_mobile_branch",
      "retain_at_school",      "overseas_study_branch", "dispatching_unit_org",
      "hometown_township_org", "delayed_graduation_org"};
  return routes;
}

bool route_is_transfer(const std::string& route) {
  return route != "retain_at_school" && route != "overseas_study_branch" &&
         route != "delayed_graduation_org" && route != "age_out";
}

}  // namespace xueshe
