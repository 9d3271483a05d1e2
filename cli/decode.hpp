// Roster bytes to UTF-8 text: the one step the front ends own (here iconv;
// TextDecoder on the page). "auto" takes valid UTF-8 as it is and anything
// else as GB18030, the superset of GBK that Excel uses in China.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "xueshe/error.hpp"

namespace xueshe::cli {

struct Decoded {
  std::string_view bytes;                // as given to decode_roster, when valid UTF-8
  std::optional<std::string> converted;  // the text, when it had to be converted
  std::string encoding;                  // "utf-8" | "gb18030": what it was read as
  std::optional<Error> error;

  std::string_view text() const { return converted ? std::string_view(*converted) : bytes; }  // UTF-8
};

// encoding: "auto" | "utf-8" | "gb18030". `bytes` must outlive the result
// (valid UTF-8 is used where it is, not copied).
Decoded decode_roster(std::string_view bytes, const std::string& encoding);

}  // namespace xueshe::cli
