// Errors are values. Every error names the field (answers) or JSON path (policy)
// it is about; "$" means the input as a whole. The text shown to the user is
// rendered from the message catalog in the user's language (see messages.hpp).
#pragma once
#include <map>
#include <string>

namespace xueshe {

struct Error {
  std::string code;   // stable, e.g. "invalid_date"; also the catalog key "error.<code>"
  std::string field;  // answers field, policy JSON path, or "$"
  std::map<std::string, std::string> params;  // placeholders for the message
  // Which of the code's messages says what went wrong ("no_such_day": catalog
  // key "error.invalid_date.no_such_day"); empty for the code's own message.
  std::string detail = {};
};

}  // namespace xueshe
