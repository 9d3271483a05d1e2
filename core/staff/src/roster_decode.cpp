#include "xueshe/roster_decode.hpp"

#include <algorithm>

#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

std::size_t line_at(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n'));
}

}  // namespace

DecodedRoster decode_roster(std::string_view bytes, const std::string& encoding, Gb18030Reader gb18030) {
  DecodedRoster d;
  if (encoding != "gb18030" && is_valid_utf8(bytes)) {
    d.bytes = bytes;
    d.encoding = "utf-8";
    return d;
  }
  if (encoding == "utf-8") {
    d.error = Error{"roster_invalid_utf8", "encoding", {{"line", std::to_string(first_invalid_utf8_line(bytes))}}};
    return d;
  }
  std::size_t bad = 0;
  auto text = gb18030(bytes, bad);
  if (!text) {
    if (encoding == "auto") bad = std::max(bad, first_invalid_utf8(bytes));
    d.error = Error{"roster_undecodable", "encoding",
                    {{"encoding", encoding == "auto" ? "UTF-8 / GB18030" : "GB18030"}, {"line", std::to_string(line_at(bytes, bad))}}};
    return d;
  }
  d.converted = std::move(text);
  d.encoding = "gb18030";
  return d;
}

}  // namespace xueshe
