// The value at a loader-style JSON path ("deadlines[0].date",
// "clauses[13].text.zh-CN", "a[\"x.y\"]" — the syntax the policy loader's
// error messages use), or nullptr when the path does not resolve. For
// nlohmann::json and nlohmann::ordered_json alike.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/strict_json.hpp"

namespace xueshe {

template <class Json>
const Json* json_at_path(const Json& doc, std::string_view path) {
  const Json* node = &doc;
  std::size_t i = 0;
  if (path.empty()) return nullptr;
  if (path[0] == '$') i = 1;
  bool first = i == 0;
  while (i < path.size()) {
    std::string key;
    bool is_index = false;
    std::size_t index = 0;
    if (path[i] == '[') {
      ++i;
      if (i < path.size() && path[i] == '"') {
        std::size_t j = i + 1;
        while (j < path.size() && path[j] != '"') j += path[j] == '\\' ? 2 : 1;
        if (j >= path.size()) return nullptr;
        // The quoted key is a JSON string (json_path_key writes it so); the strict parser reads it.
        const std::string_view quoted = path.substr(i, j - i + 1);
        StrictJson literal = parse_strict_json(quoted, JsonLimits{quoted.size(), 1, quoted.size()});
        if (literal.error || !literal.value.is_string()) return nullptr;
        key = literal.value.template get<std::string>();
        i = j + 1;
      } else {
        std::size_t j = i;
        while (j < path.size() && path[j] >= '0' && path[j] <= '9' && j - i < 9) {
          index = index * 10 + static_cast<std::size_t>(path[j] - '0');
          ++j;
        }
        if (j == i) return nullptr;
        is_index = true;
        i = j;
      }
      if (i >= path.size() || path[i] != ']') return nullptr;
      ++i;
    } else {
      if (!first) {
        if (path[i] != '.') return nullptr;
        ++i;
      }
      std::size_t j = i;
      while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
      if (j == i) return nullptr;
      key = std::string(path.substr(i, j - i));
      i = j;
    }
    first = false;
    if (is_index) {
      if (!node->is_array() || index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      if (!node->is_object()) return nullptr;
      auto it = node->find(key);
      if (it == node->end()) return nullptr;
      node = &*it;
    }
  }
  return node;
}

}  // namespace xueshe
