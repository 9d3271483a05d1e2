#include "xueshe/json_text.hpp"

#include <array>
#include <cmath>
#include <cstdint>

namespace xueshe {
namespace {

using nlohmann::json;

// The length of the well-formed UTF-8 sequence at s[i], or, when it is
// ill-formed, 0 with `seen` = how many of its bytes were acceptable before
// the one that is not (the Unicode "maximal subpart").
std::size_t utf8_sequence(const std::string& s, std::size_t i, std::size_t& seen) {
  const auto at = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  seen = 0;
  if (len == 0) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    seen = k;
    if (i + k >= s.size()) return 0;
    const unsigned char b = at(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
  }
  return len;
}

void write_string(const std::string& s, std::string& out) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
          if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    std::size_t seen = 0;
    const std::size_t len = utf8_sequence(s, i, seen);
    if (len) {
      out.append(s, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD for the ill-formed bytes; the next byte is read again
      i += seen ? seen : 1;
    }
  }
  out += '"';
}

void write_number(double x, std::string& out) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  std::array<char, 64> buffer{};
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  out.append(buffer.data(), end);
}

void write(const json& v, bool pretty, int level, std::string& out) {
  const auto newline = [&](int depth) {
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  };
  switch (v.type()) {
    case json::value_t::object: {
      if (v.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ',';
        first = false;
        if (pretty) newline(level + 1);
        write_string(it.key(), out);
        out += pretty ? ": " : ":";
        write(it.value(), pretty, level + 1, out);
      }
      if (pretty) newline(level);
      out += '}';
      return;
    }
    case json::value_t::array: {
      if (v.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const json& item : v) {
        if (!first) out += ',';
        first = false;
        if (pretty) newline(level + 1);
        write(item, pretty, level + 1, out);
      }
      if (pretty) newline(level);
      out += ']';
      return;
    }
    case json::value_t::string: write_string(v.get_ref<const std::string&>(), out); return;
    case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
    case json::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return;
    case json::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return;
    case json::value_t::number_float: write_number(v.get<double>(), out); return;
    case json::value_t::binary:  // never made by the engine or the strict reader
    case json::value_t::discarded:
    case json::value_t::null: out += "null"; return;
  }
}

}  // namespace

std::string to_json_text(const json& value, bool pretty) {
  std::string out;
  write(value, pretty, 0, out);
  return out;
}

}  // namespace xueshe
