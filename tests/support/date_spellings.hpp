// A day spelt the ways a member may type it (xueshe/member_date.hpp), for
// tests that check each spelling gives what YYYY-MM-DD gives.
#pragma once
#include <string>
#include <vector>

namespace xueshe::testing {

// ASCII digits and separators in full width (２０２２／６／３０); other characters as they are.
inline std::string full_width(const std::string& ascii) {
  std::string out;
  for (char c : ascii) {
    if (c >= '0' && c <= '9') out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
    else if (c == '/') out += "／";
    else if (c == '-') out += "－";
    else if (c == '.') out += "．";
    else out += c;
  }
  return out;
}

// The day `iso` (YYYY-MM-DD) in every spelling besides YYYY-MM-DD itself.
inline std::vector<std::string> date_spellings(const std::string& iso) {
  const std::string y = iso.substr(0, 4), mm = iso.substr(5, 2), dd = iso.substr(8, 2);
  const std::string m = mm[0] == '0' ? mm.substr(1) : mm, d = dd[0] == '0' ? dd.substr(1) : dd;
  return {y + "/" + m + "/" + d,
          y + "-" + m + "-" + d,
          y + "." + m + "." + d,
          y + "年" + m + "月" + d + "日",
          y + "年" + mm + "月" + dd + "号",
          y + " 年 " + m + " 月 " + d + " 日",
          y + mm + dd,
          full_width(y + "/" + m + "/" + d),
          full_width(iso),
          full_width(y + "." + m + "." + d),
          full_width(y) + "年" + full_width(m) + "月" + full_width(d) + "日",
          full_width(y + mm + dd),
          " " + y + "/" + mm + "/" + dd + " "};
}

}  // namespace xueshe::testing
