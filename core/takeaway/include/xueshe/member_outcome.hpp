// One member's outcome as the take-away outputs (calendar file, application)
// read it: the answers evaluated by the engine as of a date, in a language,
// kept typed. Nothing is rendered to JSON and read back, so nothing of the
// policy is lost on the way (the school's name, every clause's words).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "xueshe/engine.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct MemberOutcome {
  const Policy* policy = nullptr;  // the engine's: lives as long as the engine
  Date today;                      // the as-of date
  Lang lang = Lang::zh_CN;         // a supported language
  std::vector<Step> answered;      // the answered steps on the member's path
  std::string question;            // the field still to answer, or "" at an outcome
  std::optional<AssembledOutcome> outcome;  // at an outcome
  std::string started_by;                   // at an outcome: who starts the transfer
};

struct MemberEvaluation {
  std::optional<MemberOutcome> member;
  std::optional<Error> error;  // the answers' error, as the engine gives it (error_body renders it)
};

// `lang`: an unsupported one falls back to the default language.
MemberEvaluation evaluate_member(const Engine& engine, const Answers& answers, Date today, Lang lang);

}  // namespace xueshe
