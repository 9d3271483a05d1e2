// Roster bytes to text: the WHATWG gb18030 decoder (the staff module's) and
// decode_roster's choice of encoding and the line it names.
#include <catch2/catch.hpp>

#include <string>

#include "xueshe/gb18030.hpp"
#include "xueshe/roster_decode.hpp"
#include "xueshe/run_tasks.hpp"

using namespace xueshe;

namespace {

std::string decoded(std::string_view bytes) {
  std::size_t bad = SIZE_MAX;
  auto text = whatwg_gb18030_to_utf8(bytes, bad);
  REQUIRE(text);
  CHECK(bad == SIZE_MAX);
  return *text;
}

std::size_t refused_at(std::string_view bytes) {
  std::size_t bad = SIZE_MAX;
  CHECK_FALSE(whatwg_gb18030_to_utf8(bytes, bad));
  return bad;
}

}  // namespace

TEST_CASE("gb18030: one- two- and four-byte codes as the Encoding Standard reads them") {
  CHECK(decoded("") == "");
  CHECK(decoded("id,2022-06-30\r\n") == "id,2022-06-30\r\n");  // ASCII as it is
  CHECK(decoded("\xD6\xD0\xCE\xC4") == "中文");                     // two-byte codes (GB2312)
  CHECK(decoded("\x81\x40") == "丂");                               // the first two-byte code (GBK), U+4E02
  CHECK(decoded("\xFE\xFE") == "\xEE\x93\x85");                     // the last, U+E4C5 (private use)
  CHECK(decoded("\x80") == "€");                                    // 0x80 alone is the euro sign
  CHECK(decoded("\x81\x30\x81\x30") == "\xC2\x80");                 // four-byte pointer 0: U+0080
  CHECK(decoded("\x84\x31\xA4\x39") == "\xEF\xBF\xBF");             // pointer 39419: U+FFFF
  CHECK(decoded("\x90\x30\x81\x30") == "\xF0\x90\x80\x80");         // pointer 189000: U+10000
  CHECK(decoded("\xE3\x32\x9A\x35") == "\xF4\x8F\xBF\xBF");         // pointer 1237575: U+10FFFF
  CHECK(decoded("\x84\x31\x95\x33") == "\xEF\xBB\xBF");             // GB18030's byte order mark is U+FEFF, kept
  // Long runs of ASCII between codes, and a text that grows past its first guess (0x80: one byte, three in UTF-8).
  const std::string ascii(1000, 'a');
  CHECK(decoded(ascii + "\xD6\xD0" + ascii) == ascii + "中" + ascii);
  std::string euros;
  for (int i = 0; i < 5000; ++i) euros += "\x80";
  std::string expected;
  for (int i = 0; i < 5000; ++i) expected += "€";
  CHECK(decoded(euros) == expected);
}

TEST_CASE("gb18030: the first byte that starts no code is where the reading stops") {
  CHECK(refused_at("ab\xFF") == 2);             // 0xFF is never a code
  CHECK(refused_at("abc\x81") == 3);            // a lead byte cut off at the end
  CHECK(refused_at("a\x81\x7F") == 1);          // 0x7F is no trail byte
  CHECK(refused_at("a\x81\x0A" "b") == 1);      // nor is a line end
  CHECK(refused_at("\xD6\xD0\x81\x30\x81") == 2);  // a four-byte code cut off
  CHECK(refused_at("\x81\x30\x7F\x30") == 0);   // its third byte out of range
  CHECK(refused_at("\x81\x30\x81\x41") == 0);   // its fourth
  CHECK(refused_at("\x84\x31\xA5\x30") == 0);   // pointer 39420: between U+FFFF and the supplementary planes
  CHECK(refused_at("\xE3\x32\x9A\x36") == 0);   // pointer 1237576: past U+10FFFF
}

TEST_CASE("decode_roster: auto reads UTF-8 as it is and anything else as GB18030 and an error names the later line") {
  const std::string utf8 = "学号,去向\r\n1,已就业\r\n";
  const std::string gb = "\xD1\xA7\xBA\xC5,\xC8\xA5\xCF\xF2\r\n1,\xD2\xD1\xBE\xCD\xD2\xB5\r\n";  // the same in GB18030
  DecodedRoster as_is = decode_roster(utf8, "auto", whatwg_gb18030_to_utf8);
  CHECK_FALSE(as_is.error);
  CHECK(as_is.encoding == "utf-8");
  CHECK(as_is.text().data() == utf8.data());  // not copied
  DecodedRoster converted = decode_roster(gb, "auto", whatwg_gb18030_to_utf8);
  CHECK_FALSE(converted.error);
  CHECK(converted.encoding == "gb18030");
  CHECK(converted.text() == utf8);
  CHECK(decode_roster(gb, "gb18030", whatwg_gb18030_to_utf8).text() == utf8);
  // A UTF-8 roster read as GB18030 when asked to: its own bytes, other characters (or an error).
  CHECK(decode_roster(utf8, "gb18030", whatwg_gb18030_to_utf8).encoding != "utf-8");

  const DecodedRoster not_utf8 = decode_roster(gb, "utf-8", whatwg_gb18030_to_utf8);
  REQUIRE(not_utf8.error);
  CHECK(not_utf8.error->code == "roster_invalid_utf8");
  CHECK(not_utf8.error->params.at("line") == "1");

  // A UTF-8 roster with one bad byte on line 3: GB18030 stops on line 1 or 2, auto names line 3.
  const std::string bad_utf8 = utf8 + "2,\xFF\r\n";
  const DecodedRoster neither = decode_roster(bad_utf8, "auto", whatwg_gb18030_to_utf8);
  REQUIRE(neither.error);
  CHECK(neither.error->code == "roster_undecodable");
  CHECK(neither.error->params.at("encoding") == "UTF-8 / GB18030");
  CHECK(neither.error->params.at("line") == "3");
  const DecodedRoster gb_only = decode_roster(gb + "2,\xFF\r\n", "gb18030", whatwg_gb18030_to_utf8);
  REQUIRE(gb_only.error);
  CHECK(gb_only.error->params.at("encoding") == "GB18030");
  CHECK(gb_only.error->params.at("line") == "3");
}

TEST_CASE("decode_roster in two halves at once: the same text - encoding and error line as in one piece") {
  const RunTasks second_first = [](const std::vector<std::function<void()>>& tasks) {
    for (auto t = tasks.rbegin(); t != tasks.rend(); ++t) (*t)();
  };
  auto same = [](const DecodedRoster& a, const DecodedRoster& b) {
    CHECK(a.encoding == b.encoding);
    CHECK(a.text() == b.text());
    REQUIRE(a.error.has_value() == b.error.has_value());
    if (a.error) {
      CHECK(a.error->code == b.error->code);
      CHECK(a.error->params == b.error->params);
    }
  };
  // Over 1 MiB (the halves' threshold) of three-byte characters, the middle landing on each byte of one.
  const std::string line = "学号,去向\r\n";        // 5 three-byte characters, a comma, CRLF
  const std::string gb_line = "\xD1\xA7\xBA\xC5,\xC8\xA5\xCF\xF2\r\n";  // the same in GB18030
  std::string body, gb_body;
  while (body.size() < (std::size_t{3} << 19)) body += line, gb_body += gb_line;
  for (std::size_t shift = 0; shift < 4; ++shift) {  // the middle moved a byte at a time, over a character and more
    const std::string utf8 = body + std::string(2 * shift, 'z'), gb = gb_body + std::string(2 * shift, 'z');
    for (const std::string& encoding : {"auto", "utf-8", "gb18030"}) {
      INFO(encoding << ", shifted by " << shift);
      same(decode_roster(utf8, encoding, whatwg_gb18030_to_utf8, second_first),
           decode_roster(utf8, encoding, whatwg_gb18030_to_utf8));
      same(decode_roster(gb, encoding, whatwg_gb18030_to_utf8, second_first),
           decode_roster(gb, encoding, whatwg_gb18030_to_utf8));
      // A bad byte in the first half, just before the middle, at it, just after it, in the second half.
      for (const double where : {0.25, 0.4999, 0.5, 0.5001, 0.75}) {
        INFO("bad byte at " << where);
        for (std::string text : {utf8, gb}) {
          text[static_cast<std::size_t>(static_cast<double>(text.size()) * where)] = '\xFF';
          const DecodedRoster halves = decode_roster(text, encoding, whatwg_gb18030_to_utf8, second_first);
          same(halves, decode_roster(text, encoding, whatwg_gb18030_to_utf8));
          CHECK(halves.error.has_value());
        }
      }
    }
  }
}
