// The built-in policy files, compiled into the binary: the national root and
// the seed notice that extends it, so the tool works with nothing beside it.
#include "xueshe/policy.hpp"

std::string_view xueshe_embedded_policy_hxci_2022();
std::string_view xueshe_embedded_policy_cn_league();

namespace xueshe {

std::string_view builtin_policy_text() { return xueshe_embedded_policy_hxci_2022(); }

std::optional<std::string> builtin_policy_file(const std::string& id) {
  if (id == "hxci-2022") return std::string(xueshe_embedded_policy_hxci_2022());
  if (id == "cn-league") return std::string(xueshe_embedded_policy_cn_league());
  return std::nullopt;
}

}  // namespace xueshe
