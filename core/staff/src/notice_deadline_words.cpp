// What a notice's sentence says about one of its dates (see notice_deadline_words.hpp).
#include "xueshe/notice_deadline_words.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "notice_text.hpp"

namespace xueshe {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 3> kKinds{{
    {"基本完成", "all_complete_by"},
    {"申请", "apply_by"},
    {"完成", "complete_by"},
}};

constexpr std::array<std::pair<std::string_view, const char*>, 8> kCases{{
    {"已就业", "employed"},
    {"待就业", "unsettled_community"},
    {"未就业", "unsettled_community"},
    {"研究生", "postgraduate"},
    {"公务员", "civil_servant"},
    {"参军入伍", "military"},
    {"应征入伍", "military"},
    {"延迟毕业", "delayed_graduation"},
}};

}  // namespace

std::optional<DeadlineInWords> deadline_in_words(const std::string& text, const std::string& words) {
  if (words.empty()) return std::nullopt;
  const std::size_t at = text.find(words);
  if (at == std::string::npos) return std::nullopt;
  const std::string sentence = notice::sentence_at(text, at);
  DeadlineInWords out;
  for (const auto& [w, kind] : kKinds)
    if (sentence.find(w) != std::string::npos) {
      out.kind = kind;
      break;
    }
  if (out.kind.empty()) return std::nullopt;
  out.what = sentence;
  // The cases in the order the sentence names them, each once.
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const auto& [w, c] : kCases)
    if (const std::size_t p = sentence.find(w); p != std::string::npos) found.emplace_back(p, c);
  std::sort(found.begin(), found.end());
  for (const auto& [p, c] : found)
    if (std::find(out.applies_to.begin(), out.applies_to.end(), c) == out.applies_to.end()) out.applies_to.push_back(c);
  return out;
}

}  // namespace xueshe
