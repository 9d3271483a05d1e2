#include "xueshe/roster_decode.hpp"

#include <algorithm>

#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

std::size_t line_at(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n'));
}

constexpr std::size_t kHalvesFrom = std::size_t{1} << 20;  // a smaller file is read in one piece

// Where `bytes` may be cut in two for a check of each half: at a byte that
// starts a character (not 10xxxxxx) from the middle on, so that the whole is
// UTF-8 exactly when both halves are; 0 where the bytes there start none.
std::size_t utf8_cut(std::string_view bytes) {
  std::size_t cut = bytes.size() / 2;
  for (int k = 0; k < 4 && cut < bytes.size(); ++k, ++cut)
    if ((static_cast<unsigned char>(bytes[cut]) & 0xC0u) != 0x80u) return cut;
  return 0;
}

bool valid_utf8_in_halves(std::string_view bytes, const RunTasks& run_tasks) {
  const std::size_t cut = run_tasks && bytes.size() >= kHalvesFrom ? utf8_cut(bytes) : 0;
  if (cut == 0) return is_valid_utf8(bytes);
  bool first = false, second = false;
  run_all(run_tasks, {[&] { first = is_valid_utf8(bytes.substr(0, cut)); },
                      [&] { second = is_valid_utf8(bytes.substr(cut)); }});
  return first && second;
}

}  // namespace

DecodedRoster decode_roster(std::string_view bytes, const std::string& encoding, Gb18030Reader gb18030,
                            const RunTasks& run_tasks) {
  DecodedRoster d;
  if (encoding != "gb18030" && valid_utf8_in_halves(bytes, run_tasks)) {
    d.bytes = bytes;
    d.encoding = "utf-8";
    return d;
  }
  if (encoding == "utf-8") {
    d.error = Error{"roster_invalid_utf8", "encoding", {{"line", std::to_string(first_invalid_utf8_line(bytes))}}};
    return d;
  }
  std::size_t bad = 0;
  auto text = gb18030(bytes, bad);
  if (!text) {
    if (encoding == "auto") bad = std::max(bad, first_invalid_utf8(bytes));
    d.error = Error{"roster_undecodable", "encoding",
                    {{"encoding", encoding == "auto" ? "UTF-8 / GB18030" : "GB18030"}, {"line", std::to_string(line_at(bytes, bad))}}};
    return d;
  }
  d.converted = std::move(text);
  d.encoding = "gb18030";
  return d;
}

}  // namespace xueshe
