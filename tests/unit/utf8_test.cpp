// The UTF-8 validator (core/rules/src/utf8.cpp): on x86-64 its 16-byte SSE2
// check, and (utf8_scalar_tests, XUESHE_UTF8_SCALAR) the byte-by-byte scan
// wasm runs, each against RFC 3629's table.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/random_text.hpp"
#include "xueshe/strict_json.hpp"

using namespace xueshe;

namespace {

// UTF-8 as RFC 3629 (§4, the syntax of UTF-8 byte sequences) writes it: each
// well-formed sequence by the ranges its lead byte allows for the next one.
// Where the first byte that starts no well-formed sequence is, or npos.
std::size_t reference_first_invalid_utf8(const std::string& s) {
  struct Form {
    unsigned char lead_low, lead_high, second_low, second_high;
    std::size_t length;
  };
  static const Form forms[] = {
      {0x00, 0x7F, 0, 0, 1},       {0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
      {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
      {0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4}};
  auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 0; i < s.size();) {
    const Form* form = nullptr;
    for (const Form& f : forms)
      if (byte(i) >= f.lead_low && byte(i) <= f.lead_high) form = &f;
    if (!form || s.size() - i < form->length) return i;
    if (form->length > 1 && (byte(i + 1) < form->second_low || byte(i + 1) > form->second_high)) return i;
    for (std::size_t k = 2; k < form->length; ++k)
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    i += form->length;
  }
  return std::string::npos;
}

}  // namespace

TEST_CASE("UTF-8: the validator finds the first ill-formed byte exactly where the byte-by-byte definition does") {
  // Valid characters of every length and the edges around them (E0/ED/F0/F4 leads, overlong forms, surrogates,
  // past U+10FFFF, lone continuation bytes, truncated characters), in runs of every length around the
  // validator's four-, eight- and sixteen-byte steps, and across its 64 KiB blocks.
  const std::vector<std::string> pieces = {
      "a", "2022-06-30,", "abcdefgh", "张", "已就业", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF",
      "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBF", "\xE1\x80\x80",
      // ill-formed
      "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xBF\xBF", "\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
      "\x80", "\xBF", "\xE5\x88", "\xE5", "\xF0\x90\x80", "\xE5\x88\x41", "\xE5\x41\x88", "\xFF"};
  std::mt19937 rng(20261203);
  for (int k = 0; k < 20000; ++k) {
    const std::size_t valid_only = rng() % 3 == 0 ? pieces.size() : 14;  // mostly well-formed, the rest anywhere
    const std::string s = xueshe::testing::random_text(rng, pieces, 24, valid_only);
    INFO("text of " << s.size() << " bytes, case " << k);
    CHECK(first_invalid_utf8(s) == reference_first_invalid_utf8(s));
    CHECK(is_valid_utf8(s) == (reference_first_invalid_utf8(s) == std::string::npos));
  }
  // Across a block boundary: a long valid text with one ill-formed byte or character cut at each place near it.
  std::string base;
  while (base.size() < 65536 + 64) base += "张三,2022-06-30,已就业\r\n";
  for (std::size_t at = 65536 - 12; at < 65536 + 12; ++at) {
    for (const char* bad : {"\xFF", "\x80", "\xE5\x88"}) {
      std::string s = base.substr(0, at) + bad + base.substr(at);
      INFO("ill-formed bytes inserted at " << at);
      CHECK(first_invalid_utf8(s) == reference_first_invalid_utf8(s));
    }
    const std::string cut = base.substr(0, at);  // may end inside a character
    CHECK(first_invalid_utf8(cut) == reference_first_invalid_utf8(cut));
  }
}
