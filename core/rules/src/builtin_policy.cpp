#include "xueshe/policy.hpp"

std::string_view xueshe_embedded_policy_hxci_2022();

namespace xueshe {

std::string_view builtin_policy_text() { return xueshe_embedded_policy_hxci_2022(); }

}  // namespace xueshe
