#include "xueshe/strict_json.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "xueshe/json_text.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

// A strict JSON reader (RFC 8259) building nlohmann's DOM. It stops at the
// first malformed byte, duplicate key, excessive depth or overlong string,
// remembering where. Written here rather than nlohmann's SAX parser: the
// page's module carries this one (a third of the size: no strtod, no
// printf-based error texts, no soft long double), and it never reads past a
// NUL byte or any other byte that is not JSON.
class StrictReader {
 public:
  StrictReader(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {}

  std::optional<Error> error;

  bool document(json& out) {
    space();
    if (!value(out)) return false;
    space();
    return at_ < text_.size() ? malformed() : true;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;  // the element being read, in an array
    std::string key;    // the member being read, in an object
  };

  std::string path() const {
    std::string p;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      p = f.array ? json_path_index(p, f.index) : json_path_key(p, f.key);
    }
    return p.empty() ? "$" : p;
  }

  bool fail(const char* code, std::string field, std::map<std::string, std::string> params = {}) {
    if (!error) error = Error{code, std::move(field), std::move(params)};
    return false;
  }
  // The 1-based position of the byte that is not JSON (one past the end when the text stops short).
  bool malformed() { return fail("malformed_json", "$", {{"offset", std::to_string(at_ + 1)}}); }

  bool more() const { return at_ < text_.size(); }
  char peek() const { return more() ? text_[at_] : '\0'; }
  void space() {
    while (more() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++at_;
  }
  bool literal(const char* word, json v, json& out) {
    for (const char* c = word; *c; ++c, ++at_)
      if (peek() != *c) return malformed();
    out = std::move(v);
    return true;
  }

  bool value(json& out) {
    switch (peek()) {
      case '{': return object(out);
      case '[': return array(out);
      case '"': {
        std::string s;
        if (!string(s)) return false;
        if (s.size() > limits_.max_string_bytes)
          return fail("string_too_long", path(), {{"max", std::to_string(limits_.max_string_bytes)}});
        out = std::move(s);
        return true;
      }
      case 't': return literal("true", json(true), out);
      case 'f': return literal("false", json(false), out);
      case 'n': return literal("null", json(nullptr), out);
      default: return number(out);
    }
  }

  bool open() {
    if (static_cast<int>(frames_.size()) >= limits_.max_depth)
      return fail("too_deep", path(), {{"max", std::to_string(limits_.max_depth)}});
    ++at_;
    space();
    return true;
  }

  bool object(json& out) {
    if (!open()) return false;
    out = json::object();
    frames_.push_back(Frame{false, 0, {}});
    if (peek() == '}') {
      ++at_;
      frames_.pop_back();
      return true;
    }
    for (;;) {
      if (peek() != '"') return malformed();
      std::string k;
      if (!string(k)) return false;
      if (k.size() > limits_.max_string_bytes) {
        frames_.back().key = k.substr(0, 40);
        return fail("string_too_long", path(), {{"max", std::to_string(limits_.max_string_bytes)}});
      }
      frames_.back().key = k;
      if (out.contains(k)) return fail("duplicate_key", path());
      space();
      if (peek() != ':') return malformed();
      ++at_;
      space();
      if (!value(out[k])) return false;
      space();
      if (peek() == ',') {
        ++at_;
        space();
        continue;
      }
      if (peek() != '}') return malformed();
      ++at_;
      frames_.pop_back();
      return true;
    }
  }

  bool array(json& out) {
    if (!open()) return false;
    out = json::array();
    frames_.push_back(Frame{true, 0, {}});
    if (peek() == ']') {
      ++at_;
      frames_.pop_back();
      return true;
    }
    for (;;) {
      frames_.back().index = out.size();
      json item;
      if (!value(item)) return false;
      out.push_back(std::move(item));
      space();
      if (peek() == ',') {
        ++at_;
        space();
        continue;
      }
      if (peek() != ']') return malformed();
      ++at_;
      frames_.pop_back();
      return true;
    }
  }

  // Four hex digits of a \u escape.
  bool hex4(unsigned& out) {
    out = 0;
    for (int i = 0; i < 4; ++i, ++at_) {
      const char c = peek();
      if (!more()) return malformed();
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<unsigned>(c - 'A' + 10);
      else return malformed();
    }
    return true;
  }

  static void append_utf8(std::string& s, unsigned cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // A string (the text is valid UTF-8, checked before): control characters
  // must be escaped; a \u escape of a surrogate must be a whole pair.
  bool string(std::string& out) {
    ++at_;  // the opening quote
    for (;;) {
      if (!more()) return malformed();
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return malformed();
      if (c != '\\') {
        out += c;
        ++at_;
        continue;
      }
      ++at_;
      const char e = peek();
      const char* from = "\"\\/bfnrt";
      const char* to = "\"\\/\b\f\n\r\t";
      bool simple = false;
      for (int i = 0; from[i]; ++i)
        if (more() && e == from[i]) {
          out += to[i];
          simple = true;
          break;
        }
      if (simple) {
        ++at_;
        continue;
      }
      if (e != 'u') return malformed();
      ++at_;
      unsigned cp = 0;
      if (!hex4(cp)) return false;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return malformed();
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (peek() != '\\') return malformed();
        ++at_;
        if (peek() != 'u') return malformed();
        ++at_;
        unsigned low = 0;
        if (!hex4(low)) return false;
        if (low < 0xDC00 || low > 0xDFFF) return malformed();
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      append_utf8(out, cp);
    }
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? as nlohmann keeps it: an
  // integer that fits 64 bits as one (unsigned when not negative), any other
  // number as a double. No policy or answer takes a fraction; a double is only
  // ever read to be refused and named, so it is converted without strtod
  // (exact for up to 15 significant digits and exponents within ±22).
  bool number(json& out) {
    const bool negative = peek() == '-';
    if (negative) ++at_;
    if (!digit(peek()) || !more()) return malformed();
    std::uint64_t mantissa = 0;
    int exponent = 0;
    bool fits = true, integer = true;
    auto take = [&](char c) {
      const auto d = static_cast<std::uint64_t>(c - '0');
      // Up to 18446744073709551615 itself: an unsigned integer as nlohmann reads it.
      if (mantissa < UINT64_MAX / 10 || (mantissa == UINT64_MAX / 10 && d <= UINT64_MAX % 10)) {
        mantissa = mantissa * 10 + d;
      } else {
        fits = false;
        ++exponent;  // a digit beyond 64 bits: keep the magnitude
      }
    };
    if (peek() == '0') {
      ++at_;
    } else {
      while (more() && digit(peek())) take(text_[at_++]);
    }
    if (more() && peek() == '.') {
      integer = false;
      ++at_;
      if (!more() || !digit(peek())) return malformed();
      while (more() && digit(peek())) {
        take(text_[at_++]);
        --exponent;  // a fraction digit, kept or not, is a tenth of the one before
      }
    }
    if (more() && (peek() == 'e' || peek() == 'E')) {
      integer = false;
      ++at_;
      bool minus = false;
      if (more() && (peek() == '+' || peek() == '-')) minus = text_[at_++] == '-';
      if (!more() || !digit(peek())) return malformed();
      int e = 0;
      while (more() && digit(peek())) {
        if (e < 100000) e = e * 10 + (text_[at_] - '0');
        ++at_;
      }
      exponent += minus ? -e : e;
    }
    if (integer && fits) {
      if (!negative) {
        out = json(static_cast<json::number_unsigned_t>(mantissa));
        return true;
      }
      if (mantissa <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
        out = json(mantissa == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN
                                                                           : -static_cast<std::int64_t>(mantissa));
        return true;
      }
    }
    double scale = 1;  // 10^|exponent|, exact up to 10^22
    for (int e = exponent < 0 ? -exponent : exponent; e > 0 && scale < 1e300; --e) scale *= 10;
    double v = mantissa == 0 ? 0.0 : static_cast<double>(mantissa);
    if (mantissa != 0) v = exponent < 0 ? v / scale : v * scale;
    out = json(negative ? -v : v);
    return true;
  }

  std::string_view text_;
  const JsonLimits& limits_;
  std::size_t at_ = 0;
  std::vector<Frame> frames_;
};

}  // namespace

std::string json_path_key(const std::string& parent, const std::string& key) {
  // Plain names read as a.b.c; a name that is empty or would be ambiguous in a
  // path is quoted: a[""], a["x.y"].
  bool plain = !key.empty();
  for (unsigned char c : key)
    if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\' || c <= ' ') plain = false;
  if (plain) return parent.empty() ? key : parent + "." + key;
  return parent + "[" + to_json_text(nlohmann::json(key)) + "]";
}

std::string json_path_index(const std::string& parent, std::size_t index) {
  return (parent.empty() ? std::string("$") : parent) + "[" + std::to_string(index) + "]";
}

StrictJson parse_strict_json(std::string_view text, const JsonLimits& limits) {
  StrictJson out;
  if (text.size() > limits.max_bytes) {
    out.error = Error{"too_large", "$", {{"max", std::to_string(limits.max_bytes)}}};
    return out;
  }
  bool blank = true;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') { blank = false; break; }
  if (blank) {
    out.error = Error{"empty_input", "$", {}};
    return out;
  }
  if (!is_valid_utf8(text)) {
    out.error = Error{"invalid_utf8", "$", {}};
    return out;
  }
  // A NUL byte is never part of JSON text (in a string it is written \u0000):
  // the reader stops there, where nlohmann's lexer alone would take it for the end.
  StrictReader reader(text, limits);
  json value;
  if (!reader.document(value)) {
    out.error = reader.error;
  } else {
    out.value = std::move(value);
  }
  return out;
}

}  // namespace xueshe
