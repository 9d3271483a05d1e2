#include <catch2/catch.hpp>
#include <string>
#include <vector>

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

