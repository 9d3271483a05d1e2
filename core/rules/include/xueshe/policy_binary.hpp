// A loaded policy in a compact form, for a module that carries only the
// built-in policy (the page's first-load modules): written at build time from
// the policy as load_policy makes it, read back without the policy loader or
// a JSON parser. Not a file format for people: a policy is written as JSON
// (README, "Writing a policy"); this form changes whenever Policy does, and
// is made by the same build that reads it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "xueshe/policy.hpp"

namespace xueshe {

std::string policy_to_binary(const Policy& policy);

// The policy `bytes` hold; nullopt when they are cut short, carry trailing
// bytes, or hold a value no policy can (an unknown kind, an impossible date).
std::optional<Policy> policy_from_binary(std::string_view bytes);

}  // namespace xueshe
