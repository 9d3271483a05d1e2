// Internal: the fields of the 二.5 application and the rules each typed value
// must meet. The applicant object comes from a member's typing (through the
// page's module or the CLI), so every value is checked for type, length
// (Unicode code points), characters and, for dates, the strict YYYY-MM-DD form.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"

namespace xueshe {

enum class ApplicationFieldKind { text, textarea, date, tel };

struct ApplicationField {
  const char* id;
  ApplicationFieldKind kind;
  bool required;
  std::size_t max_chars;
};

// In the order of the form and the document.
const std::vector<ApplicationField>& application_fields();
const char* application_kind_name(ApplicationFieldKind kind);

// Code points of valid UTF-8 (what a member sees as characters, near enough:
// "学" and "a" count 1 each, an emoji's parts count one each).
std::size_t count_code_points(std::string_view utf8);

struct ApplicantCheck {
  std::map<std::string, std::string> values;  // every field id; "" for an optional one left empty
  std::vector<Error> errors;                  // at most one per field, in the form's order;
                                              // fields are "applicant.<id>"
};

// `applicant`: the parsed applicant value (must be an object of strings).
ApplicantCheck check_applicant(const nlohmann::json& applicant);

}  // namespace xueshe
