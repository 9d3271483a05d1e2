// JSON parsing for untrusted input: valid UTF-8 only, no duplicate keys, bounded
// size, depth and string length. Never throws; a failure is an Error whose field
// is the JSON path where it happened.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "xueshe/error.hpp"

namespace xueshe {

struct JsonLimits {
  std::size_t max_bytes;
  int max_depth;
  std::size_t max_string_bytes;
};

struct StrictJson {
  nlohmann::json value;
  std::optional<Error> error;
};

StrictJson parse_strict_json(std::string_view text, const JsonLimits& limits);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view text);
// The byte offset of the first byte that does not start or continue a
// well-formed sequence (the rules above), or npos when `text` is valid.
std::size_t first_invalid_utf8(std::string_view text);
// The 1-based line of that byte, for messages about a file.
std::size_t first_invalid_utf8_line(std::string_view text);

// "a.b[2].c" style path helpers used by every loader; an empty or ambiguous
// key is quoted: a[""], a["x.y"].
std::string json_path_key(const std::string& parent, const std::string& key);
std::string json_path_index(const std::string& parent, std::size_t index);

}  // namespace xueshe
