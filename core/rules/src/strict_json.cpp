#include "xueshe/strict_json.hpp"

#include <string>
#include <vector>

namespace xueshe {
namespace {

using nlohmann::json;

// Builds the DOM like nlohmann's own SAX DOM parser, but stops at the first
// duplicate key, excessive depth or overlong string, remembering where.
class StrictBuilder {
 public:
  explicit StrictBuilder(const JsonLimits& limits) : limits_(limits) {}

  json root;
  std::optional<Error> error;

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return put(json(v)); }
  bool binary(json::binary_t&) { return fail("malformed_json", path(), {{"offset", "?"}}); }
  bool string(std::string& v) {
    if (v.size() > limits_.max_string_bytes)
      return fail("string_too_long", path(), {{"max", std::to_string(limits_.max_string_bytes)}});
    return put(json(std::move(v)));
  }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    if (k.size() > limits_.max_string_bytes)
      return fail("string_too_long", json_path_key(f.path, k.substr(0, 40)),
                  {{"max", std::to_string(limits_.max_string_bytes)}});
    if (f.node->contains(k)) return fail("duplicate_key", json_path_key(f.path, k), {});
    f.key = k;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    if (!error) fail("malformed_json", "$", {{"offset", std::to_string(position)}});
    return false;
  }

 private:
  struct Frame {
    json* node;
    std::string path;
    std::string key;  // pending key for objects
  };

  std::string path() const {
    if (frames_.empty()) return "$";
    const Frame& f = frames_.back();
    if (f.node->is_array()) return json_path_index(f.path, f.node->size());
    return json_path_key(f.path, f.key);
  }

  json* place(json v) {
    if (frames_.empty()) {
      root = std::move(v);
      return &root;
    }
    Frame& f = frames_.back();
    if (f.node->is_array()) {
      f.node->push_back(std::move(v));
      return &f.node->back();
    }
    json& slot = (*f.node)[f.key];
    slot = std::move(v);
    return &slot;
  }

  bool put(json v) {
    place(std::move(v));
    return true;
  }

  bool open(json container) {
    if (static_cast<int>(frames_.size()) >= limits_.max_depth)
      return fail("too_deep", path(), {{"max", std::to_string(limits_.max_depth)}});
    std::string p = frames_.empty() ? std::string() : path();
    json* node = place(std::move(container));
    frames_.push_back(Frame{node, p, {}});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  bool fail(const char* code, std::string field, std::map<std::string, std::string> params) {
    error = Error{code, field.empty() ? "$" : std::move(field), std::move(params)};
    return false;
  }

  const JsonLimits& limits_;
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
  return parent + "[" + nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "]";
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
  // nlohmann's lexer takes a NUL byte for the end of the input, so
  // `{"a":1}\0{garbage}` would pass as `{"a":1}`. A NUL is never part of JSON
  // text (in a string it must be written \u0000): the text is malformed there.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    out.error = Error{"malformed_json", "$", {{"offset", std::to_string(nul + 1)}}};  // 1-based, as nlohmann counts
    return out;
  }
  StrictBuilder builder(limits);
  bool ok = json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/false);
  if (builder.error) {
    out.error = builder.error;
  } else if (!ok) {
    out.error = Error{"malformed_json", "$", {{"offset", "?"}}};
  } else {
    out.value = std::move(builder.root);
  }
  return out;
}

}  // namespace xueshe
