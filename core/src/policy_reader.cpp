#include "policy_reader.hpp"

#include "xueshe/limits.hpp"

namespace xueshe::policy_reading {

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 0xF];
  return out;
}


StrictJson parse_policy_json(std::string_view text) {
  StrictJson parsed = parse_strict_json(text, policy_json_limits());
  if (parsed.error) parsed.error->code = "policy_" + parsed.error->code;
  return parsed;
}

}  // namespace xueshe::policy_reading
