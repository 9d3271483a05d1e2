// The take-away bindings' input, as the page's own module takes it: the
// policy (its text and base files, page_policy.hpp), the answers (JSON
// text), the as-of date and the language, evaluated into the member's typed
// outcome. Whatever is wrong with them is the engine's error body, in the
// engine's words.
#pragma once
#include <optional>
#include <string>

#include "page_policy.hpp"
#include "xueshe/json_text.hpp"
#include "xueshe/member_outcome.hpp"

namespace xueshe_wasm {

class TakeawayMember {
 public:
  // `lang`: a supported language (the bindings check it first, in their own words).
  TakeawayMember(const std::string& policy_text, const std::string& bases, const std::string& answers_json,
                 const std::string& today, xueshe::Lang lang) {
    if (std::optional<xueshe::Error> e = evaluate(policy_text, bases, answers_json, today, lang))
      error_ = xueshe::to_json_text(xueshe::error_body(*e, lang));
  }
  TakeawayMember(const TakeawayMember&) = delete;  // member() points into the engine
  TakeawayMember& operator=(const TakeawayMember&) = delete;

  const std::string& error() const { return error_; }   // "" when member() holds
  const xueshe::MemberOutcome& member() const { return *member_; }

 private:
  std::optional<xueshe::Error> evaluate(const std::string& policy_text, const std::string& bases,
                                        const std::string& answers_json, const std::string& today,
                                        xueshe::Lang lang) {
    auto load = load_page_policy(policy_text, bases);
    if (!load.policy) return load.error;
    engine_.emplace(std::move(*load.policy));
    auto day = xueshe::parse_iso_date(today);
    if (!day) return xueshe::Error{"bad_today", "today", {{"got", today}}};
    xueshe::AnswersParse answers = xueshe::parse_answers(answers_json);
    if (answers.error) return answers.error;
    xueshe::MemberEvaluation evaluated = xueshe::evaluate_member(*engine_, answers.answers, *day, lang);
    if (evaluated.error) return evaluated.error;
    member_ = std::move(evaluated.member);
    return std::nullopt;
  }

  std::optional<xueshe::Engine> engine_;
  std::optional<xueshe::MemberOutcome> member_;
  std::string error_;
};

}  // namespace xueshe_wasm
