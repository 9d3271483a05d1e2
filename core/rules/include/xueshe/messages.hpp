// User-facing text comes from the message catalogs (core/messages/*.json,
// compiled in), zh-CN first and en second, shared by the CLI, wasm and the page.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xueshe {

// The languages this binary carries ({"zh-CN", "en"} for the CLI; one for
// each page module) and the one used when a request names none it carries.
const std::vector<std::string>& supported_languages();
const std::string& default_language();
bool is_supported_language(const std::string& lang);

// The text for `key` in `lang` with {name} placeholders filled from params.
// An unknown key renders as the key itself (the catalog test forbids that).
std::string message(const std::string& lang, const std::string& key,
                    const std::map<std::string, std::string>& params = {});

// The whole catalog of one language (for front ends' own chrome strings).
const nlohmann::json& catalog(const std::string& lang);

// The same catalog as JSON text to hand to a front end: the parts this binary
// carries, each as compiled in, in an array ([{the engine's}, {the page's}, …];
// their keys never overlap, so merging them in order gives catalog(lang)).
// Nothing is parsed or written to make it. A language the binary does not
// carry gives the default language's.
std::string catalog_parts_text(const std::string& lang);

// Fill {name} placeholders; unknown names are left as they are.
std::string fill_placeholders(const std::string& text, const std::map<std::string, std::string>& params);

}  // namespace xueshe
