// to_json_text is core's own JSON writer (the page's module carries no
// nlohmann serializer); it must give nlohmann's dump(…, replace) byte for byte.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "xueshe/json_text.hpp"
#include "xueshe/strict_json.hpp"

using nlohmann::json;
using xueshe::to_json_text;

namespace {

std::string nlohmann_text(const json& v, bool pretty) {
  return v.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("to_json_text writes what nlohmann's dump writes — compact and pretty") {
  using namespace std::string_literals;
  const std::vector<std::string> strings = {
      "", "plain", "学社衔接 ✓ 🎓", "quote \" backslash \\ slash /", "\b\f\n\r\t", "\x01\x1f\x7f"s,
      "nul \0 inside"s,
      "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xe5\xad", "\xe5\xad" "A", "\xe0\x80\x80", "\xf4\x90\x80\x80",
      "\xf0\x9f\x8e", "\x80\x80", "ok \xe5\xad\xa6 \xe5", "\xc3\x28", "\xf5\x80\x80\x80", "\xe1\x80\xe1\x80\x80"};
  for (const auto& s : strings) {
    CHECK(to_json_text(json(s)) == nlohmann_text(json(s), false));
    CHECK(to_json_text(json{{s, s}}, true) == nlohmann_text(json{{s, s}}, true));
  }
  const std::vector<json> values = {
      json(nullptr), json(true), json(false), json(0), json(-1), json(INT64_MIN), json(UINT64_MAX),
      json(1.5), json(-2500.0), json(0.1), json(1e300), json(5e-324), json(2022.0), json(1e21), json(123456789.125),
      json(std::numeric_limits<double>::infinity()), json(std::nan("")),
      json::object(), json::array(), json::parse(R"({"b":[1,{"c":[]},{}],"a":{"x":null,"y":[true,"z"]}})"),
      json::parse(R"([[[]],[{}],{"k":[[1,2],[3]]}])")};
  for (const auto& v : values) {
    CHECK(to_json_text(v) == nlohmann_text(v, false));
    CHECK(to_json_text(v, true) == nlohmann_text(v, true));
  }
}

TEST_CASE("what the strict reader reads — to_json_text writes back as nlohmann would") {
  for (const char* text : {R"({"a":"\u0001\u001f","b":"\ud83c\udf93","c":[1,-2,3.25,1e2]})",
                           R"(["\"","\\","\/","\b\f\n\r\t"])"}) {
    auto parsed = xueshe::parse_strict_json(text, {1 << 16, 8, 1024});
    REQUIRE_FALSE(parsed.error);
    CHECK(to_json_text(parsed.value) == nlohmann_text(parsed.value, false));
    CHECK(to_json_text(parsed.value, true) == nlohmann_text(parsed.value, true));
  }
}
