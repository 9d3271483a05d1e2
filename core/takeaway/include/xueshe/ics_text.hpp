// RFC 5545 content lines (§3.1, §3.3.11): the byte-level rules a calendar file
// must follow whatever it says. Lines end in CRLF and are folded so that no
// line is longer than 75 octets; a continuation line starts with one space,
// and a fold never falls inside a UTF-8 character.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace xueshe {

inline constexpr std::size_t ics_max_line_octets = 75;

// A TEXT value: backslash, semicolon and comma escaped; a line break (LF, CRLF
// or CR) written as "\n"; other control characters, which TEXT cannot carry,
// dropped.
std::string ics_escape_text(std::string_view text);

// One content line ("NAME;PARAM=x:value", already escaped), folded, ending in CRLF.
std::string ics_content_line(std::string_view line);

}  // namespace xueshe
