// Where a member's league relationship goes (SPEC §3 `route`). Routes are data
// (the policy's route table); these are the SPEC's names, for listing them in
// its order, and what a route means for the counts staff keep.
#pragma once
#include <string>
#include <vector>

#include "xueshe/policy.hpp"

namespace xueshe {

// The SPEC's routes, in its order, then age_out and not_covered.
const std::vector<std::string>& notice_routes();

// The policy's routes: the SPEC's that it has, in the SPEC's order, then its own.
std::vector<std::string> route_order(const Policy& policy);

// Routes on which the relationship leaves the school (a transfer in 智慧团建).
bool route_is_transfer(const Policy& policy, const std::string& route);

}  // namespace xueshe
