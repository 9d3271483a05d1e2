#include "xueshe/messages.hpp"

#include <string_view>

#include "xueshe/catalog_table.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {

// The parts of one language's catalog this binary carries, merged (their keys never overlap: the catalog test checks).
nlohmann::json merged_catalog(const EmbeddedCatalog& entry) {
  const JsonLimits limits{1 << 20, 2, 1 << 16};
  nlohmann::json out = nlohmann::json::object();
  for (auto part : {entry.engine, entry.page, entry.staff, entry.takeaway}) {
    if (!part) continue;
    StrictJson parsed = parse_strict_json(part(), limits);
    if (!parsed.error && parsed.value.is_object()) out.update(parsed.value);
  }
  return out;
}

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> langs = [] {
    std::vector<std::string> out;
    CatalogTable table = catalog_table();
    for (std::size_t i = 0; i < table.count; ++i) out.push_back(table.entries[i].lang);
    return out;
  }();
  return langs;
}

const std::string& default_language() { return supported_languages().front(); }

bool is_supported_language(const std::string& lang) {
  for (const auto& l : supported_languages())
    if (l == lang) return true;
  return false;
}

const nlohmann::json& catalog(const std::string& lang) {
  // Immutable after first use: constant data, not state.
  static const std::map<std::string, nlohmann::json> catalogs = [] {
    std::map<std::string, nlohmann::json> out;
    CatalogTable table = catalog_table();
    for (std::size_t i = 0; i < table.count; ++i)
      out[table.entries[i].lang] = merged_catalog(table.entries[i]);
    return out;
  }();
  auto it = catalogs.find(lang);
  return it != catalogs.end() ? it->second : catalogs.at(default_language());
}

std::string catalog_parts_text(const std::string& lang) {
  const CatalogTable table = catalog_table();
  const EmbeddedCatalog* entry = &table.entries[0];  // the default language
  for (std::size_t i = 0; i < table.count; ++i)
    if (lang == table.entries[i].lang) entry = &table.entries[i];
  std::string out = "[";
  for (auto part : {entry->engine, entry->page, entry->staff, entry->takeaway}) {
    if (!part) continue;
    if (out.size() > 1) out += ',';
    out += part();
  }
  return out + "]";
}

std::string fill_placeholders(const std::string& text, const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        auto it = params.find(text.substr(i + 1, close - i - 1));
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

std::string message(const std::string& lang, const std::string& key,
                    const std::map<std::string, std::string>& params) {
  const nlohmann::json& cat = catalog(lang);
  auto it = cat.find(key);
  if (it == cat.end() || !it->is_string()) return key;
  return fill_placeholders(it->get_ref<const std::string&>(), params);
}

}  // namespace xueshe
