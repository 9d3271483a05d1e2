// Text as Markdown that shows exactly that text, for the commands that print
// Markdown (table --format md, policy diff, application): every character
// Markdown or HTML would read is backslash-escaped (CommonMark lets any ASCII
// punctuation be), so a policy's or a member's "<script>" or "*x*" is text, not
// HTML or emphasis, and "|" does not end a table cell. An "_" between two ASCII
// letters or digits is left alone: it cannot open or close emphasis there, and
// ids such as employer_org stay as written. CR is dropped; a line break is a
// hard break ("  \n"), or <br> inside a table cell.
#pragma once
#include <cctype>
#include <string>
#include <string_view>

namespace xueshe::cli {

inline std::string md_text(const std::string& s, bool cell = false) {
  constexpr std::string_view special = "\\`*_[]<>&|~#!";
  auto word = [&s](std::size_t i) { return i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])); };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') continue;
    if (c == '\n') out += cell ? "<br>" : "  \n";
    else if (c == '_' && i > 0 && word(i - 1) && word(i + 1)) out += c;
    else if (special.find(c) != std::string_view::npos) (out += '\\') += c;
    else out += c;
  }
  return out;
}

// A Markdown table cell (also a heading or a quoted line: no line breaks).
inline std::string md_cell(const std::string& s) { return md_text(s, true); }

}  // namespace xueshe::cli
