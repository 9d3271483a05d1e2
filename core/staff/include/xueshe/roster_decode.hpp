// Roster bytes to UTF-8 text, the way every front end reads them: "auto"
// takes valid UTF-8 as it is and anything else as GB18030 (the superset of GBK
// that Excel uses in China); "utf-8" and "gb18030" only that. The GB18030
// reading is the front end's own (the CLI's iconv; the staff module's
// whatwg_gb18030_to_utf8, gb18030.hpp, as the browser reads it).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "xueshe/error.hpp"
#include "xueshe/run_tasks.hpp"

namespace xueshe {

struct DecodedRoster {
  std::string_view bytes;                // as given, when valid UTF-8
  std::optional<std::string> converted;  // the text, when it had to be converted
  std::string encoding;                  // "utf-8" | "gb18030": what it was read as
  std::optional<Error> error;            // roster_invalid_utf8 or roster_undecodable, naming the line

  std::string_view text() const { return converted ? std::string_view(*converted) : bytes; }  // UTF-8
};

// The text, or nullopt with bad_offset the first byte that starts no code.
using Gb18030Reader = std::optional<std::string> (*)(std::string_view bytes, std::size_t& bad_offset);

// encoding: "auto" | "utf-8" | "gb18030". `bytes` must outlive the result
// (valid UTF-8 is used where it is, not copied). An error names the line:
// where the first byte not UTF-8 is, or, for GB18030, the first byte that
// starts no code; in auto mode the later of the two (a UTF-8 roster with one
// bad byte on line 800 reads as GB18030 only for a line or two, and its line
// is 800).
// With `run_tasks` (run_tasks.hpp), a large file is checked as UTF-8 in two
// halves at once (cut where a character starts), with the same result.
DecodedRoster decode_roster(std::string_view bytes, const std::string& encoding, Gb18030Reader gb18030,
                            const RunTasks& run_tasks = {});

}  // namespace xueshe
