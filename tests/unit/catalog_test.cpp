#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <regex>
#include <set>

#include "support/random_text.hpp"
#include "test_policies.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/messages.hpp"

using namespace xueshe;

namespace {

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex re(R"(\{([a-z_]+)\})");
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_structured())
    for (const auto& v : j) collect_strings(v, out);
}

}  // namespace

TEST_CASE("the catalog parts are valid JSON objects whose keys do not overlap") {
  for (const Lang lang : {Lang::zh_CN, Lang::en}) {
    std::vector<std::pair<std::string, nlohmann::json>> parts;
    for (const std::string prefix : {"", "page.", "outcome.", "staff.", "takeaway."}) {
      auto part = nlohmann::json::parse(read_text(std::string(XUESHE_SOURCE_DIR) + "/core/messages/" + prefix + std::string(code(lang)) + ".json"));
      INFO(prefix << lang);
      REQUIRE(part.is_object());
      parts.emplace_back(prefix, std::move(part));
    }
    std::size_t total = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      total += parts[i].second.size();
      for (std::size_t j = 0; j < i; ++j)
        for (auto it = parts[i].second.begin(); it != parts[i].second.end(); ++it) {
          INFO(parts[i].first << lang << " and " << parts[j].first << lang << " both have " << it.key());
          CHECK_FALSE(parts[j].second.contains(it.key()));
        }
    }
    CHECK(catalog(lang).size() == total);
  }
}

TEST_CASE("the roster vocabulary's words are in the engine - page and staff parts - none in the outcome or take-away parts") {
  // roster_columns.cpp reads every language's engine, page and staff parts, and where a binary displays the
  // language reads them in catalog(), which holds the outcome and take-away parts too: a word of the
  // vocabulary there would be understood by one binary and not by another.
  for (const Lang lang : {Lang::zh_CN, Lang::en})
    for (const std::string prefix : {"outcome.", "takeaway."}) {
      auto part = nlohmann::json::parse(read_text(std::string(XUESHE_SOURCE_DIR) + "/core/messages/" + prefix + std::string(code(lang)) + ".json"));
      for (auto it = part.begin(); it != part.end(); ++it)
        for (const char* vocabulary : {"roster.column.", "option.", "roster.value.", "bool.", "roster.status."}) {
          INFO(prefix << lang << " has " << it.key());
          CHECK(it.key().rfind(vocabulary, 0) != 0);
        }
    }
}

TEST_CASE("zh-CN and en catalogs have the same keys and placeholders") {
  const auto& zh = catalog(Lang::zh_CN);
  const auto& en = catalog(Lang::en);
  REQUIRE(zh.size() > 100);
  CHECK(zh.size() == en.size());
  for (auto it = zh.begin(); it != zh.end(); ++it) {
    INFO(it.key());
    REQUIRE(en.contains(it.key()));
    CHECK(placeholders(it.value().get<std::string>()) == placeholders(en[it.key()].get<std::string>()));
  }
}

TEST_CASE("every text on every path of every policy comes from the catalog - in both languages") {
  static const std::regex raw_key(R"(^(question|option|route|step|deadline|warning|state|error|note|basis|bool)\.[a-z_.]+$)");
  static const std::regex unfilled(R"(\{[a-z_]+\})");
  for (const auto& text : policy_texts()) {
    Engine engine(must_load(text));
    for (const Lang lang : {Lang::zh_CN, Lang::en}) {
      for (const auto& line : evaluate_all_paths(engine, engine.policy().notice_date, lang)) {
        std::vector<std::string> strings;
        collect_strings(line["result"], strings);
        for (const auto& s : strings) {
          INFO(engine.policy().id << " " << lang << " " << line["answers"].dump() << ": " << s);
          CHECK_FALSE(std::regex_match(s, raw_key));
          CHECK_FALSE(std::regex_search(s, unfilled));
        }
      }
    }
  }
}

TEST_CASE("catalog_parts_text: the parts as compiled in, merged in order, are the catalog") {
  for (Lang lang : supported_languages()) {
    const nlohmann::json parts = nlohmann::json::parse(catalog_parts_text(lang));
    REQUIRE(parts.is_array());
    CHECK(parts.size() >= 2);  // the engine's and at least one front end's
    nlohmann::json merged = nlohmann::json::object();
    for (const auto& part : parts) {
      REQUIRE(part.is_object());
      merged.update(part);
    }
    CHECK(merged == catalog(lang));
  }
  // A code no Lang has is no language: the edges (CLI, wasm bindings) say so or use the default.
  for (const char* code : {"fr", "", "zh", "zh-cn", "EN", "en "}) CHECK_FALSE(carried_language(code));
  CHECK(carried_language("zh-CN") == Lang::zh_CN);
  CHECK(carried_language("en") == Lang::en);
}

namespace {

// The placeholder rule the slow and obvious way, character by character: "{name}" with a parameter of that name
// is its value; any other brace is kept as written.
std::string reference_fill(const std::string& text, const std::map<std::string, std::string>& params) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        const auto it = params.find(text.substr(i + 1, close - i - 1));
        if (it != params.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

TEST_CASE("catalog: placeholders are filled exactly as the character-by-character rule fills them") {
  const std::map<std::string, std::string> params = {
      {"date", "2022-08-31"}, {"ask", "校团委"}, {"a", "{date}"}, {"", "empty"}, {"long_parameter_name_here", "x"}};
  const std::vector<std::string> pieces = {"请于", "{date}", "{ask}", "{a}", "{}", "{", "}", "{unknown}", "前完成",
                                           "{long_parameter_name_here}", "{{date}}", " ", "z"};
  std::mt19937 rng(84);
  for (int k = 0; k < 20000; ++k) {
    const std::string text = xueshe::testing::random_text(rng, pieces, 8);
    INFO("text <" << text << ">");
    CHECK(fill_placeholders(text, params) == reference_fill(text, params));
  }
}
