// Parsing and validating a member's answers (SPEC §3). Every field present is
// checked for name, type and value, relevant or not: bad input is never ignored.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "xueshe/dates.hpp"
#include "xueshe/error.hpp"

namespace xueshe {

using AnswerValue = std::variant<std::string, bool, Date>;

struct Answers {
  std::map<std::string, AnswerValue> values;

  bool has(const std::string& field) const { return values.count(field) != 0; }
  std::optional<std::string> choice(const std::string& field) const;
  std::optional<bool> flag(const std::string& field) const;
  std::optional<Date> date(const std::string& field) const;
};

// The value as the answers JSON spells it ("employed", "true", "2022-08-31").
std::string answer_token(const AnswerValue& v);

struct AnswersParse {
  Answers answers;
  std::optional<Error> error;
};

AnswersParse parse_answers(std::string_view json_text);

}  // namespace xueshe
