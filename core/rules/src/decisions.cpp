// Decisions the flow takes without asking, from answers already given.
//
// at_age_limit_by_graduation (团章.1, 离团.毕业生): the member reaches the age
// limit (28) on or before graduation — counted at the graduation month, as the
// schools' notices do, so a birthday later in the graduation month counts; or
// as a share link's age_band says it came out.
#include "xueshe/flow.hpp"

#include "xueshe/age_band.hpp"
#include "xueshe/age_rule.hpp"

namespace xueshe {

std::optional<bool> decide(const Flow& flow, const std::string& decision, const Answers& used) {
  if (decision == "at_age_limit_by_graduation") {
    // A share link's age answer, in place of the birth date (age_band.hpp).
    if (auto band = used.choice(age_band::field)) return *band == age_band::at_limit;
    auto birth = used.date("birth_date");
    auto graduation = used.date("graduation_date");
    if (!birth || !graduation) return std::nullopt;
    return at_age_limit_by(flow, *birth, *graduation);
  }
  return std::nullopt;
}

void make_decision_hold(const Flow& flow, const std::string& decision, bool branch, std::vector<Step>& steps) {
  if (decision != "at_age_limit_by_graduation") return;
  Date graduation{};
  for (const Step& s : steps)
    if (s.field == "graduation_date") graduation = std::get<Date>(s.value);
  // Two years past the limit, or six years under it.
  const int years = branch ? flow.age_limit + 2 : flow.age_limit - 6;
  for (Step& s : steps)
    if (s.field == "birth_date") s.value = add_months_clamped(graduation, -12 * years);
}

}  // namespace xueshe
