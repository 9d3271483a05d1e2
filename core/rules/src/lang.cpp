// The codes of the languages (lang.hpp), in Lang's order.
#include "xueshe/lang.hpp"

#include <array>
#include <cstddef>

#include <nlohmann/json.hpp>

namespace xueshe {
namespace {

constexpr std::array<std::string_view, 2> kCodes = {"zh-CN", "en"};
static_assert(kCodes.size() == static_cast<std::size_t>(Lang::en) + 1);

}  // namespace

std::string_view code(Lang lang) { return kCodes[static_cast<std::size_t>(lang)]; }

std::optional<Lang> lang_named(std::string_view c) {
  for (std::size_t i = 0; i < kCodes.size(); ++i)
    if (kCodes[i] == c) return static_cast<Lang>(i);
  return std::nullopt;
}

void to_json(nlohmann::json& j, Lang lang) { j = std::string(code(lang)); }

}  // namespace xueshe
