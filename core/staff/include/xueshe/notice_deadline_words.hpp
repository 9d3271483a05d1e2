// What a notice's sentence says about one of its dates, for the policy studio
// to propose a deadline (unverified until a person confirms it; nothing here
// becomes a rule by itself):
//
// - kind, by the sentence's words: 基本完成 → all_complete_by (the school as a
//   whole), else 申请 → apply_by, else 完成 → complete_by; a sentence with
//   none of them (报送, 召开会议: the staff's own dates) proposes no deadline;
// - what: the sentence itself, as the notice writes it;
// - applies_to: the cases the sentence names, in its order (已就业 →
//   employed, 待就业 / 未就业 → unsettled_community, 研究生 → postgraduate,
//   公务员 → civil_servant, 参军入伍 / 应征入伍 → military, 延迟毕业 →
//   delayed_graduation); none named, none proposed.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace xueshe {

struct DeadlineInWords {
  std::string kind;
  std::string what;
  std::vector<std::string> applies_to;
};

// `text`: the clause's text; `words`: the date's words as the extractor found them in it.
std::optional<DeadlineInWords> deadline_in_words(const std::string& text, const std::string& words);

}  // namespace xueshe
