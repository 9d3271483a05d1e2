#include "policy_text.hpp"

namespace xueshe {
namespace {

bool is_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ':')) return false;
  return true;
}

bool known(const std::string& name) {
  if (name == "ask" || name == "basis" || name == "org" || name == "limit" || name == "system") return true;
  for (const char* prefix : {"period:", "date:"})
    if (name.rfind(prefix, 0) == 0 && is_name(name.substr(std::char_traits<char>::length(prefix))) &&
        name.find(':', std::char_traits<char>::length(prefix)) == std::string::npos)
      return true;
  return false;
}

// Calls visit(start, end, name) for each "{name}" in text.
template <class Visit>
void each_placeholder(const std::string& text, Visit visit) {
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string::npos) return;
    visit(open, close, text.substr(open + 1, close - open - 1));
  }
}

}  // namespace

std::string unknown_placeholder(const std::string& text, std::vector<std::string>& found) {
  std::string bad;
  each_placeholder(text, [&](std::size_t, std::size_t, const std::string& name) {
    if (!bad.empty()) return;
    if (known(name)) found.push_back(name);
    else bad = "{" + name + "}";
  });
  return bad;
}

std::string fill_policy_text(const std::string& text, FunctionRef<std::string(const std::string&)> value) {
  std::string out;
  std::size_t at = 0;
  each_placeholder(text, [&](std::size_t open, std::size_t close, const std::string& name) {
    if (open < at) return;
    out.append(text, at, open - at);
    out += known(name) ? value(name) : text.substr(open, close - open + 1);
    at = close + 1;
  });
  out.append(text, at, std::string::npos);
  return out;
}

}  // namespace xueshe
