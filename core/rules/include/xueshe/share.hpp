// What a share link carries (issue 15): the fewest answers that give the same
// result. Answers off the member's path, and those the policy implies, are
// dropped; the birth date becomes the age answer the outcome needs (age_band.hpp):
// the route, dates, steps and clauses stay the same, and a warning that named
// the 28th birthday says it without the date. Where the questionnaire is not
// finished and the birth date does not settle the age rule yet, it is left out
// together with every answer after it (whoever opens the link answers them again).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xueshe/engine.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct SharedAnswers {
  std::optional<Error> error;          // the answers' error, as evaluate gives it
  Answers answers;                     // what the link carries
  std::vector<std::string> order;      // its fields, in the order they were answered
  std::vector<std::string> left_out;   // fields answered but not carried, in order
  bool carries_age_band = false;       // the age answer stands for the birth date
};

SharedAnswers share_answers(const Engine& engine, const Answers& answers, Date today);

// The same as JSON, for a front end to show before copying:
// {"answers": {...}, "contains": [{"id", "name", "label"}], "left_out": [{"id", "name"}], "notes": [text]}
// or {"error": {...}} (ok = false).
Result share_json(const Engine& engine, std::string_view answers_json, Date today, Lang lang);

}  // namespace xueshe
