// The languages xueshe speaks, typed: inside core a language is a Lang, which
// can hold nothing else; its code ("zh-CN", "en") appears only where a request
// is read (lang_named, carried_language in messages.hpp) or a result written
// (code). Which of them a binary carries is the catalog table's (messages.hpp):
// every one for the CLI, one for each page module.
#pragma once
#include <iosfwd>
#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace xueshe {

enum class Lang : unsigned char { zh_CN, en };

// "zh-CN" | "en": the code of the catalogs (core/messages/<code>.json), of a
// policy's texts ({"zh-CN": …, "en": …}) and of SPEC §3's "lang".
std::string_view code(Lang lang);

// The language a code names, exactly as code() spells it; nullopt for any other word.
std::optional<Lang> lang_named(std::string_view code);

// A Lang written into JSON is its code (never its number). None is read from
// JSON implicitly (nlohmann would read a number): a code is read with
// lang_named or carried_language, where its absence can be said.
void to_json(nlohmann::json& j, Lang lang);
void from_json(const nlohmann::json& j, Lang& lang) = delete;

// A Lang written to a stream (a test's message, a log) is its code too.
std::ostream& operator<<(std::ostream& out, Lang lang);

}  // namespace xueshe
