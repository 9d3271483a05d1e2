#include "xueshe/cohort_fit.hpp"

#include "xueshe/messages.hpp"

namespace xueshe {

std::optional<std::string> cohort_misfit(const Policy& p, const Answers& used, Date today) {
  if (p.cohort == 0) return std::nullopt;
  if (auto grad = used.date("graduation_date"); grad && static_cast<int>(grad->year()) != p.cohort)
    return std::string("outside_cohort");
  if (today > p.latest_date()) return std::string("policy_passed");
  return std::nullopt;
}

std::map<std::string, std::string> cohort_misfit_params(const Policy& p, const Answers& used, Lang lang) {
  std::map<std::string, std::string> params{{"title", p.title.at(lang)},
                                            {"cohort", std::to_string(p.cohort)},
                                            {"date", format_iso_date(p.latest_date())},
                                            {"ask", p.ask_whom.at(lang)}};
  if (auto grad = used.date("graduation_date")) params["year"] = std::to_string(static_cast<int>(grad->year()));
  return params;
}

std::string cohort_misfit_key(const std::string& reason) {
  return reason == "outside_cohort" ? "graduation_outside_cohort" : "policy_dates_passed";
}

std::string cohort_misfit_text(const Policy& p, const std::string& reason, const Answers& used, Lang lang) {
  return message(lang, "warning." + cohort_misfit_key(reason), cohort_misfit_params(p, used, lang));
}

}  // namespace xueshe
