#include "iconv_gb18030.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <vector>

namespace xueshe::cli {
namespace {

// Most GB18030 text is ASCII and two-byte codes (lead 0x81-0xFE, trail
// 0x40-0xFE but 0x7F), and iconv is slow byte by byte: each two-byte code's
// UTF-8 is asked of iconv the first time the text holds it (a roster holds a
// few hundred of the 24,000), then read from the table. Any other byte (a
// four-byte code, a code iconv refuses, a cut-off lead) and the whole text
// goes to iconv instead, so what comes out, errors included, is always what
// iconv says.
class TwoByteCodes {
 public:
  TwoByteCodes() : cd_(iconv_open("UTF-8", "GB18030")) {}
  ~TwoByteCodes() {
    if (ok()) iconv_close(cd_);
  }
  TwoByteCodes(const TwoByteCodes&) = delete;
  TwoByteCodes& operator=(const TwoByteCodes&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // nullopt: a byte the table does not answer for.
  std::optional<std::string> decode(std::string_view in) {
    std::string out(in.size() * 3 / 2 + 16, '\0');  // a two-byte code is at most three bytes of UTF-8
    const auto* b = reinterpret_cast<const unsigned char*>(in.data());
    char* o = out.data();
    for (std::size_t i = 0, n = in.size(); i < n;) {
      const unsigned c = b[i];
      if (c < 0x80) {
        *o++ = static_cast<char>(c);
        ++i;
        continue;
      }
      if (c == 0x80 || c == 0xFF || i + 1 >= n) return std::nullopt;
      const unsigned trail = b[i + 1];
      if (trail < 0x40 || trail > 0xFE || trail == 0x7F) return std::nullopt;
      const Code& code = lookup(c, trail);
      if (code.length == kRefused) return std::nullopt;
      for (unsigned k = 0; k < code.length; ++k) *o++ = code.utf8[k];
      i += 2;
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
  }

 private:
  static constexpr unsigned char kUnasked = 0, kRefused = 0xFF;
  struct Code {
    char utf8[4] = {};
    unsigned char length = kUnasked;
  };
  static std::size_t index(unsigned lead, unsigned trail) { return (lead - 0x81) * 191 + (trail - 0x40); }

  const Code& lookup(unsigned lead, unsigned trail) {
    Code& code = codes_[index(lead, trail)];
    if (code.length != kUnasked) return code;
    char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
    char* src = in;
    std::size_t src_left = 2;
    char* dst = code.utf8;
    std::size_t dst_left = sizeof code.utf8;
    const bool read = iconv(cd_, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1) && src_left == 0 &&
                      dst_left < sizeof code.utf8;
    code.length = read ? static_cast<unsigned char>(sizeof code.utf8 - dst_left) : kRefused;
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
    return code;
  }

  iconv_t cd_;
  std::vector<Code> codes_ = std::vector<Code>(126 * 191);
};

}  // namespace

std::optional<std::string> iconv_gb18030_to_utf8(std::string_view in, std::size_t& bad_offset) {
  TwoByteCodes table;
  if (table.ok())
    if (auto text = table.decode(in)) return text;
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

}  // namespace xueshe::cli
