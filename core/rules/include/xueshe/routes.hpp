// Where a member's league relationship goes (SPEC §3 `route`).
#pragma once
#include <string>
#include <vector>

namespace xueshe {

// The routes a school notice places members on; a policy names the clause for each.
const std::vector<std::string>& notice_routes();

// Routes on which the relationship leaves the school (a transfer in 智慧团建).
bool route_is_transfer(const std::string& route);

}  // namespace xueshe
