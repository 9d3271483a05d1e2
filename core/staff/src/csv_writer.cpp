#include "xueshe/csv.hpp"

namespace xueshe {

void csv_append_field(std::string& out, std::string_view field) {
  bool quote = false;
  for (char c : field)
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  if (!quote) {
    if (csv_field_needs_prefix(field)) out.push_back('\'');
    out.append(field);
    return;
  }
  out.push_back('"');
  if (csv_field_needs_prefix(field)) out.push_back('\'');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

namespace {

template <typename List>
void append_record(std::string& out, const List& fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out.push_back(',');
    first = false;
    csv_append_field(out, f);
  }
  out.append("\r\n");
}

}  // namespace

void csv_append_record(std::string& out, const std::vector<std::string_view>& fields) { append_record(out, fields); }
void csv_append_record(std::string& out, const std::vector<std::string>& fields) { append_record(out, fields); }

}  // namespace xueshe
