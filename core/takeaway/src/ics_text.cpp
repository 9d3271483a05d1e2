#include "xueshe/ics_text.hpp"

namespace xueshe {
namespace {

bool starts_character(unsigned char c) { return (c & 0xC0u) != 0x80u; }

// The end of the longest piece from `begin` of at most `limit` octets that
// ends on a character boundary. Only bytes that are not UTF-8 (a run of
// continuation bytes longer than any character) are ever cut mid-run.
std::size_t piece_end(std::string_view line, std::size_t begin, std::size_t limit) {
  if (line.size() - begin <= limit) return line.size();
  std::size_t end = begin + limit;
  while (end > begin && !starts_character(static_cast<unsigned char>(line[end]))) --end;
  return end > begin ? end : begin + limit;
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        break;
      case '\t': out += c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
  return out;
}

std::string ics_content_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 24 + 2);
  std::size_t begin = 0;
  std::size_t end = piece_end(line, 0, ics_max_line_octets);
  out.append(line.substr(0, end));
  for (begin = end; begin < line.size(); begin = end) {
    end = piece_end(line, begin, ics_max_line_octets - 1);  // the leading space counts
    out += "\r\n ";
    out.append(line.substr(begin, end - begin));
  }
  out += "\r\n";
  return out;
}

}  // namespace xueshe
