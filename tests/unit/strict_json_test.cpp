#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/random_text.hpp"
#include "xueshe/answers.hpp"
#include "xueshe/strict_json.hpp"

using namespace xueshe;

static std::string error_of(const std::string& text, JsonLimits limits = {1024, 4, 64}) {
  auto r = parse_strict_json(text, limits);
  return r.error ? r.error->code + "@" + r.error->field : "ok";
}

TEST_CASE("strict JSON rejects what nlohmann alone would accept or crash on") {
  CHECK(error_of(R"({"a":1})") == "ok");
  CHECK(error_of(R"({"a":1,"a":2})") == "duplicate_key@a");
  CHECK(error_of(R"({"a":{"b":1,"b":2}})") == "duplicate_key@a.b");
  CHECK(error_of(R"({"a":[{"b":1},{"b":1,"b":2}]})") == "duplicate_key@a[1].b");
  CHECK(error_of(R"([[[[[1]]]]])") == "too_deep@$[0][0][0][0]");
  CHECK(error_of(R"({"a":")" + std::string(65, 'x') + "\"}") == "string_too_long@a");
  CHECK(error_of(std::string(1025, ' ')) == "too_large@$");
  CHECK(error_of("") == "empty_input@$");
  CHECK(error_of(" \n\t") == "empty_input@$");
  CHECK(error_of("{") == "malformed_json@$");
  CHECK(error_of(R"({"a":1} x)") == "malformed_json@$");
  // A NUL byte is not the end of the input (nlohmann's lexer alone takes it for one).
  using namespace std::string_literals;
  CHECK(error_of("{\"a\":1}\0{garbage}"s) == "malformed_json@$");
  CHECK(error_of("{\"a\":1}\0"s) == "malformed_json@$");
  CHECK(error_of("{\"a\":\"x\0y\"}"s) == "malformed_json@$");
  CHECK(error_of("\0"s) == "malformed_json@$");
  CHECK(parse_strict_json("{\"a\":1} \0{}"s, {1024, 4, 64}).error->params.at("offset") == "9");
  CHECK(error_of("{\"a\":1} \r\n\t"s) == "ok");  // whitespace after the value is fine
  CHECK(error_of(R"({"a":"\u0000"})") == "ok");    // a NUL written as JSON writes it
  CHECK(error_of("{\"a\":\"\xff\"}") == "invalid_utf8@$");
  CHECK(error_of("{\"a\":\"\xed\xa0\x80\"}") == "invalid_utf8@$");  // a UTF-16 surrogate
  CHECK(error_of("{\"a\":\"\xc0\xaf\"}") == "invalid_utf8@$");      // overlong "/"
  CHECK(error_of("{\"a\":\"学社衔接 ✓ 🎓\"}") == "ok");
  // Keys that would make a path ambiguous are quoted (found by fuzz_evaluate).
  CHECK(error_of(R"({"":1,"":2})") == "duplicate_key@[\"\"]");
  CHECK(error_of(R"({"a":{"x.y":1,"x.y":2}})") == "duplicate_key@a[\"x.y\"]");
}

TEST_CASE("strict JSON reads RFC 8259 exactly: values — escapes — numbers — anything else names the byte") {
  auto value = [](const std::string& text) {
    auto r = parse_strict_json(text, {1 << 16, 8, 1024});
    return r.error ? r.error->code + "@" + r.error->params["offset"] : r.value.dump();
  };
  CHECK(value(R"( {"a" : [1, -2, true, false, null, "x"] } )") == R"({"a":[1,-2,true,false,null,"x"]})");
  CHECK(value(R"("\"\\\/\b\f\n\r\t")") == R"("\"\\/\b\f\n\r\t")");
  CHECK(value(R"("\u5b66\u793e")") == "\"学社\"");
  CHECK(value(R"("\ud83c\udf93")") == "\"🎓\"");  // a surrogate pair is one character
  CHECK(value(R"("\ud83c")") == "malformed_json@8");      // a lone high surrogate
  CHECK(value(R"("\udf93x")") == "malformed_json@8");     // a lone low surrogate
  CHECK(value(R"("\u12g4")") == "malformed_json@6");
  CHECK(value(R"("\x")") == "malformed_json@3");
  CHECK(value("\"a\tb\"") == "malformed_json@3");  // a raw control character
  CHECK(value("\"abc") == "malformed_json@5");     // ends inside a string
  CHECK(value("18446744073709551615") == "18446744073709551615");
  CHECK(value("-9223372036854775808") == "-9223372036854775808");
  CHECK(parse_strict_json("18446744073709551616", {64, 2, 64}).value.is_number_float());  // past 64 bits
  CHECK(parse_strict_json("1.5", {64, 2, 64}).value.get<double>() == 1.5);
  CHECK(parse_strict_json("-2.5e3", {64, 2, 64}).value.get<double>() == -2500.0);
  CHECK(parse_strict_json("1E-2", {64, 2, 64}).value.get<double>() == 0.01);
  CHECK(parse_strict_json("0.1", {64, 2, 64}).value.get<double>() == 0.1);
  CHECK(parse_strict_json("2022", {64, 2, 64}).value.is_number_integer());
  CHECK(value("01") == "malformed_json@2");  // no leading zeros
  CHECK(value("-") == "malformed_json@2");
  CHECK(value("1.") == "malformed_json@3");
  CHECK(value(".5") == "malformed_json@1");
  CHECK(value("1e") == "malformed_json@3");
  CHECK(value("+1") == "malformed_json@1");
  CHECK(value("[1,]") == "malformed_json@4");  // no trailing comma
  CHECK(value(R"({"a":1,})") == "malformed_json@8");
  CHECK(value(R"({"a" 1})") == "malformed_json@6");
  CHECK(value(R"({a:1})") == "malformed_json@2");
  CHECK(value("[1 2]") == "malformed_json@4");
  CHECK(value("tru") == "malformed_json@4");
  CHECK(value("nul") == "malformed_json@4");
  CHECK(value("True") == "malformed_json@1");
  CHECK(value("[") == "malformed_json@2");
  CHECK(value("{}") == "{}");
  CHECK(value("[[],{}]") == "[[],{}]");
  CHECK(value("1 2") == "malformed_json@3");  // one value only
}

TEST_CASE("answers are checked for name - type - value and date - relevant or not") {
  auto code = [](const std::string& text) {
    auto r = parse_answers(text);
    return r.error ? r.error->code + "@" + r.error->field : "ok";
  };
  CHECK(code(R"({"destination":"employed","self_employed":false})") == "ok");
  CHECK(code(R"({"destinaton":"employed"})") == "unknown_field@destinaton");
  // A destination may be a situation a policy names ("second_exam"): any lowercase
  // word reads here and the engine checks it against the policy; nothing else reads.
  CHECK(code(R"({"destination":"astronaut"})") == "ok");
  CHECK(code(R"({"destination":"Astronaut!"})") == "unknown_value@destination");
  CHECK(code(R"({"destination":"宇航员"})") == "unknown_value@destination");
  CHECK(code(R"({"study_level":"astronaut"})") == "unknown_value@study_level");
  CHECK(code(R"({"destination":true})") == "wrong_type@destination");
  CHECK(code(R"({"self_employed":"yes"})") == "wrong_type@self_employed");
  CHECK(code(R"({"self_employed":null})") == "wrong_type@self_employed");
  CHECK(code(R"({"graduation_date":"2022-02-30"})") == "invalid_date@graduation_date");
  CHECK(code(R"({"graduation_date":20220630})") == "wrong_type@graduation_date");
  CHECK(code(R"({"graduation_date":{"y":2022}})") == "wrong_type@graduation_date");
  CHECK(code("[]") == "not_an_object@$");
  CHECK(code(R"({"":"employed"})") == "unknown_field@[\"\"]");
  CHECK(code(R"({"destination ":"employed"})") == "unknown_field@[\"destination \"]");
}

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
  // validator's four- and eight-byte steps, and across its 64 KiB blocks.
  const std::vector<std::string> pieces = {
      "a", "2022-06-30,", "abcdefgh", "张", "已就业", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF",
      "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBF", "\xE1\x80\x80",
      // ill-formed
      "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
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
