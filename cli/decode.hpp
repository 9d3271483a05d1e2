// Roster bytes to UTF-8 text: the one step the front ends own (here iconv;
// TextDecoder on the page). "auto" takes valid UTF-8 as it is and anything
// else as GB18030, the superset of GBK that Excel uses in China.
#pragma once
#include <optional>
#include <string>

#include "xueshe/error.hpp"

namespace xueshe::cli {

struct Decoded {
  std::string text;      // UTF-8
  std::string encoding;  // "utf-8" | "gb18030": what it was read as
  std::optional<Error> error;
};

// encoding: "auto" | "utf-8" | "gb18030".
Decoded decode_roster(std::string bytes, const std::string& encoding);

}  // namespace xueshe::cli
