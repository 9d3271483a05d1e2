#include "policy_reader.hpp"

#include "xueshe/limits.hpp"

namespace xueshe::policy_reading {

bool PolicyReader::fail_with(const char* code, const std::string& path, const char* key, const std::string& value) {
  return fail(code, path, {{key, value}});
}

bool PolicyReader::not_one_of(const std::string& path, const std::string& got, const std::vector<std::string>& allowed) {
  return fail("policy_unknown_value", path, {{"got", got}, {"allowed", join(allowed)}});
}

StrictJson parse_policy_json(std::string_view text) {
  StrictJson parsed = parse_strict_json(text, policy_json_limits());
  if (parsed.error) parsed.error->code = "policy_" + parsed.error->code;
  return parsed;
}

}  // namespace xueshe::policy_reading
