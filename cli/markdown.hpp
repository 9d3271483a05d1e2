// A Markdown table cell: pipes escaped, line breaks as <br>. For the staff
// commands that print tables (table --format md, policy diff).
#pragma once
#include <string>

namespace xueshe::cli {

inline std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else if (c != '\r') out += c;
  }
  return out;
}

}  // namespace xueshe::cli
