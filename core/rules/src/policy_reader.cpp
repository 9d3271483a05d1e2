#include "policy_reader.hpp"

#include "xueshe/limits.hpp"

namespace xueshe::policy_reading {

StrictJson parse_policy_json(std::string_view text) {
  StrictJson parsed = parse_strict_json(text, policy_json_limits());
  if (parsed.error) parsed.error->code = "policy_" + parsed.error->code;
  return parsed;
}

}  // namespace xueshe::policy_reading
