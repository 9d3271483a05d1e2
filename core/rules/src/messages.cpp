#include "xueshe/messages.hpp"

#include <string_view>

#include "xueshe/catalog_table.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {

// The parts of one language's catalog this binary carries, merged (their keys never overlap: the catalog test checks).
nlohmann::json merged_catalog(const EmbeddedCatalog& entry) {
  const JsonLimits limits{1 << 20, 2, 1 << 16};
  nlohmann::json out = nlohmann::json::object();
  for (auto part : {entry.engine, entry.page, entry.outcome, entry.staff, entry.takeaway}) {
    if (!part) continue;
    StrictJson parsed = parse_strict_json(part(), limits);
    if (!parsed.error && parsed.value.is_object()) out.update(parsed.value);
  }
  return out;
}

// The table's entry for a language; the default language's (the first) where the binary does not carry it.
const EmbeddedCatalog& entry_for(Lang lang) {
  const CatalogTable table = catalog_table();
  for (std::size_t i = 0; i < table.count; ++i)
    if (lang_named(table.entries[i].lang) == lang) return table.entries[i];
  return table.entries[0];
}

const std::vector<Lang>& supported_languages() {
  // Immutable after first use: constant data, not state.
  static const std::vector<Lang> langs = [] {
    std::vector<Lang> out;
    CatalogTable table = catalog_table();
    for (std::size_t i = 0; i < table.count; ++i)
      if (auto lang = lang_named(table.entries[i].lang)) out.push_back(*lang);  // the table is generated from Lang's codes
    return out;
  }();
  return langs;
}

Lang default_language() { return supported_languages().front(); }

bool is_supported_language(Lang lang) {
  for (Lang l : supported_languages())
    if (l == lang) return true;
  return false;
}

std::optional<Lang> carried_language(std::string_view c) {
  const std::optional<Lang> lang = lang_named(c);
  if (lang && is_supported_language(*lang)) return lang;
  return std::nullopt;
}

Lang language_or_default(std::string_view c) { return carried_language(c).value_or(default_language()); }

Lang carried_or_default(Lang lang) { return is_supported_language(lang) ? lang : default_language(); }

const nlohmann::json& catalog(Lang lang) {
  // Immutable after first use: constant data, not state. The carried languages' catalogs, in the table's order;
  // a language the binary does not carry gets the default language's.
  static const std::vector<std::pair<Lang, nlohmann::json>> catalogs = [] {
    std::vector<std::pair<Lang, nlohmann::json>> out;
    for (Lang l : supported_languages()) out.emplace_back(l, merged_catalog(entry_for(l)));
    return out;
  }();
  for (const auto& [l, cat] : catalogs)
    if (l == lang) return cat;
  return catalogs.front().second;
}

std::string catalog_parts_text(Lang lang) {
  const EmbeddedCatalog* entry = &entry_for(lang);
  std::string out = "[";
  for (auto part : {entry->engine, entry->page, entry->outcome, entry->staff, entry->takeaway}) {
    if (!part) continue;
    if (out.size() > 1) out += ',';
    out += part();
  }
  return out + "]";
}

std::string fill_placeholders(const std::string& text, const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // The text up to the next brace in one piece (a message is mostly text).
    const std::size_t open = text.find('{', i);
    if (open == std::string::npos) {
      out.append(text, i, std::string::npos);
      break;
    }
    out.append(text, i, open - i);
    const std::size_t close = text.find('}', open + 1);
    if (close != std::string::npos) {
      auto it = params.find(text.substr(open + 1, close - open - 1));
      if (it != params.end()) {
        out += it->second;
        i = close + 1;
        continue;
      }
    }
    out += '{';  // not a placeholder of these params: kept as written
    i = open + 1;
  }
  return out;
}

std::string message(Lang lang, const std::string& key,
                    const std::map<std::string, std::string>& params) {
  const nlohmann::json& cat = catalog(lang);
  auto it = cat.find(key);
  if (it == cat.end() || !it->is_string()) return key;
  return fill_placeholders(it->get_ref<const std::string&>(), params);
}

}  // namespace xueshe
