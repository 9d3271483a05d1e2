#include "decode.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

#include "xueshe/strict_json.hpp"

namespace xueshe::cli {
namespace {

std::size_t line_at(const std::string& bytes, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') ++line;
  return line;
}

std::optional<std::string> gb18030_to_utf8(const std::string& in, std::size_t& bad_offset) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad_offset = 0;
    return std::nullopt;
  }
  std::string out(in.size() * 3 / 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t done = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ (not GB18030) or EINVAL (cut off mid-character)
    break;
  }
  iconv_close(cd);
  if (!ok) {
    bad_offset = in.size() - src_left;
    return std::nullopt;
  }
  out.resize(done);
  return out;
}

}  // namespace

Decoded decode_roster(std::string bytes, const std::string& encoding) {
  Decoded d;
  if (encoding != "gb18030" && is_valid_utf8(bytes)) {
    d.text = std::move(bytes);
    d.encoding = "utf-8";
    return d;
  }
  if (encoding == "utf-8") {
    d.error = Error{"roster_invalid_utf8", "encoding", {{"line", std::to_string(first_invalid_utf8_line(bytes))}}};
    return d;
  }
  std::size_t bad = 0;
  auto text = gb18030_to_utf8(bytes, bad);
  if (!text) {
    // auto: neither reads it whole. The line is where the reading that got
    // further stops: a UTF-8 roster with one bad byte on line 800 reads as
    // GB18030 only for a line or two, and its line is 800, not 1 or 2.
    if (encoding == "auto") bad = std::max(bad, first_invalid_utf8(bytes));
    d.error = Error{"roster_undecodable", "encoding", {{"encoding", encoding == "auto" ? "UTF-8 / GB18030" : "GB18030"}, {"line", std::to_string(line_at(bytes, bad))}}};
    return d;
  }
  d.text = std::move(*text);
  d.encoding = "gb18030";
  return d;
}

}  // namespace xueshe::cli
