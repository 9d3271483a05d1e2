// Applicant input that does not parse: the strict parser's failures as
// application errors, with the field named wherever the text allows — down to
// the field whose text holds an invalid UTF-8 byte (the parser itself only
// knows that the input as a whole is not UTF-8).
#include <string>
#include <vector>

#include "xueshe/application.hpp"

namespace xueshe {
namespace {

// The JSON path of the value being read at byte `offset` of a JSON text (as
// far as the text up to there is well-formed): "applicant.name", "$" at top
// level. A key being read names its object.
std::string json_path_at(std::string_view text, std::size_t offset) {
  struct Level {
    bool object;
    std::string key;
    std::size_t index = 0;
    bool want_key = true;
  };
  std::vector<Level> stack;
  bool in_string = false, escape = false, is_key = false;
  std::string current;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escape) {
        escape = false;
        if (is_key) current += c;  // near enough: a key is only named, never looked up
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
        if (is_key) stack.back().key = current;
      } else if (is_key) {
        current += c;
      }
      continue;
    }
    switch (c) {
      case '{': stack.push_back(Level{true, "", 0, true}); break;
      case '[': stack.push_back(Level{false, "", 0, false}); break;
      case '}': case ']': if (!stack.empty()) stack.pop_back(); break;
      case ',':
        if (!stack.empty()) {
          if (stack.back().object) stack.back().want_key = true;
          else ++stack.back().index;
        }
        break;
      case ':': if (!stack.empty()) stack.back().want_key = false; break;
      case '"':
        in_string = true;
        is_key = !stack.empty() && stack.back().object && stack.back().want_key;
        current.clear();
        break;
      default: break;
    }
  }
  const std::size_t depth = in_string && is_key ? stack.size() - 1 : stack.size();
  std::string path;
  for (std::size_t i = 0; i < depth; ++i)
    path = stack[i].object ? json_path_key(path, stack[i].key) : json_path_index(path, stack[i].index);
  return path.empty() ? "$" : path;
}

std::string with_prefix(const std::string& prefix, const std::string& path) {
  if (path == "$" || path.empty()) return prefix.empty() ? "$" : prefix;
  if (prefix.empty()) return path;
  return path[0] == '[' ? prefix + path : prefix + "." + path;
}

}  // namespace

Error application_json_error(const Error& e, std::string_view text, const std::string& prefix) {
  std::string field = with_prefix(prefix, e.field);
  if (e.code == "invalid_utf8") {
    const std::size_t at = first_invalid_utf8(text);
    if (at != std::string_view::npos) field = with_prefix(prefix, json_path_at(text, at));
    return Error{"application_invalid_utf8", field, {}};
  }
  if (e.code == "duplicate_key") return Error{"application_duplicate_field", field, {}};
  if (e.code == "too_deep") return Error{"application_wrong_type", field, {}};
  if (e.code == "too_large" || e.code == "string_too_long")
    return Error{"application_too_large", prefix.empty() ? "$" : prefix, {}};
  return Error{"application_malformed_json", field, {}};  // malformed_json, empty_input
}

}  // namespace xueshe
