// User-facing text comes from the message catalogs (core/messages/*.json,
// compiled in), zh-CN first and en second, shared by the CLI, wasm and the page.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/lang.hpp"

namespace xueshe {

// The languages this binary carries (zh-CN and en for the CLI; one for each
// page module) and the one used when a request names none it carries.
const std::vector<Lang>& supported_languages();
Lang default_language();
bool is_supported_language(Lang lang);

// At the edge: the language a request's code names when this binary carries
// it; nullopt for any other word (the front end says so or uses the default).
std::optional<Lang> carried_language(std::string_view code);
// The same, or the default language where the code names none this binary carries.
Lang language_or_default(std::string_view code);
// A language this binary carries: `lang` itself, or the default language.
Lang carried_or_default(Lang lang);

// The text for `key` in `lang` with {name} placeholders filled from params.
// An unknown key renders as the key itself (the catalog test forbids that).
std::string message(Lang lang, const std::string& key,
                    const std::map<std::string, std::string>& params = {});

// The whole catalog of one language (for front ends' own chrome strings).
const nlohmann::json& catalog(Lang lang);

// The same catalog as JSON text to hand to a front end: the parts this binary
// carries, each as compiled in, in an array ([{the engine's}, {the page's}, …];
// their keys never overlap, so merging them in order gives catalog(lang)).
// Nothing is parsed or written to make it. A language the binary does not
// carry gives the default language's.
std::string catalog_parts_text(Lang lang);

// Fill {name} placeholders; unknown names are left as they are.
std::string fill_placeholders(const std::string& text, const std::map<std::string, std::string>& params);

}  // namespace xueshe
